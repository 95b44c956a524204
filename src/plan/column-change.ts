import type { ColumnGeneration, ColumnModel, QualifiedName } from '../model/schema-model'
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

const aspects: { readonly [A in ColumnAspect]: (a: ColumnModel, b: ColumnModel) => boolean } = {
  type: (a, b) => a.type === b.type && (a.isArray ?? false) === (b.isArray ?? false) && same(a.enumName, b.enumName) && same(a.enumSchema, b.enumSchema),
  size: (a, b) => same(a.length, b.length) && same(a.precision, b.precision) && same(a.scale, b.scale),
  nullability: (a, b) => a.nullable === b.nullable,
  default: (a, b) => same(a.default, b.default),
  generated: (a, b) => sameGeneration(a.generated, b.generated),
  computed: (a, b) => (a.computed && b.computed
    ? sameValue(a.computed.expression, b.computed.expression) && sameValue(a.computed.stored, b.computed.stored)
    : !a.computed === !b.computed),
  enumValues: (a, b) => same(a.enumValues, b.enumValues),
  collation: (a, b) => same(a.charset, b.charset) && same(a.collation, b.collation),
  comment: (a, b) => same(a.comment, b.comment),
  onUpdate: (a, b) => same(a.onUpdate, b.onUpdate),
}

const noEnumTypes: ColumnComparison = { enumValuesOnType: false }

/**
 * columnChanges lists what differs between two states of one column, in the order of ColumnAspect: the one
 * place that works it out. The diff records it on each AlterColumn, and every later stage reads it there.
 */
export function columnChanges(from: ColumnModel, to: ColumnModel, comparison: ColumnComparison = noEnumTypes): ColumnAspect[] {
  const changed: ColumnAspect[] = []
  for (const aspect of aspectNames) {
    if (!(aspect === 'enumValues' && comparison.enumValuesOnType) && !aspects[aspect](from, to)) changed.push(aspect)
  }
  return changed
}

const aspectNames = Object.keys(aspects) as ColumnAspect[]

/** same compares two values of an aspect where absent means null. */
const same = (a: unknown, b: unknown) => sameValue(a ?? null, b ?? null)

function sameGeneration(a: ColumnGeneration | undefined, b: ColumnGeneration | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.kind === 'identity' && b.kind === 'identity') return a.always === b.always
  return a.kind === b.kind
}

/** sameValue compares two values as their JSON would, without writing it where they are plain values. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]))
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
