import type { ColumnModel, ForeignKeyModel, IndexModel, QualifiedName, TableModel, UniqueModel } from '../model/schema-model'
import { uniqueKeysOf } from '../model/unique-keys'

/**
 * TableDeclaration is one declaration of a table: an `@Entity` class or the `@JoinTable` of a ManyToMany.
 * `writer` names what writes rows through it (`ProductChannel`, `Product.channels`).
 */
export interface TableDeclaration {
  readonly label: string
  readonly writer: string
  readonly isEntity: boolean
  readonly table: TableModel
}

/**
 * DeclarationConflict is a table declared twice, differently: the model follows `followed` and leaves
 * `ignored` out. `differences` lists every difference, `breaks` what goes wrong for the ignored one's writers.
 */
export interface DeclarationConflict {
  readonly table: QualifiedName
  readonly followed: string
  readonly ignored: string
  readonly differences: readonly string[]
  readonly breaks: readonly string[]
}

/** SettledTable is the one model of a table declared several times, and the conflicts among its declarations. */
export interface SettledTable {
  readonly table: TableModel
  readonly conflicts: readonly DeclarationConflict[]
}

/**
 * settleDeclarations makes one table of its declarations (at least one, in TypeORM's order of its metadata).
 * The first `@Entity` is followed, else the first `@JoinTable`, which is the one TypeORM's schema builder
 * creates the table from (two sides of a ManyToMany each with its own list their own join column first, so
 * that it decides the primary key's column order). Declarations with the same columns and primary key
 * columns agree: their indexes, uniques, foreign keys and checks are merged. Any other is a conflict, and left out.
 */
export function settleDeclarations(declarations: readonly TableDeclaration[]): SettledTable {
  const followed = declarations.find((d) => d.isEntity) ?? declarations[0]!
  let table = followed.table
  const conflicts: DeclarationConflict[] = []
  for (const other of declarations) {
    if (other === followed) continue
    if (sameShape(followed.table, other.table)) table = merged(table, other.table)
    else conflicts.push(conflictOf(followed, other))
  }
  return { table, conflicts }
}

function sameShape(a: TableModel, b: TableModel): boolean {
  return columnsOnlyIn(a, b).length === 0 && columnsOnlyIn(b, a).length === 0 && changedColumns(a, b).length === 0 && sameKey(a, b)
}

/**
 * sameKey says whether two declarations key the table on the same columns, in any order: each side of a
 * ManyToMany declared with `@JoinTable` on both lists its own join column first, as TypeORM always does.
 */
function sameKey(a: TableModel, b: TableModel): boolean {
  const sorted = (table: TableModel) => (table.primaryKey === undefined ? undefined : [...table.primaryKey.columns].sort())
  return keyText(sorted(a)) === keyText(sorted(b))
}

function merged(table: TableModel, other: TableModel): TableModel {
  const add = <T extends { name: string }>(mine: readonly T[], theirs: readonly T[], key: (item: T) => string): T[] => {
    const keys = new Set(mine.map(key))
    const names = new Set(mine.map((item) => item.name))
    return [...mine, ...theirs.filter((item) => !keys.has(key(item)) && !names.has(item.name))]
  }
  return {
    ...table,
    indexes: add(table.indexes, other.indexes, indexKey),
    uniques: add(table.uniques, other.uniques, uniqueKey),
    foreignKeys: add(table.foreignKeys, other.foreignKeys, foreignKeyKey),
    checks: add(table.checks, other.checks, (check) => check.expression),
  }
}

function conflictOf(followed: TableDeclaration, ignored: TableDeclaration): DeclarationConflict {
  const [a, b] = [followed.table, ignored.table]
  const only = (label: string, what: string, items: readonly string[]) => items.map((item) => `${what} ${item} only in ${label}`)
  const differences = [
    ...only(followed.label, 'column', columnsOnlyIn(a, b)),
    ...only(ignored.label, 'column', columnsOnlyIn(b, a)),
    ...changedColumns(a, b).map(([x, y]) => `column ${x.name} is ${columnText(x)} in ${followed.label} but ${columnText(y)} in ${ignored.label}`),
    ...(sameKey(a, b)
      ? []
      : [`primary key ${keyText(a.primaryKey?.columns)} in ${followed.label} but ${keyText(b.primaryKey?.columns)} in ${ignored.label}`]),
    ...only(followed.label, 'foreign key', keysOnlyIn(a.foreignKeys, b.foreignKeys, foreignKeyKey)),
    ...only(ignored.label, 'foreign key', keysOnlyIn(b.foreignKeys, a.foreignKeys, foreignKeyKey)),
    ...only(followed.label, 'index', keysOnlyIn(a.indexes, b.indexes, indexKey)),
    ...only(ignored.label, 'index', keysOnlyIn(b.indexes, a.indexes, indexKey)),
    ...only(followed.label, 'unique', keysOnlyIn(a.uniques, b.uniques, uniqueKey)),
    ...only(ignored.label, 'unique', keysOnlyIn(b.uniques, a.uniques, uniqueKey)),
  ]
  return { table: { ...(a.schema !== undefined && { schema: a.schema }), name: a.name }, followed: followed.label, ignored: ignored.label, differences, breaks: breaksOf(a, ignored) }
}

