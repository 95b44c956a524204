import type { ScriptSyntax } from './sql-lines'
import type { ChangeSet } from '../plan/change-set'
import type { CheckFinding } from '../hazards/check-finding'
import type { TableLocation } from '../source/entity-locations'

/** ReportContext is what the `markdown` and `github` formats show beyond the plan, gathered by the command. */
export interface ReportContext {
  /** The plan's operations per table, with each table before and after: `markdown` shows their definitions. */
  readonly changes?: ChangeSet
  /** `check`'s verdict, one sentence (markdown allowed): in sync, or what to do about the changes. Absent for `diff`. */
  readonly verdict?: string
  /** What the changes are, as a title (`github`'s annotations of the changed tables): `Migration missing` where absent. */
  readonly verdictTitle?: string
  /** Where the entities declare their tables and columns: `github` points its annotations there. */
  readonly locations?: readonly TableLocation[]
  /** The folder `github` writes file paths relative to (the repository's root). */
  readonly root?: string
  /** Findings other than the plan's: `json` lists them as `problems`, `markdown` under Findings, `github` as annotations. */
  readonly problems?: readonly CheckFinding[]
  /**
   * The dialect's script syntax: `sql` ends each statement as its client needs, and writes a statement that must
   * return no rows as its failing check, so that the script stops there.
   */
  readonly script?: ScriptSyntax
}
