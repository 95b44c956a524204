import type { Deferrable } from '../../model/schema-model'
import { type SqlToken, closingParen, nameOf, splitTopLevel, tokenize } from './sqlite-sql-tokens'

/**
 * ParsedTable is what a CREATE TABLE text says beyond the pragmas: constraint names, AUTOINCREMENT, the
 * inline enum CHECK TypeORM writes on a column, generated column expressions, collations, deferrable keys.
 */
export interface ParsedTable {
  /** Column facts keyed by column name in lower case (SQLite names are case-insensitive). */
  readonly columns: ReadonlyMap<string, ParsedColumn>
  readonly uniques: readonly ParsedUnique[]
  readonly checks: readonly ParsedCheck[]
  readonly foreignKeys: readonly ParsedForeignKey[]
  readonly withoutRowid: boolean
}

export interface ParsedColumn {
  readonly autoincrement: boolean
  readonly enumValues?: readonly string[]
  readonly collation?: string
  readonly computed?: { readonly expression: string; readonly stored: boolean }
}

export interface ParsedUnique { readonly name?: string; readonly columns: readonly string[] }
export interface ParsedCheck { readonly name?: string; readonly expression: string }
export interface ParsedForeignKey {
  readonly name?: string
  readonly columns: readonly string[]
  readonly referencedTable: string
  readonly deferrable?: Deferrable
}

const TABLE_CONSTRAINT_START = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN'])

/** parseCreateTable reads the `sql` column of a table in sqlite_master. */
export function parseCreateTable(sql: string): ParsedTable {
  const tokens = tokenize(sql)
  const open = tokens.findIndex((t) => t.text === '(')
  const close = open === -1 ? -1 : closingParen(tokens, open)
  const parsed: Collector = { columns: new Map(), uniques: [], checks: [], foreignKeys: [] }
  if (close === -1) return { ...parsed, withoutRowid: false }
  for (const item of splitTopLevel(tokens, open + 1, close)) {
    if (item[0].kind === 'word' && TABLE_CONSTRAINT_START.has(item[0].value)) parseTableConstraint(item, sql, parsed)
    else parseColumn(item, sql, parsed)
  }
  const tail = tokens.slice(close + 1).map((t) => t.value)
  return { ...parsed, withoutRowid: tail.some((w, i) => w === 'WITHOUT' && tail[i + 1] === 'ROWID') }
}

interface Collector {
  readonly columns: Map<string, ParsedColumn>
  readonly uniques: ParsedUnique[]
  readonly checks: ParsedCheck[]
  readonly foreignKeys: ParsedForeignKey[]
}

function parseColumn(item: readonly SqlToken[], sql: string, out: Collector): void {
  const column = nameOf(item[0])
  let autoincrement = false
  let enumValues: string[] | undefined
  let collation: string | undefined
  let computed: ParsedColumn['computed']
  let constraintName: string | undefined
  for (let i = 1; i < item.length; i++) {
    const t = item[i]
    if (t.text === '(') {
      i = closingParen(item, i)
      continue
    }
    if (t.kind !== 'word') continue
    if (t.value === 'CONSTRAINT') {
      constraintName = nameOf(item[++i])
      continue
    }
    if (t.value === 'AUTOINCREMENT') autoincrement = true
    else if (t.value === 'COLLATE') collation = nameOf(item[++i])
    else if (t.value === 'UNIQUE') out.uniques.push(named(constraintName, { columns: [column] }))
    else if (t.value === 'CHECK') {
      const end = closingParen(item, i + 1)
      const values = enumCheckValues(item.slice(i + 2, end), column)
      if (values) enumValues = values
      else out.checks.push(named(constraintName, { expression: between(sql, item, i + 1, end) }))
      i = end
    } else if (t.value === 'AS') {
      const end = closingParen(item, i + 1)
      const stored = item[end + 1]?.value === 'STORED'
      computed = { expression: between(sql, item, i + 1, end), stored }
      i = end
    } else if (t.value === 'REFERENCES') {
      const fk = parseReferences(item, i, [column])
      out.foreignKeys.push(named(constraintName, fk.foreignKey))
      i = fk.end
    } else if (!['PRIMARY', 'NOT', 'NULL', 'DEFAULT'].includes(t.value)) continue
    constraintName = undefined
  }
  out.columns.set(column.toLowerCase(), {
    autoincrement,
    ...(enumValues && { enumValues }),
    ...(collation !== undefined && { collation }),
    ...(computed && { computed }),
  })
}

