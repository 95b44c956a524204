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
  /**
   * Set when a later statement of the same list uses what this statement adds, which the database allows
   * only once this statement's transaction has committed (PostgreSQL's `ALTER TYPE ... ADD VALUE`): the
   * reason. `generate` then writes the change as two migrations, cut after this statement, so that each
   * runs whole in one transaction (see src/pipeline/split-at-commits.ts).
   */
  readonly commitBeforeUse?: string
  /**
   * Set on every statement of a table rebuild (a new table is created, every row copied into it, the old
   * one dropped): the name of the table rebuilt. Hazard rules read it (TABLE_REBUILD).
   */
  readonly rebuild?: string
}
