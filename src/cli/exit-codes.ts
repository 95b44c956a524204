/** ExitCode is the documented exit status of every command (README, "Exit codes"). */
export const ExitCode = {
  /** Success; for `check`, the database matches the entities. */
  ok: 0,
  /** `check` only: the entities have changes that no migration applies yet, or declare a table twice, differently. */
  changesMissing: 1,
  /** Any error: bad configuration, unreachable database, rejected entity, unwritable folder. */
  error: 2,
  /** `generate` only: a dropped table or column may have been renamed; nothing was written (see the hint printed). */
  renameUnresolved: 3,
} as const