function parseTableConstraint(item: readonly SqlToken[], sql: string, out: Collector): void {
  let i = 0
  let name: string | undefined
  if (item[0].value === 'CONSTRAINT') {
    name = nameOf(item[1])
    i = 2
  }
  const kind = item[i]?.value
  if (kind === 'UNIQUE') {
    out.uniques.push(named(name, { columns: columnList(item, i + 1) }))
  } else if (kind === 'CHECK') {
    out.checks.push(named(name, { expression: between(sql, item, i + 1, closingParen(item, i + 1)) }))
  } else if (kind === 'PRIMARY') {
    markAutoincrementKey(item, i + 2, out)
  } else if (kind === 'FOREIGN') {
    const open = i + 2
    const columns = columnList(item, open)
    const references = closingParen(item, open) + 1
    out.foreignKeys.push(named(name, parseReferences(item, references, columns).foreignKey))
  }
}

/**
 * markAutoincrementKey reads `PRIMARY KEY ("id" AUTOINCREMENT)`, the table-constraint form of AUTOINCREMENT that
 * SQLite accepts on a lone INTEGER key (DB Browser for SQLite writes tables so): the column is AUTOINCREMENT as
 * if declared `PRIMARY KEY AUTOINCREMENT` inline.
 */
function markAutoincrementKey(item: readonly SqlToken[], open: number, out: Collector): void {
  if (item[open]?.text !== '(') return
  const keys = splitTopLevel(item, open + 1, closingParen(item, open))
  const key = keys.length === 1 ? keys[0] : undefined
  if (key === undefined || !key.some((t) => t.kind === 'word' && t.value === 'AUTOINCREMENT')) return
  const column = nameOf(key[0]).toLowerCase()
  const facts = out.columns.get(column)
  if (facts !== undefined) out.columns.set(column, { ...facts, autoincrement: true })
}

/** parseReferences reads `REFERENCES t [(cols)] [ON ... | MATCH x | [NOT] DEFERRABLE [INITIALLY y]]...` at `at`. */
function parseReferences(item: readonly SqlToken[], at: number, columns: readonly string[]): { foreignKey: ParsedForeignKey; end: number } {
  const referencedTable = nameOf(item[at + 1])
  let i = at + 2
  if (item[i]?.text === '(') i = closingParen(item, i) + 1
  let deferrable: Deferrable | undefined
  const clause = new Set(['ON', 'MATCH', 'NOT', 'DEFERRABLE', 'INITIALLY', 'SET', 'NULL', 'DEFAULT', 'CASCADE', 'RESTRICT', 'NO', 'ACTION', 'DELETE', 'UPDATE', 'DEFERRED', 'IMMEDIATE'])
  for (; i < item.length && item[i].kind === 'word' && clause.has(item[i].value); i++) {
    if (item[i].value === 'MATCH') i++
    if (item[i].value === 'DEFERRABLE' && item[i - 1]?.value !== 'NOT') {
      deferrable = item[i + 1]?.value === 'INITIALLY' && item[i + 2]?.value === 'DEFERRED' ? 'INITIALLY DEFERRED' : 'INITIALLY IMMEDIATE'
    }
  }
  return { foreignKey: { columns, referencedTable, ...(deferrable && { deferrable }) }, end: i - 1 }
}

/** enumCheckValues recognises `"col" IN ('a', 'b')`, the inline check TypeORM writes for enum columns. */
function enumCheckValues(inner: readonly SqlToken[], column: string): string[] | undefined {
  if (inner.length < 4 || nameOf(inner[0]).toLowerCase() !== column.toLowerCase() || inner[0].kind === 'string') return undefined
  if (inner[1].value !== 'IN' || inner[2].text !== '(' || inner[inner.length - 1].text !== ')') return undefined
  const list = inner.slice(3, -1)
  const values = list.filter((_, k) => k % 2 === 0)
  const commas = list.filter((_, k) => k % 2 === 1)
  if (list.length % 2 !== 1 || values.some((v) => v.kind !== 'string') || commas.some((c) => c.text !== ',')) return undefined
  return values.map((v) => v.value)
}

/** columnList reads `(a, "b" COLLATE x DESC, ...)` opening at `open`: the first token of each entry. */
function columnList(item: readonly SqlToken[], open: number): string[] {
  return splitTopLevel(item, open + 1, closingParen(item, open)).map((entry) => nameOf(entry[0]))
}

/** between is the source text strictly inside the parentheses at `open` and `close`. */
function between(sql: string, item: readonly SqlToken[], open: number, close: number): string {
  return sql.slice(item[open].end, item[close].start).trim()
}

function named<T extends object>(name: string | undefined, value: T): T & { name?: string } {
  return name === undefined ? value : { name, ...value }
}
