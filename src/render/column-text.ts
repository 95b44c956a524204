import { quoteDoubled, quoteLiteral } from '../dialect/quote'
import type { ColumnGeneration, ColumnModel, ComputedColumn } from '../model/schema-model'
import { typeTextWithValues } from '../model/type-text'

/** describeColumn is a column's type and everything declared on it: `integer NOT NULL default 0`. */
export function describeColumn(column: ColumnModel): string {
  const parts = [typeTextWithValues(column), nullability(column)]
  if (column.default !== undefined) parts.push(`default ${column.default}`)
  if (column.generated !== undefined) parts.push(`generated ${describeGeneration(column.generated)}`)
  if (column.computed !== undefined) parts.push(`computed ${describeComputed(column.computed)}`)
  if (column.collation !== undefined) parts.push(`collate ${quoteDoubled(column.collation)}`)
  if (column.comment !== undefined) parts.push(`comment ${quoteLiteral(column.comment)}`)
  return parts.join(' ')
}

/**
 * columnChanges lists what differs between two states of one column, each as `old -> new`:
 * `varchar(50) -> varchar(100)`, `NOT NULL -> NULL`, `default 'x' -> none`.
 */
export function columnChanges(from: ColumnModel, to: ColumnModel): string[] {
  const changes: string[] = []
  const compare = (label: string, a: string | undefined, b: string | undefined): void => {
    if (a !== b) changes.push(`${label}${a ?? 'none'} -> ${b ?? 'none'}`)
  }
  compare('', typeTextWithValues(from), typeTextWithValues(to))
  compare('', nullability(from), nullability(to))
  compare('default ', from.default, to.default)
  compare('generated ', mapOptional(from.generated, describeGeneration), mapOptional(to.generated, describeGeneration))
  compare('computed ', mapOptional(from.computed, describeComputed), mapOptional(to.computed, describeComputed))
  compare('collate ', mapOptional(from.collation, quoteDoubled), mapOptional(to.collation, quoteDoubled))
  compare('comment ', mapOptional(from.comment, quoteLiteral), mapOptional(to.comment, quoteLiteral))
  return changes
}

/** listOfColumns writes column names as `(a, b)`, quoting only names that need it. */
export function listOfColumns(columns: readonly string[]): string {
  return `(${columns.map((c) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(c) ? c : quoteDoubled(c))).join(', ')})`
}

function nullability(column: ColumnModel): string {
  return column.nullable ? 'NULL' : 'NOT NULL'
}

function describeGeneration(generation: ColumnGeneration): string {
  switch (generation.kind) {
    case 'increment': return 'increment'
    case 'identity': return generation.always ? 'identity always' : 'identity by default'
    case 'uuid': return 'uuid'
    case 'rowid': return 'rowid'
  }
}

function describeComputed(computed: ComputedColumn): string {
  return `(${computed.expression}) ${computed.stored ? 'stored' : 'virtual'}`
}

function mapOptional<T>(value: T | undefined, f: (value: T) => string): string | undefined {
  return value === undefined ? undefined : f(value)
}
