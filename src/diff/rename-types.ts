import type { QualifiedName } from '../model/schema-model'

/**
 * RenameDecision is a confirmed rename: `kind: 'table'` renames the table `table` (whose name is `from`) to
 * `to` in the same schema; `kind: 'column'` renames column `from` of `table` (named as the entities name it)
 * to `to`. A confirmed rename becomes one RENAME instead of a drop and an add, so every row is kept.
 */
export interface RenameDecision {
  readonly kind: 'table' | 'column'
  readonly table: QualifiedName
  readonly from: string
  readonly to: string
}

/**
 * SuspectedRename is a dropped table or column that looks like an added one: the detector's guess, with
 * the reasons a reviewer can check ("same type varchar(200)", "same position", "3 of 4 columns equal").
 */
export interface SuspectedRename extends RenameDecision {
  readonly reasons: readonly string[]
}

/**
 * RenameHint is a rename stated by the user (`@RenamedFrom`, `--rename`). `table.schema` undefined matches
 * the table in any schema; for a column, `table.name` may be the table's old or new name. `origin` names the
 * hint in messages (`--rename post.body=content`).
 */
export interface RenameHint extends RenameDecision {
  readonly origin: string
}

/** IgnoredHint is a hint that did not apply, and why; `stale` when its old name is simply gone (already applied). */
export interface IgnoredHint {
  readonly hint: RenameHint
  readonly reason: string
  readonly stale: boolean
}

/** RenameAsk asks whether a suspected rename is one; the CLI's terminal prompt is one. */
export type RenameAsk = (suspect: SuspectedRename) => Promise<boolean>

/** renameLabel writes a rename the way the CLI flag does: `post.body -> post.content`, `post -> article`. */
export function renameLabel(rename: RenameDecision): { readonly from: string; readonly to: string } {
  return rename.kind === 'table'
    ? { from: rename.from, to: rename.to }
    : { from: `${rename.table.name}.${rename.from}`, to: `${rename.table.name}.${rename.to}` }
}
