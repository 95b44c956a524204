import { quoteDoubled, quoteLiteral } from '../dialect/quote'
import type { ColumnGeneration, ColumnModel, ComputedColumn } from '../model/schema-model'
import { typeTextWithValues } from '../model/type-text'
import type { AlterColumn } from '../operations/operation'

/** describeColumn is a column's type and everything declared on it: `integer NOT NULL default 0`. */
export function describeColumn(column: ColumnModel): string {
  const parts = [typeTextWithValues(column), nullability(column)]
  if (column.default !== undefined) parts.push(`default ${column.default}`)
  if (column.generated !== undefined) parts.push(`generated ${describeGeneration(column.generated)}`)
  if (column.computed !== undefined) parts.push(`computed ${describeComputed(column.computed)}`)
  if (column.charset !== undefined) parts.push(`charset ${column.charset}`)
  if (column.collation !== undefined) parts.push(`collate ${quoteDoubled(column.collation)}`)
  if (column.comment !== undefined) parts.push(`comment ${quoteLiteral(column.comment)}`)
  if (column.onUpdate !== undefined) parts.push(`on update ${column.onUpdate}`)
  return parts.join(' ')
}

/**
 * columnChangeText lists what an AlterColumn changes (its recorded `changes`), each as `old -> new`:
 * `varchar(50) -> varchar(100)`, `NOT NULL -> NULL`, `default 'x' -> none`.
 */
export function columnChangeText(op: AlterColumn): string[] {
  const { from, to, changes } = op
  const text = (label: string, a: string | undefined, b: string | undefined) => `${label}${a ?? 'none'} -> ${b ?? 'none'}`
  const lines: string[] = []
  if (changes.includes('type') || changes.includes('size') || changes.includes('enumValues')) lines.push(text('', typeTextWithValues(from), typeTextWithValues(to)))
  if (changes.includes('nullability')) lines.push(text('', nullability(from), nullability(to)))
  if (changes.includes('default')) lines.push(text('default ', from.default, to.default))
  if (changes.includes('generated')) lines.push(text('generated ', mapOptional(from.generated, describeGeneration), mapOptional(to.generated, describeGeneration)))
  if (changes.includes('computed')) lines.push(text('computed ', mapOptional(from.computed, describeComputed), mapOptional(to.computed, describeComputed)))
  if (changes.includes('collation') && from.charset !== to.charset) lines.push(text('charset ', from.charset, to.charset))
  if (changes.includes('collation') && from.collation !== to.collation) lines.push(text('collate ', mapOptional(from.collation, quoteDoubled), mapOptional(to.collation, quoteDoubled)))
  if (changes.includes('comment')) lines.push(text('comment ', mapOptional(from.comment, quoteLiteral), mapOptional(to.comment, quoteLiteral)))
  if (changes.includes('onUpdate')) lines.push(text('on update ', from.onUpdate, to.onUpdate))
  return lines
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
