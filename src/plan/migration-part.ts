/**
 * MigrationPart says which of the migrations one change was cut into this is: a statement's effect can be
 * used only once its transaction has committed, so the statements using it run in the next migration.
 */
export interface MigrationPart {
  /** 1-based. */
  readonly number: number
  /** The class names of all the parts, in the order they run. */
  readonly classes: readonly string[]
  /** Why the change is cut, one sentence each. */
  readonly reasons: readonly string[]
  /** Set when the last part is written online and runs outside a transaction (see MigrationPlan.outsideTransaction). */
  readonly lastOnline?: true
}
