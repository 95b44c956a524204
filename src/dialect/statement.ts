import type { Operation } from '../operations/operation'

/**
 * Statement is one SQL statement of a migration, with the operations it carries out.
 * The renderer turns it into a `queryRunner.query(...)` call.
 */
export interface Statement {
  readonly sql: string
  /** The operations this statement carries out (a SQLite rebuild carries several). */
  readonly operations: readonly Operation[]
  /** Set when the statement must return no rows (`PRAGMA foreign_key_check`): the message the migration fails with. */
  readonly failIfRows?: string
  /** Set when the statement cannot run inside a transaction: the reason, which the file explains. */
  readonly outsideTransaction?: string
  /**
   * Set on every statement of a table rebuild (a new table is created, every row copied into it, the old
   * one dropped): the name of the table rebuilt. Hazard rules read it (TABLE_REBUILD).
   */
  readonly rebuild?: string
}
