import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Alembic's revision words (head, base, +1, -1) name no migration here, and some of its commands (revision,
// heads, merge, init) have no namesake: the one-line error says which command
// or flag does what they do, exit 2, and nothing is applied.

let project: TempProject
const cli = (...args: string[]) => runCliInProcess(project.dir, args)

beforeAll(async () => {
  project = tempProject({
    'ormconfig.ts': sqliteConfig({ entities: '[]', options: "migrations: ['migrations/*.ts']," }),
  })
  for (const [name, timestamp] of [['First', '1700000000000'], ['Second', '1700000001000']]) {
    expect((await cli('create', name!, '--timestamp', timestamp!)).code).toBe(0)
  }
})
afterAll(() => project?.remove())

it.each([
  [['upgrade', 'head'], 'Unknown argument: head: Alembic\'s head is the newest migration: `typeorm-autogen upgrade` without --to goes there'],
  [['upgrade', '+1'], 'Unknown argument: +1: Alembic\'s relative +1 is `typeorm-autogen upgrade --steps 1`'],
  [['downgrade', '-2'], 'Unknown argument: -2: Alembic\'s relative -2 is `typeorm-autogen downgrade --steps 2`'],
  [['downgrade', 'base'], 'Unknown argument: base: Alembic\'s base is before every migration: `typeorm-autogen downgrade --all` goes there'],
  [['upgrade', '--to', 'head'], 'no migration matches "head" (Alembic\'s head is the newest migration, Second1700000001000: `typeorm-autogen upgrade` without --to goes there): name one of First1700000000000, Second1700000001000 (its name, its timestamp, or a unique prefix of either)'],
  [['downgrade', '--to', 'base'], 'no migration matches "base" (Alembic\'s base is before every migration: `typeorm-autogen downgrade --all` goes there): name one of First1700000000000, Second1700000001000 (its name, its timestamp, or a unique prefix of either)'],
  [['upgrade', '--to', '+1'], 'no migration matches "+1" (Alembic\'s relative +1 is `typeorm-autogen upgrade --steps 1`): name one of First1700000000000, Second1700000001000 (its name, its timestamp, or a unique prefix of either)'],
])('%j exits 2 with one line saying what does that here, applying nothing', async (args, message) => {
  const run = await cli(...args)
  expect(run.stderr).toBe(`typeorm-autogen: ${message}\n`)
  expect(run.code).toBe(2)
  expect((await cli('current')).stdout).toBe('')
})

it('leaves other unknown arguments and names as they were', async () => {
  expect((await cli('upgrade', 'latest')).stderr).toBe('typeorm-autogen: Unknown argument: latest (see --help)\n')
  expect((await cli('upgrade', '--to', 'Third')).stderr).toBe(
    'typeorm-autogen: no migration matches "Third": name one of First1700000000000, Second1700000001000 (its name, its timestamp, or a unique prefix of either)\n')
})

it.each([
  [['revision', '--autogenerate', '-m', 'add email'], "Unknown arguments: autogenerate, m, revision: Alembic's revision is `typeorm-autogen create <Name>` here, and revision --autogenerate is `typeorm-autogen generate <Name>`"],
  [['heads'], "Unknown argument: heads: Alembic's heads and branches are `typeorm-autogen status` here: migrations run in timestamp order, so there is one line of them, and `check` names one a merge left out of order"],
  [['merge'], "Unknown argument: merge: Alembic's merge is, after the git merge, `typeorm-autogen hash`, then `typeorm-autogen check`, which names a migration left out of order with the `rebase` that moves it on top"],
  [['init'], 'Unknown argument: init: typeorm-autogen needs no init: it reads the DataSource that -c names (./ormconfig.ts by default)'],
])('Alembic\'s command %j exits 2 with one line naming what does it here', async (args, message) => {
  expect(await cli(...args)).toMatchObject({ code: 2, stdout: '', stderr: `typeorm-autogen: ${message}\n` })
})