/** breaksOf says what fails for the writers of `ignored` on a table built as `table`. */
function breaksOf(table: TableModel, ignored: TableDeclaration): string[] {
  const theirs = new Set(ignored.table.columns.map((c) => c.name))
  const required = table.columns.filter((c) => !theirs.has(c.name) && !c.nullable && c.default === undefined && c.generated === undefined && c.computed === undefined)
  const missing = columnsOnlyIn(ignored.table, table)
  const key = ignored.table.primaryKey?.columns
  const stillUnique = key === undefined || uniqueKeysOf(table).some((columns) => keyText([...columns].sort()) === keyText([...key].sort()))
  const unchecked = keysOnlyIn(ignored.table.foreignKeys, table.foreignKeys, foreignKeyKey)
  return [
    ...required.map((c) => `writes through ${ignored.writer} fail, because ${c.name} is NOT NULL with no default`),
    ...missing.map((name) => `queries of ${ignored.writer} on ${name} fail, because the table has no such column`),
    ...(stillUnique ? [] : [`${ignored.writer} may store the same ${keyText(key)} twice, because nothing keeps it unique`]),
    ...unchecked.map((fk) => `references of ${ignored.writer} are not checked (${fk})`),
  ]
}

function columnsOnlyIn(a: TableModel, b: TableModel): string[] {
  const names = new Set(b.columns.map((c) => c.name))
  return a.columns.filter((c) => !names.has(c.name)).map((c) => c.name)
}

function changedColumns(a: TableModel, b: TableModel): Array<[ColumnModel, ColumnModel]> {
  return a.columns.flatMap((x): Array<[ColumnModel, ColumnModel]> => {
    const y = b.columns.find((c) => c.name === x.name)
    return y !== undefined && columnText(x) !== columnText(y) ? [[x, y]] : []
  })
}

/** columnText describes a column's definition, for comparing and for the conflict's sentence. */
function columnText(column: ColumnModel): string {
  const size = [column.length, column.precision, column.scale].filter((n) => n !== undefined)
  return [
    `${column.type}${size.length > 0 ? `(${size.join(',')})` : ''}${column.isArray === true ? '[]' : ''}`,
    column.nullable ? 'NULL' : 'NOT NULL',
    ...(column.default !== undefined ? [`DEFAULT ${column.default}`] : []),
    ...(column.generated !== undefined ? [`generated ${column.generated.kind}`] : []),
    ...(column.computed !== undefined ? [`AS (${column.computed.expression})`] : []),
    ...(column.enumValues !== undefined ? [`enum (${column.enumValues.join(', ')})`] : []),
  ].join(' ')
}

function keysOnlyIn<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): string[] {
  const keys = new Set(b.map(key))
  return a.map(key).filter((k) => !keys.has(k))
}

function keyText(columns: readonly string[] | undefined): string {
  return columns === undefined ? '(none)' : `(${columns.join(', ')})`
}

function indexKey(index: IndexModel): string {
  return `${index.unique ? 'unique ' : ''}${keyText(index.columns)}${index.where !== undefined ? ` WHERE ${index.where}` : ''}`
}

function uniqueKey(unique: UniqueModel): string {
  return keyText(unique.columns)
}

function foreignKeyKey(fk: ForeignKeyModel): string {
  const target = fk.referencedSchema !== undefined ? `${fk.referencedSchema}.${fk.referencedTable}` : fk.referencedTable
  return `${keyText(fk.columns)} -> ${target}${keyText(fk.referencedColumns)} ON DELETE ${fk.onDelete}`
}
