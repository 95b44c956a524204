import type { Dialect } from '../dialect/dialect'
import type { Statement } from '../dialect/statement'
import type { SchemaModel } from '../model/schema-model'
import type { ChangeSet } from '../plan/change-set'
import type { SuspectedRenameInput } from './suspected-rename'

/** HazardDialect is what the rules may ask of a dialect: its capabilities and pure functions, never its name. */
export type HazardDialect = Pick<Dialect, 'capabilities' | 'classifyTypeChange' | 'normalize' | 'namesReadAsStrings' | 'quoteIdent' | 'losesCharacters' | 'enumLabelKey'>

/** HazardInput is everything the rules read. They are pure: no I/O, no dialect names. */
export interface HazardInput {
  /** The `up` operations, in order, grouped per table, starting from the database as it is (or a `down`'s, see findDownHazards). */
  readonly changes: ChangeSet
  /** The compiled statements of those operations. */
  readonly statements: readonly Statement[]
  readonly dialect: HazardDialect
  /** The entities' model as TypeORM describes it, before `normalize`: shows declarations the database cannot keep. */
  readonly declared?: SchemaModel
  /** Drops and adds that look like renames (found by the rename detector). */
  readonly suspectedRenames?: readonly SuspectedRenameInput[]
}
