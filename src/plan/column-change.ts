import type { ColumnModel, QualifiedName } from '../model/schema-model'
import type { AlterColumn } from '../operations/operation'

/**
 * ColumnAspect is one thing about a column that can change: its `type` (name, array-ness, enum type), its
 * `size` (length, precision, scale), `nullability`, `default`, `generated` (serial, identity, uuid),
 * `computed` expression, `enumValues` (where labels belong to the column, not to a type), `collation` (with the
 * character set), `comment`, `onUpdate`.
 */
export type ColumnAspect = 'type' | 'size' | 'nullability' | 'default' | 'generated' | 'computed' | 'enumValues' | 'collation' | 'comment' | 'onUpdate'

/** ColumnComparison tunes what counts as a column change for the dialect at hand. */
export interface ColumnComparison {
  /** Enum labels belong to a named type that is diffed on its own, not to the column. */
  readonly enumValuesOnType: boolean
  /** See DialectCapabilities.retypeRewritesPredicates. */
  readonly retypeRewritesPredicates?: boolean
}

const aspects: { readonly [A in ColumnAspect]: (c: ColumnModel) => unknown } = {
  type: (c) => [c.type, c.isArray ?? false, c.enumName ?? null, c.enumSchema ?? null],
  size: (c) => [c.length ?? null, c.precision ?? null, c.scale ?? null],
  nullability: (c) => c.nullable,
  default: (c) => c.default ?? null,
  generated: (c) => c.generated ?? null,
  computed: (c) => (c.computed ? [c.computed.expression, c.computed.stored] : null),
  enumValues: (c) => c.enumValues ?? null,
  collation: (c) => [c.charset ?? null, c.collation ?? null],
  comment: (c) => c.comment ?? null,
  onUpdate: (c) => c.onUpdate ?? null,
}

/**
 * columnChanges lists what differs between two states of one column, in the order of ColumnAspect: the one
 * place that works it out. The diff records it on each AlterColumn, and every later stage reads it there.
 */
export function columnChanges(from: ColumnModel, to: ColumnModel, comparison: ColumnComparison = { enumValuesOnType: false }): ColumnAspect[] {
  return aspectNames.filter((aspect) =>
    !(aspect === 'enumValues' && comparison.enumValuesOnType) && !sameAspect(aspects[aspect](from), aspects[aspect](to)))
}

const aspectNames = Object.keys(aspects) as ColumnAspect[]

/** sameAspect compares two aspect values as their JSON would, without writing it where they are plain values. */
function sameAspect(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameAspect(item, b[i]))
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b)
}

/** alterColumn is the AlterColumn from `from` to `to` of `table`, with what changes recorded (see columnChanges). */
export function alterColumn(table: QualifiedName, from: ColumnModel, to: ColumnModel, comparison?: ColumnComparison): AlterColumn {
  return { kind: 'alter_column', table, from, to, changes: columnChanges(from, to, comparison) }
}

/** changesType says whether a column change converts its values: its type or size changes. */
export function changesType(changes: readonly ColumnAspect[]): boolean {
  return changes.includes('type') || changes.includes('size')
}
