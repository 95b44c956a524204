import type { QualifiedName } from '../model/schema-model'

/**
 * RenameDecision is a confirmed rename: `kind: 'table'` renames the table `table` (whose name is `from`) to
 * `to`, in the same schema or, given `toSchema`, moved to that one; `kind: 'column'` renames column `from`
 * of `table` (named as the entities name it) to `to`. A confirmed rename becomes one RENAME (or move)
 * instead of a drop and an add, so every row is kept.
 */
export interface RenameDecision {
  readonly kind: 'table' | 'column'
  readonly table: QualifiedName
  readonly from: string
  readonly to: string
  readonly toSchema?: string
}

/** renamedTableName is where a table decision puts the table: `to`, in `toSchema` or its own schema. */
export function renamedTableName(rename: RenameDecision): QualifiedName {
  const schema = rename.toSchema ?? rename.table.schema
  return schema === undefined ? { name: rename.to } : { schema, name: rename.to }
}

/**
 * SuspectedRename is a dropped table or column that looks like an added one: the detector's guess, with
 * the reasons a reviewer can check ("same type varchar(200)", "same position", "3 of 4 columns equal").
 */
export interface SuspectedRename extends RenameDecision {
  readonly reasons: readonly string[]
  /** Set where tables of several schemas have the column's table's name: messages name it with its schema (`core.usage.amount`). */
  readonly namedWithSchema?: true
}

/**
 * RenameHint is a rename stated by the user (`@RenamedFrom`, `--rename`). `table.schema` undefined matches
 * the table in any schema; for a column, `table.name` may be the table's old or new name. `move` marks a
 * table hint that names schemas, stating a move to `toSchema` (or, without it, to wherever the entities have
 * the new table; see matchTableHint). `origin` names the hint in messages (`--rename post.body=content`).
 */
export interface RenameHint extends RenameDecision {
  readonly origin: string
  readonly move?: boolean
}

/**
 * LabelRenameHint states that a label of an enum column became another (`--rename post.status:pending=queued`,
 * `@RenamedLabel('pending', 'queued')`): the rows holding it keep their value under the new label. `table` is
 * the table's old or new name, `column` the column's new name.
 */
export interface LabelRenameHint {
  readonly kind: 'label'
  readonly table: QualifiedName
  readonly column: string
  readonly from: string
  readonly to: string
  readonly origin: string
}

/** AnyRenameHint is a stated rename of a table, a column or an enum label. */
export type AnyRenameHint = RenameHint | LabelRenameHint

/** IgnoredHint is a hint that did not apply, and why; `stale` when its old name is simply gone (already applied). */
export interface IgnoredHint {
  readonly hint: AnyRenameHint
  readonly reason: string
  readonly stale: boolean
}

/** RenameAsk asks whether a suspected rename is one; the CLI's terminal prompt is one. */
export type RenameAsk = (suspect: SuspectedRename) => Promise<boolean>

/**
 * renameLabel writes a rename the way the CLI flag does: `post.body -> post.content`, `post -> article`, and
 * a move to another schema with both schemas, `crm.client -> sales.client`. `qualified` names a column's table
 * with its schema (`core.usage.amount`), as renameFlagText does.
 */
export function renameLabel(rename: RenameDecision, qualified = false): { readonly from: string; readonly to: string } {
  const table = qualified && rename.table.schema !== undefined ? `${rename.table.schema}.${rename.table.name}` : rename.table.name
  if (rename.kind === 'column') return { from: `${table}.${rename.from}`, to: `${table}.${rename.to}` }
  return movesSchema(rename)
    ? { from: `${rename.table.schema}.${rename.from}`, to: `${rename.toSchema}.${rename.to}` }
    : { from: rename.from, to: rename.to }
}

/** renamedOrMoved is the verb for `rename` in sentences: `moved` for a table moved to another schema. */
export function renamedOrMoved(rename: RenameDecision): 'renamed' | 'moved' {
  return rename.kind === 'table' && movesSchema(rename) ? 'moved' : 'renamed'
}

/** movesSchema is whether a table decision moves its table to another schema. */
export function movesSchema(rename: RenameDecision): boolean {
  return rename.toSchema !== undefined && rename.toSchema !== rename.table.schema
}
