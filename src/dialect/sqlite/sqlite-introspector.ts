import type { ColumnModel, ForeignKeyModel, IndexKeyOptions, IndexModel, SchemaModel, TableModel, UniqueModel } from '../../model/schema-model'
import type { DatabaseConnection, IntrospectionScope } from '../dialect'
import { type ColumnRow, type ForeignKeyRow, type IndexColumnRow, type MasterRow, readCatalog } from './sqlite-catalog-queries'
import { parseDeclaredType } from './sqlite-column-type'
import { parseIndexKeys, parseIndexWhere } from './sqlite-create-index-parser'
import { type ParsedTable, parseCreateTable } from './sqlite-create-table-parser'
import { checkName, foreignKeyName, uniqueName } from './sqlite-constraint-names'
import { canonicalAction, expressionKey, normalizeSqliteModel } from './sqlite-normalize'
import { canonicalSql } from './sqlite-sql-text'
import { triggerColumns } from './sqlite-trigger-columns'
import { readViews } from './sqlite-view-introspection'

/**
 * introspectSqlite reads the live schema into the canonical SchemaModel with a fixed number of queries:
 * the pragmas give columns, keys and indexes; the CREATE TABLE text gives what they do not (constraint
 * names, AUTOINCREMENT, enum checks, CHECK constraints, generated expressions, collations); the CREATE VIEW
 * text gives the views.
 */
export async function introspectSqlite(connection: DatabaseConnection, scope: IntrospectionScope): Promise<SchemaModel> {
  const catalog = await readCatalog(connection)
  const ignored = new Set(scope.ignoreTables)
  const byTable = {
    columns: groupBy(catalog.columns, (c) => c.tbl),
    indexColumns: groupBy(catalog.indexColumns, (i) => i.tbl),
    foreignKeys: groupBy(catalog.foreignKeys, (f) => f.tbl),
  }
  const indexSql = new Map(catalog.master.filter((m) => m.type === 'index').map((m) => [m.name, m.sql]))
  const tables = catalog.master.filter((m) => m.type === 'table' && byTable.columns.has(m.name) && !ignored.has(m.name))
  const triggers = groupBy(catalog.master.filter((m) => m.type === 'trigger' && m.sql !== null), (m) => m.tbl_name)
  const model = normalizeSqliteModel({
    tables: tables.map((m) => {
      try {
        return readTable(m.name, m.sql ?? '', {
          columns: byTable.columns.get(m.name) ?? [],
          indexColumns: byTable.indexColumns.get(m.name) ?? [],
          foreignKeys: byTable.foreignKeys.get(m.name) ?? [],
          indexSql,
          allColumns: byTable.columns,
        })
      } catch (err) {
        throw new Error(`sqlite: reading table "${m.name}"`, { cause: err })
      }
    }),
    enums: [],
    schemas: [],
    extensions: [],
    views: readViews(catalog.master, catalog.columns, ignored),
  })
  // Kept beside the canonical table, which has no place for them: the diff never reads them.
  return { ...model, tables: model.tables.map((t) => withTriggers(t, triggers.get(t.name) ?? [], model.tables)) }
}

function withTriggers(table: TableModel, rows: readonly MasterRow[], tables: readonly TableModel[]): TableModel {
  return rows.length === 0 ? table : { ...table, triggers: rows.map((m) => ({ name: m.name, sql: m.sql!, ...triggerColumns(m.sql!, table, tables) })) }
}

/** TableRows are the catalog rows of one table, and what it needs of the others. */
interface TableRows {
  readonly columns: readonly ColumnRow[]
  readonly indexColumns: readonly IndexColumnRow[]
  readonly foreignKeys: readonly ForeignKeyRow[]
  readonly indexSql: ReadonlyMap<string, string | null>
  readonly allColumns: ReadonlyMap<string, readonly ColumnRow[]>
}

function readTable(name: string, sql: string, rows: TableRows): TableModel {
  const parsed = parseCreateTable(sql)
  const columns = rows.columns.filter((c) => c.hidden !== 1)
  const pkRows = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
  const rowidAlias = pkRows.length === 1 && pkRows[0].type.toUpperCase() === 'INTEGER' && !parsed.withoutRowid
  return {
    name,
    columns: columns.map((row) => readColumn(row, parsed, rowidAlias && row.pk === 1)),
    ...(pkRows.length > 0 && { primaryKey: { columns: pkRows.map((c) => c.name) } }),
    indexes: readIndexes(rows.indexColumns, rows.indexSql, parsed),
    uniques: readUniques(name, rows.indexColumns, parsed),
    foreignKeys: readForeignKeys(name, rows.foreignKeys, parsed, rows.allColumns),
    checks: parsed.checks.map((c) => ({ name: c.name ?? checkName(name, canonicalSql(c.expression)), expression: c.expression })),
    ...(parsed.withoutRowid && { withoutRowid: true }),
  }
}

