const heads = "Alembic's heads and branches are `typeorm-autogen status` here: migrations run in timestamp order, so there is one line of them, and `check` names one a merge left out of order"

/** What Alembic's commands that typeorm-autogen has no command of the same name for are here. */
const equivalents: Readonly<Record<string, string>> = {
  revision: "Alembic's revision is `typeorm-autogen create <Name>` here, and revision --autogenerate is `typeorm-autogen generate <Name>`",
  heads,
  branches: heads,
  merge: "Alembic's merge is, after the git merge, `typeorm-autogen hash`, then `typeorm-autogen check`, which names a migration left out of order with the `rebase` that moves it on top",
  init: 'typeorm-autogen needs no init: it reads the DataSource that -c names (./ormconfig.ts by default)',
}

/** alembicCommandAdvice says what to run instead of `command` when it is one of Alembic's commands typeorm-autogen lacks. */
export function alembicCommandAdvice(command: string | undefined): string | undefined {
  return command !== undefined && Object.hasOwn(equivalents, command) ? equivalents[command] : undefined
}
