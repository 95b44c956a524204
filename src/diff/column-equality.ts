import type { ColumnModel } from '../model/schema-model'

/** ColumnComparison tunes what counts as a column change for the dialect at hand. */
export interface ColumnComparison {
  /** Enum labels belong to a named type that is diffed on its own, not to the column. */
  readonly enumValuesOnType: boolean
}

/** columnsEqual says whether two columns of the same name have the same definition. */
export function columnsEqual(a: ColumnModel, b: ColumnModel, comparison: ColumnComparison): boolean {
  return columnSignature(a, comparison) === columnSignature(b, comparison)
}

function columnSignature(c: ColumnModel, comparison: ColumnComparison): string {
  return JSON.stringify([
    c.type,
    c.length ?? null,
    c.precision ?? null,
    c.scale ?? null,
    c.isArray ?? false,
    c.nullable,
    c.default ?? null,
    c.generated ?? null,
    c.computed ? [c.computed.expression, c.computed.stored] : null,
    comparison.enumValuesOnType ? null : (c.enumValues ?? null),
    c.enumName ?? null,
    c.comment ?? null,
    c.collation ?? null,
  ])
}
