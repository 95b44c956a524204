import type { DialectCapabilities } from '../dialect/dialect'
import { quoteLiteral } from '../dialect/quote'
import type { SchemaModel } from '../model/schema-model'
import { sameName } from '../model/qualified-name'
import type { OperationOf } from '../operations/operation'
import { hintTables } from './rename-hint-match'
import type { LabelRenameHint, RenameDecision } from './rename-types'

/** LabelHintMatch is a label hint turned into the label's rename, or the reason it does not apply. */
export type LabelHintMatch =
  | { readonly op: OperationOf<'rename_enum_label'> }
  | { readonly reason: string; readonly stale: boolean }

/**
 * matchLabelHint checks a label hint against `model` (the database, table and column renames applied) and
 * `desired`: it applies where the entities' column has the new label and not the old one, and the database's
 * column is of an enum type that has the old label and not the new one. Once the database has the new label
 * and not the old, the hint is spent. Only a dialect with enum types renames a label in place: elsewhere each
 * column holds its labels, and the hint does not apply.
 */
export function matchLabelHint(
  model: SchemaModel,
  desired: SchemaModel,
  hint: LabelRenameHint,
  tableRenames: readonly RenameDecision[],
  capabilities: DialectCapabilities,
): LabelHintMatch {
  const { wanted, current } = hintTables(model, desired, hint, tableRenames)
  const column = `"${hint.table.name}"."${hint.column}"`
  const from = quoteLiteral(hint.from)
  const to = quoteLiteral(hint.to)
  if (wanted === undefined) return { reason: `the entities have no table "${hint.table.name}"`, stale: false }
  const wantedLabels = wanted.columns.find((c) => c.name === hint.column)?.enumValues
  if (wantedLabels === undefined) return { reason: `the entities have no enum column ${column}`, stale: false }
  if (!wantedLabels.includes(hint.to)) return { reason: `the entities' column ${column} has no label ${to}`, stale: false }
  if (wantedLabels.includes(hint.from)) return { reason: `the entities' column ${column} keeps the label ${from}`, stale: false }
  const held = current?.columns.find((c) => c.name === hint.column)
  if (current === undefined || held?.enumValues === undefined) return { reason: `the database has no enum column ${column}`, stale: true }
  if (!capabilities.enumTypes || held.type !== 'enum' || held.enumName === undefined) {
    return {
      reason: `the database keeps the labels of ${column} on the column, where no label is renamed in place: add ${to}, move the rows from ${from} with an UPDATE in a migration of your own, then remove ${from}`,
      stale: false,
    }
  }
  const enumType = { schema: held.enumSchema ?? current.schema, name: held.enumName }
  const labels = model.enums.find((e) => sameName(e, enumType))?.values ?? held.enumValues
  if (!labels.includes(hint.from)) return { reason: `the database's column ${column} has no label ${from}`, stale: labels.includes(hint.to) }
  if (labels.includes(hint.to)) return { reason: `the database's column ${column} has the label ${to} already`, stale: false }
  return { op: { kind: 'rename_enum_label', enumType, from: hint.from, to: hint.to } }
}