function readColumn(row: ColumnRow, parsed: ParsedTable, rowidAlias: boolean): ColumnModel {
  const facts = parsed.columns.get(row.name.toLowerCase())
  const computed = row.hidden === 2 || row.hidden === 3 ? facts?.computed : undefined
  return {
    name: row.name,
    ...parseDeclaredType(row.type),
    // An INTEGER PRIMARY KEY is the rowid: it can never hold NULL whatever its declaration says.
    nullable: row.notnull === 0 && !rowidAlias,
    ...(row.dflt_value !== null && { default: row.dflt_value }),
    ...(facts?.autoincrement && { generated: { kind: 'increment' as const } }),
    ...(computed && { computed: { expression: computed.expression, stored: row.hidden === 3 } }),
    ...(facts?.enumValues && { enumValues: facts.enumValues }),
    ...(facts?.collation !== undefined && { collation: facts.collation }),
  }
}

/**
 * readIndexes reads created indexes (origin `c`) whole: keys in order (an expression key from the CREATE
 * INDEX text), DESC and collations beyond the column's own, the partial predicate.
 */
function readIndexes(rows: readonly IndexColumnRow[], indexSql: ReadonlyMap<string, string | null>, parsed: ParsedTable): IndexModel[] {
  return [...groupBy(rows.filter((r) => r.origin === 'c'), (r) => r.idx).values()].map((group): IndexModel => {
    const sql = indexSql.get(group[0].idx) ?? ''
    const written = parseIndexKeys(sql)
    const where = parseIndexWhere(sql)
    const keyRows = sorted(group)
    const keys = keyRows.map((r): IndexKeyOptions => {
      const collation = r.coll.toUpperCase()
      const usual = (r.col === null ? undefined : parsed.columns.get(r.col.toLowerCase())?.collation?.toUpperCase()) ?? 'BINARY'
      return { ...(collation !== usual && { collation }), ...(r.desc === 1 && { descending: true }) }
    })
    return {
      name: group[0].idx,
      columns: keyRows.map((r) => r.col ?? expressionKey(written[r.seqno] ?? '')),
      unique: group[0].is_unique === 1,
      ...(where && { where }),
      ...(keys.some((k) => Object.keys(k).length > 0) && { keyOptions: keys }),
    }
  })
}

/** readUniques reads UNIQUE constraints (auto-indexes of origin `u`), named from the CREATE TABLE text. */
function readUniques(table: string, rows: readonly IndexColumnRow[], parsed: ParsedTable): UniqueModel[] {
  const unclaimed = [...parsed.uniques]
  return [...groupBy(rows.filter((r) => r.origin === 'u'), (r) => r.idx).values()].map((group) => {
    const columns = sorted(group).map((r) => r.col ?? '')
    const name = claim(unclaimed, (u) => sameColumns(u.columns, columns))?.name
    return { name: name ?? uniqueName(table, columns), columns }
  })
}

function readForeignKeys(
  table: string,
  rows: readonly ForeignKeyRow[],
  parsed: ParsedTable,
  allColumns: ReadonlyMap<string, readonly ColumnRow[]>,
): ForeignKeyModel[] {
  const unclaimed = [...parsed.foreignKeys]
  return [...groupBy(rows, (r) => String(r.id)).values()].map((group) => {
    const pairs = [...group].sort((a, b) => a.seq - b.seq)
    const first = pairs[0]
    const columns = pairs.map((p) => p.from)
    const referencedColumns = pairs.some((p) => p.to === null) ? primaryKeyOf(first.ref, allColumns) : pairs.map((p) => p.to ?? '')
    const found = claim(unclaimed, (fk) => sameColumns(fk.columns, columns) && fk.referencedTable.toLowerCase() === first.ref.toLowerCase())
    return {
      name: found?.name ?? foreignKeyName(table, columns, first.ref, referencedColumns),
      columns,
      referencedTable: first.ref,
      referencedColumns,
      onDelete: canonicalAction(first.on_delete),
      onUpdate: canonicalAction(first.on_update),
      ...(found?.deferrable && { deferrable: found.deferrable }),
    }
  })
}

function primaryKeyOf(table: string, allColumns: ReadonlyMap<string, readonly ColumnRow[]>): string[] {
  const columns = [...allColumns.entries()].find(([name]) => name.toLowerCase() === table.toLowerCase())?.[1] ?? []
  return columns
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name)
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c.toLowerCase() === b[i].toLowerCase())
}

/** claim removes and returns the first item matching, so two equal constraints take two names. */
function claim<T>(items: T[], match: (item: T) => boolean): T | undefined {
  const at = items.findIndex(match)
  return at === -1 ? undefined : items.splice(at, 1)[0]
}

function sorted(rows: readonly IndexColumnRow[]): IndexColumnRow[] {
  return [...rows].sort((a, b) => a.seqno - b.seqno)
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}
