import type { DatabaseConnection } from '../dialect'

/** MasterRow is a table, index, view or trigger of sqlite_master. */
export interface MasterRow { readonly type: 'table' | 'index' | 'view' | 'trigger'; readonly name: string; readonly tbl_name: string; readonly sql: string | null }
/** ColumnRow is a row of pragma_table_xinfo for table `tbl`. */
export interface ColumnRow {
  readonly tbl: string
  readonly cid: number
  readonly name: string
  readonly type: string
  readonly notnull: number
  readonly dflt_value: string | null
  readonly pk: number
  readonly hidden: number
}
/** IndexColumnRow is one key of one index (pragma_index_list joined with the key rows of pragma_index_xinfo). */
export interface IndexColumnRow {
  readonly tbl: string
  readonly idx: string
  readonly is_unique: number
  readonly origin: 'c' | 'u' | 'pk'
  readonly seqno: number
  /** Null for an expression. */
  readonly col: string | null
  /** 1 for a descending key. */
  readonly desc: number
  /** The key's collation (`BINARY` when none applies). */
  readonly coll: string
}
/** ForeignKeyRow is one column pair of one foreign key (pragma_foreign_key_list). */
export interface ForeignKeyRow {
  readonly tbl: string
  readonly id: number
  readonly seq: number
  readonly ref: string
  readonly from: string
  /** Null when the key references the parent's primary key implicitly. */
  readonly to: string | null
  readonly on_update: string
  readonly on_delete: string
}

/** SqliteCatalog is everything the introspector reads, in four queries whatever the number of tables. */
export interface SqliteCatalog {
  readonly master: readonly MasterRow[]
  readonly columns: readonly ColumnRow[]
  readonly indexColumns: readonly IndexColumnRow[]
  readonly foreignKeys: readonly ForeignKeyRow[]
}

/** User tables: no sqlite_* internals, no virtual tables (their module may not even be loaded). */
const USER_TABLES = `m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.sql NOT LIKE 'CREATE VIRTUAL %'`

const QUERIES = {
  master: `SELECT m.type, m.name, m.tbl_name, m.sql FROM sqlite_master m WHERE m.type IN ('table', 'index', 'view', 'trigger') ORDER BY m.name`,
  columns:
    `SELECT m.name AS tbl, p.cid, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden ` +
    `FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p WHERE ${USER_TABLES} ORDER BY m.name, p.cid`,
  indexColumns:
    `SELECT m.name AS tbl, l.name AS idx, l."unique" AS is_unique, l.origin, i.seqno, i.name AS col, i."desc", i.coll ` +
    `FROM sqlite_master m JOIN pragma_index_list(m.name) l JOIN pragma_index_xinfo(l.name) i ` +
    `WHERE ${USER_TABLES} AND i."key" = 1 ORDER BY m.name, l.name, i.seqno`,
  foreignKeys:
    `SELECT m.name AS tbl, f.id, f.seq, f."table" AS ref, f."from", f."to", f.on_update, f.on_delete ` +
    `FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE ${USER_TABLES} ORDER BY m.name, f.id, f.seq`,
} as const

/** readCatalog runs the four catalog queries. */
export async function readCatalog(connection: DatabaseConnection): Promise<SqliteCatalog> {
  return {
    master: await run<MasterRow>(connection, 'tables, indexes, views and triggers', QUERIES.master),
    columns: await run<ColumnRow>(connection, 'columns', QUERIES.columns),
    indexColumns: await run<IndexColumnRow>(connection, 'indexes', QUERIES.indexColumns),
    foreignKeys: await run<ForeignKeyRow>(connection, 'foreign keys', QUERIES.foreignKeys),
  }
}

async function run<Row>(connection: DatabaseConnection, what: string, sql: string): Promise<Row[]> {
  try {
    return await connection.query<Row>(sql)
  } catch (err) {
    throw new Error(`sqlite: reading ${what}`, { cause: err })
  }
}
