import type { TestDatabase } from '../support/test-database'
import { entityName } from './entity-schemas'
import { type ColumnSpec, type FuzzDialect, type RelationSpec, type SchemaSpec, type TableSpec, columnById, keyPartColumn, referencesKeyPart, tableById } from './schema-spec'

/** Rows are a schema's rows read back, per table id, each a map from column key (`id`, `c<id>`, `r<id>`) to its value as text. */
export type Rows = Map<number, Record<string, string | null>[]>

/**
 * insertSql writes A's rows: every value differs per row and is never negative, so that B's new uniques and
 * checks hold; a column holds NULLs only where both A and B allow them; foreign keys point at parent rows, under
 * A and under B (a column B's relation points at another table holds NULL where that table has no such row).
 */
export function insertSql(a: SchemaSpec, b: SchemaSpec, dialect: FuzzDialect): string[] {
  // A relation to the table itself or a later one (a cycle) gets its values once every table is filled.
  const updates: string[] = []
  const inserts = a.tables.flatMap((table) =>
    Array.from({ length: table.rows }, (_, i) => i + 1).map((row) => {
      const relationValues = table.relations.map((r) => {
        const parent = tableById(a, r.target)!
        const parentRow = ((row - 1) % Math.max(parent.rows, 1)) + 1
        // A one-to-one (under A or B) holds each parent once.
        const once = r.oneToOne === true || tableById(b, table.id)?.relations.some((x) => x.id === r.id && x.oneToOne === true) === true
        const value = parent.rows > 0 && row % 2 === 1 && (!once || row <= parent.rows) ? referencedLiteral(parent, r, parentRow, dialect) ?? 'NULL' : 'NULL'
        return pointsAtRowInB(a, b, table, r, value, parentRow, dialect) ? value : 'NULL'
      })
      const later = (k: number) => table.relations[k].target >= table.id
      const keyParts = table.relations.map((r, k) => (referencesKeyPart(a, r) ? [relationValues[k] === 'NULL' ? 'NULL' : '1'] : []))
      table.relations.forEach((r, k) => {
        if (!later(k) || relationValues[k] === 'NULL') return
        const set = [`${quote(r.columnName)} = ${relationValues[k]}`, ...keyParts[k].map((v) => `${quote(keyPartColumn(r.id))} = ${v}`)]
        updates.push(`UPDATE ${tableRef(table)} SET ${set.join(', ')} WHERE "id" = ${idLiteral(table, row)}`)
      })
      const columns = table.columns.filter((c) => c.kind !== 'generated')
      const discriminator = table.childColumns === undefined ? [] : ['kind']
      const names = [...discriminator, ...keyNames(table), ...columns.map((c) => c.name), ...table.relations.map((r) => r.columnName), ...keyPartNames(a, table)]
      const values = [
        ...discriminator.map(() => (row % 2 === 0 ? `'child'` : `'${entityName(table.id)}'`)),
        idLiteral(table, row),
        ...(table.compositeKey === true ? ['1'] : []),
        ...columns.map((c) => (nullAllowed(table, c, b) && row % 3 === 0 ? 'NULL' : literal(c, row, dialect))),
        ...relationValues.map((v, k) => (later(k) ? 'NULL' : v)),
        ...keyParts.flatMap((v, k) => (later(k) ? v.map(() => 'NULL') : v)),
      ]
      return `INSERT INTO ${tableRef(table)} (${names.map(quote).join(', ')}) VALUES (${values.join(', ')})`
    }),
  )
  return [...inserts, ...updates]
}

/**
 * pointsAtRowInB says whether `value`, written for relation `inA` of `table`, also matches a row under B, where B
 * keeps that relation, or one on its column, pointing at another table (A's rows are B's: a table B creates has none),
 * and, where B keeps the column, whether the row survives `down`.
 */
function pointsAtRowInB(a: SchemaSpec, b: SchemaSpec, table: TableSpec, inA: RelationSpec, value: string, parentRow: number, dialect: FuzzDialect): boolean {
  if (value === 'NULL') return true
  const after = tableById(b, table.id)
  const relations = after?.relations.filter((r) => r.id === inA.id || r.columnName === inA.columnName) ?? []
  // `down` re-creates a table B drops empty, and adds the key back: a value kept in B must still match then.
  const kept = relations.length > 0 || (after?.columns.some((c) => c.name === inA.columnName) ?? false)
  if (kept && tableById(b, inA.target) === undefined) return false
  return relations.every((relation) => {
    const parent = tableById(a, relation.target)
    return parent !== undefined && parentRow <= parent.rows && referencedLiteral(parent, relation, parentRow, dialect) === value
  })
}

/** readRows reads every table of `schema` with the columns it declares, ordered by key. */
export async function readRows(db: TestDatabase, schema: SchemaSpec): Promise<Rows> {
  const rows: Rows = new Map()
  for (const table of schema.tables) {
    const keyParts = table.relations.filter((r) => referencesKeyPart(schema, r))
    const keys = [...keyNames(table), ...table.columns.map((c) => `c${c.id}`), ...table.relations.map((r) => `r${r.id}`), ...keyParts.map((r) => `r${r.id}k2`)]
    const names = [...keyNames(table), ...table.columns.map((c) => c.name), ...table.relations.map((r) => r.columnName), ...keyPartNames(schema, table)]
    const read = await db.query<Record<string, unknown>>(
      `SELECT ${names.map((n, i) => `${quote(n)} AS k${i}`).join(', ')} FROM ${tableRef(table)} ORDER BY "id"`,
    )
    const kinds = [...keyNames(table), ...table.columns.map((c) => c.kind), ...table.relations.map(() => 'rel'), ...keyParts.map(() => 'rel')]
    rows.set(table.id, read.map((r) => Object.fromEntries(keys.map((key, i) => [key, normalized(kinds[i], r[`k${i}`])]))))
  }
  return rows
}

