import type { DialectCapabilities } from '../dialect/dialect'
import { quoteLiteral } from '../dialect/quote'
import type { SchemaModel } from '../model/schema-model'
import { nameOf, sameName } from '../model/qualified-name'
import type { OperationOf } from '../operations/operation'
import { hintTables } from './rename-hint-match'
import type { LabelRenameHint, RenameDecision } from './rename-types'

/** LabelHintMatch is a label hint turned into the label's rename, or the reason it does not apply. */
export type LabelHintMatch =
  | { readonly op: OperationOf<'rename_enum_label'> | OperationOf<'rename_column_label'> }
  | { readonly reason: string; readonly stale: boolean }

/**
 * matchLabelHint checks a label hint against `model` (the database, table and column renames applied) and
 * `desired`: it applies where the entities' column has the new label and not the old one, and the database's
 * column (its enum type, where the dialect has them) has the old label and not the new one. Once the database has
 * the new label and not the old, the hint is spent, and so it stays where the entities rename that label again. A
 * set's values list labels, and are not renamed.
 */
export function matchLabelHint(
  model: SchemaModel,
  desired: SchemaModel,
  hint: LabelRenameHint,
  tableRenames: readonly RenameDecision[],
  capabilities: DialectCapabilities,
): LabelHintMatch {
  const { wanted, current } = hintTables(model, desired, { table: hint.table, from: hint.column, to: hint.column }, tableRenames)
  const column = `"${hint.table.name}"."${hint.column}"`
  const from = quoteLiteral(hint.from)
  const to = quoteLiteral(hint.to)
  if (wanted === undefined) return { reason: `the entities have no table "${hint.table.name}"`, stale: false }
  const wantedLabels = wanted.columns.find((c) => c.name === hint.column)?.enumValues
  if (wantedLabels === undefined) return { reason: `the entities have no enum column ${column}`, stale: false }
  const held = current?.columns.find((c) => c.name === hint.column)
  const ofType = capabilities.enumTypes
  const enumType = held && current && { schema: held.enumSchema ?? current.schema, name: held.enumName ?? '' }
  const labels = held?.enumValues && ((ofType && enumType ? model.enums.find((e) => sameName(e, enumType))?.values : undefined) ?? held.enumValues)
  // A label renamed again since (pending to queued, then queued to waiting): the database has none of the hint's old label.
  if (!wantedLabels.includes(hint.to)) return { reason: `the entities' column ${column} has no label ${to}`, stale: labels !== undefined && !labels.includes(hint.from) }
  if (wantedLabels.includes(hint.from)) return { reason: `the entities' column ${column} keeps the label ${from}`, stale: false }
  if (current === undefined || held?.enumValues === undefined || labels === undefined || enumType === undefined) return { reason: `the database has no enum column ${column}`, stale: true }
  if (held.type === 'set') return { reason: `${column} is a set, whose values list labels: move them with an UPDATE in a migration of your own`, stale: false }
  if (ofType && (held.type !== 'enum' || held.enumName === undefined)) return { reason: `the database's column ${column} is not of an enum type`, stale: false }
  if (!labels.includes(hint.from)) return { reason: `the database's column ${column} has no label ${from}`, stale: labels.includes(hint.to) }
  if (labels.includes(hint.to)) return { reason: `the database's column ${column} has the label ${to} already`, stale: false }
  const { from: old, to: renamed } = hint
  return { op: ofType ? { kind: 'rename_enum_label', enumType, from: old, to: renamed } : { kind: 'rename_column_label', table: nameOf(current), column: held, from: old, to: renamed } }
}
