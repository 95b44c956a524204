import type { QualifiedName, SchemaModel, TableModel } from '../model/schema-model'
import { nameOf, sameName } from '../model/qualified-name'
import { type RenameDecision, type RenameHint, renamedTableName } from './rename-types'

/** HintMatch is a hint turned into a decision, or the reason it does not apply. */
export type HintMatch =
  | { readonly decision: RenameDecision }
  | { readonly reason: string; readonly stale: boolean }

/**
 * matchTableHint checks a table hint against `model` (the database, earlier renames applied) and `desired`:
 * it applies when the database has the old table, and the entities have the new table (in the same schema,
 * or in `hint.toSchema` for a move) and the database does not. A hint naming the old schema but not the new
 * one (`@RenamedFrom('crm.client')` on an entity in the default schema) finds the new table in whichever
 * schema the entities alone have it. Entities that still have the old name have a new table under it,
 * created after the rename; once that is done, both sides have both names, and the hint is spent.
 */
export function matchTableHint(model: SchemaModel, desired: SchemaModel, hint: RenameHint): HintMatch {
  const inSchema = (t: TableModel) => hint.table.schema === undefined || t.schema === hint.table.schema
  const olds = model.tables.filter((t) => t.name === hint.from && inSchema(t))
  if (olds.length === 0) {
    // Spent once the rename ran, or where the database has no table at all (a new one, made from scratch).
    const inNewSchema = (t: TableModel) => hint.move === true ? hint.toSchema === undefined || t.schema === hint.toSchema : inSchema(t)
    const renamed = model.tables.some((t) => t.name === hint.to && inNewSchema(t))
    return { reason: `the database has no table "${hint.from}"`, stale: renamed || model.tables.length === 0 }
  }
  const refusals: { reason: string; stale: boolean }[] = []
  for (const old of olds) {
    const target = targetOf(model, desired, hint, old)
    if (model.tables.some((t) => sameName(t, target))) {
      refusals.push({ reason: `the database already has table "${hint.to}"`, stale: desired.tables.some((t) => sameName(t, old)) })
    } else if (!desired.tables.some((t) => sameName(t, target))) refusals.push({ reason: `the entities have no table "${hint.to}"`, stale: false })
    else {
      const move = target.schema !== old.schema && target.schema !== undefined ? { toSchema: target.schema } : {}
      return { decision: { kind: 'table', table: nameOf(old), from: hint.from, to: hint.to, ...move } }
    }
  }
  return refusals[0]!
}

/** targetOf is the table a table hint renames `old` to (see matchTableHint). */
function targetOf(model: SchemaModel, desired: SchemaModel, hint: RenameHint, old: TableModel): QualifiedName {
  if (hint.toSchema !== undefined) return { schema: hint.toSchema, name: hint.to }
  const sameSchema = { schema: old.schema, name: hint.to }
  if (hint.move !== true || desired.tables.some((t) => sameName(t, sameSchema))) return sameSchema
  const elsewhere = desired.tables.filter((t) => t.name === hint.to && !model.tables.some((m) => sameName(m, t)))
  return elsewhere.length === 1 ? nameOf(elsewhere[0]!) : sameSchema
}

/**
 * matchColumnHint checks a column hint (its table found by hintTables): the hint applies when the database's
 * table has the old column, and the entities' table has the new column and the database's does not. Entities
 * that still have the old name have a new column under it, added after the rename.
 */
export function matchColumnHint(
  model: SchemaModel,
  desired: SchemaModel,
  hint: RenameHint,
  tableRenames: readonly RenameDecision[],
): HintMatch {
  const { wanted, current } = hintTables(model, desired, hint, tableRenames)
  const label = (column: string) => `"${hint.table.name}"."${column}"`
  if (wanted === undefined) return { reason: `the entities have no table "${hint.table.name}"`, stale: false }
  if (current === undefined) return { reason: `the database has no table "${hint.table.name}"`, stale: true }
  if (!has(current, hint.from)) return { reason: `the database has no column ${label(hint.from)}`, stale: has(current, hint.to) }
  if (has(current, hint.to)) return { reason: `the database already has column ${label(hint.to)}`, stale: false }
  if (!has(wanted, hint.to)) return { reason: `the entities have no column ${label(hint.to)}`, stale: false }
  return { decision: { kind: 'column', table: nameOf(wanted), from: hint.from, to: hint.to } }
}

/**
 * tableFreedBy is the database's table whose column `hint.to` the entities drop, so that the hint can take its
 * name once it is dropped: the hint applies but for that column, and no other hint renames the column away
 * (a swap of two names stays refused).
 */
export function tableFreedBy(
  model: SchemaModel,
  desired: SchemaModel,
  hint: RenameHint,
  tableRenames: readonly RenameDecision[],
  hints: readonly RenameHint[],
): TableModel | undefined {
  const { wanted, current } = hintTables(model, desired, hint, tableRenames)
  if (wanted === undefined || current === undefined) return undefined
  const renamedAway = hints.some((h) => h !== hint && h.kind === 'column' && h.table.name === hint.table.name && h.from === hint.to)
  // Entities that still have the old name may be a decorator's leftover after the rename: nothing is dropped then.
  const applies = has(current, hint.from) && !has(wanted, hint.from) && has(wanted, hint.to)
  return applies && has(current, hint.to) && !renamedAway ? current : undefined
}

/**
 * hintTables finds a column hint's table among the entities, by its new name or, when a table rename names
 * it, by its old one; and the same table in the database. A hint naming no schema, where tables of several
 * schemas have the name (`--rename usage.amount=units` beside "core"."usage" and "billing"."usage"), finds
 * the one whose database table has the old column (`from`) and whose entity has the new one (`to`); a label
 * hint names its column as both.
 */
export function hintTables(model: SchemaModel, desired: SchemaModel, hint: { readonly table: QualifiedName; readonly from: string; readonly to: string }, tableRenames: readonly RenameDecision[]) {
  const inSchema = (t: { schema?: string }) => hint.table.schema === undefined || t.schema === hint.table.schema
  const renamed = tableRenames.filter((r) => r.from === hint.table.name && inSchema(r.table))
  const named = desired.tables.filter((t) => t.name === hint.table.name && inSchema(t))
  const candidates = named.length > 0 ? named : desired.tables.filter((t) => renamed.some((r) => sameName(renamedTableName(r), t)))
  const pairs = candidates.map((wanted) => ({ wanted, current: model.tables.find((t) => sameName(t, wanted)) }))
  const fitting = pairs.find(({ wanted, current }) => current !== undefined && has(current, hint.from) && has(wanted, hint.to))
  return fitting ?? pairs[0] ?? { wanted: undefined, current: undefined }
}

const has = (t: TableModel, column: string) => t.columns.some((c) => c.name === column)