/** keptRows keeps, of `rows` read under `from`, the tables and columns `to` has too. */
export function keptRows(rows: Rows, from: SchemaSpec, to: SchemaSpec): Rows {
  const kept: Rows = new Map()
  for (const table of from.tables) {
    const other = tableById(to, table.id)
    if (other === undefined) continue
    const keys = new Set([...keyNames(other), ...other.columns.map((c) => `c${c.id}`), ...other.relations.map((r) => `r${r.id}`), ...other.relations.map((r) => `r${r.id}k2`)])
    kept.set(table.id, (rows.get(table.id) ?? []).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => keys.has(k)))))
  }
  return kept
}

/** keyNames are the columns of a table's key, which are also their keys in Rows. */
const keyNames = (table: TableSpec) => (table.compositeKey === true ? ['id', 'k2'] : ['id'])

/** keyPartNames are the columns of a table's relations that reference a composite key's `k2`. */
const keyPartNames = (schema: SchemaSpec, table: TableSpec) =>
  table.relations.filter((r) => referencesKeyPart(schema, r)).map((r) => keyPartColumn(r.id))

function nullAllowed(table: TableSpec, column: ColumnSpec, b: SchemaSpec): boolean {
  const after = tableById(b, table.id)
  const later = after && columnById(after, column.id)
  return column.nullable && (later === undefined || later.nullable || later.heldNulls === true)
}

/** referencedLiteral is, as SQL, what a relation references in row `row` of its target (as A has it): its key or its unique column. */
function referencedLiteral(target: TableSpec, relation: RelationSpec, row: number, dialect: FuzzDialect): string | undefined {
  if (relation.toColumn === undefined) return idLiteral(target, row)
  const column = columnById(target, relation.toColumn)
  return column === undefined ? undefined : literal(column, row, dialect)
}

/** idLiteral is the key of row `row` of a table, as SQL. */
export function idLiteral(table: TableSpec, row: number): string {
  return table.primaryKey === 'uuid' ? `'10000000-0000-4000-8000-${String(table.id * 100 + row).padStart(12, '0')}'` : String(row)
}

function literal(column: ColumnSpec, row: number, dialect: FuzzDialect): string {
  const id = column.id
  switch (column.kind) {
    case 'int':
    case 'bigint': return String(row * 100 + id)
    case 'varchar': return `'v${row}x${id}'`
    case 'text': return `'t${row}''ï'`
    case 'boolean': return dialect === 'postgres' ? String(row % 2 === 0) : String(row % 2)
    case 'numeric': return `${row}.25`
    case 'double': return `${row}.5`
    case 'timestamp': return `'2024-01-0${row} 0${id % 10}:00:00'`
    case 'uuid': return `'00000000-0000-4000-8000-${String(row * 1000 + id).padStart(12, '0')}'`
    case 'json': return `'{"k": ${row}}'`
    case 'enum': return `'${['a', 'b'][row % 2]}'`
    case 'intArray': return `'{${row},${id}}'`
    case 'timestamptz': return dialect === 'postgres' ? `'2024-01-0${row} 0${id % 10}:00:00.123456+00'` : `'2024-01-0${row} 0${id % 10}:00:00.123456'`
    case 'createDate':
    case 'updateDate':
    case 'deleteDate': return `'2024-02-0${row} 0${id % 10}:00:00'`
    case 'version': return String(row * 100 + id)
    case 'sharedEnum': return `'${['a', 'b'][row % 2]}'`
    case 'enumArray':
    case 'sharedEnumArray': return row % 2 === 0 ? `'{a,b}'` : `'{}'`
    case 'textArray': return `'{"x ${row}",z}'`
    case 'set': return `'${['a', 'a,b'][row % 2]}'`
    case 'tinyint': return String(row * 10 + (id % 10))
    case 'collated': return `'v${row}x${id}'`
    case 'uuidDefault': return `'00000000-0000-4000-9000-${String(row * 1000 + id).padStart(12, '0')}'`
    case 'date': return `'2024-01-0${row}'`
    case 'time': return `'0${row}:${String(id % 60).padStart(2, '0')}:00'`
    case 'char': return `'c${row}x${id}'`
    case 'blob': return dialect === 'postgres' ? `decode('0${row}ff', 'hex')` : `X'0${row}ff'`
    case 'simpleArray': return `'a${row},b'`
    case 'simpleJson': return `'{"k":${row}}'`
    case 'decimal': return String(row)
    case 'inet': return `'10.0.0.${row}'`
    case 'cidr': return `'10.${row}.0.0/16'`
    case 'serial':
    case 'identity': return String(row * 100 + id)
    case 'generated': throw new Error('a generated column takes no value')
  }
}

/** normalized is a value read back as text, as its kind compares: numbers by value, char(n) without PostgreSQL's padding. */
function normalized(kind: string, value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (kind === 'numeric' || kind === 'decimal') return String(Number(value))
  // As 1 or 0, which a boolean made a number holds.
  if (kind === 'boolean') return [true, 1, '1', 't', 'true'].includes(value as never) ? '1' : '0'
  return kind === 'char' ? String(value).trimEnd() : text(value)
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** tableRef is a table's name as SQL, qualified by its schema where it has one. */
export function tableRef(table: { readonly name: string; readonly schema?: string }): string {
  return table.schema === undefined ? quote(table.name) : `${quote(table.schema)}.${quote(table.name)}`
}

/** quote quotes an identifier for both dialects. */
export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
