/**
 * ExitCode is the documented exit status of every command (README, "Exit codes"). Where several apply, the
 * first in this order wins: error, folderIntegrity, changesMissing, drift, hazardPolicy.
 */
export const ExitCode = {
  /** Success; for `check`, the database matches the entities. */
  ok: 0,
  /** `check`: the entities have changes that no migration applies yet, or declare a table or an enum type twice, differently; `stamp`: the database does not match the entities, so nothing was recorded. */
  changesMissing: 1,
  /** Any error: bad configuration, unreachable database, rejected entity, unwritable folder. */
  error: 2,
  /** `generate` only: a dropped table or column may have been renamed; nothing was written (see the hint printed). */
  renameUnresolved: 3,
  /** `check --drift` only: the live database differs from the schema its applied migrations produce (changed by hand). */
  drift: 4,
  /** `check` only: the migrations folder fails its own checks (an applied migration edited, migrations out of order, autogen.sum missing or not matching, a `down` that does not revert its `up`). */
  folderIntegrity: 5,
  /** `check --fail-on` only: a migration not yet applied has a hazard of that severity or above that no reviewer accepted. */
  hazardPolicy: 6,
} as const
