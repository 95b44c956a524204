import type { CheckModel, ColumnModel, ForeignKeyModel, IndexKeyOptions, IndexModel, TableModel, UniqueModel } from '../../model/schema-model'
import { writtenCheck, writtenComputed, writtenDefault, writtenWhere } from '../../model/written-sql'
import { quoteLiteral } from '../quote'
import { type StatementPiece, tableBlockPiece } from '../statement'
import { declaredType } from './sqlite-column-type'
import { primaryKeyName } from './sqlite-constraint-names'
import { quoteIdent } from './sqlite-quote'

/**
 * createTableSql writes CREATE TABLE the way TypeORM does, on one line (TypeORM parses the text SQLite keeps): columns, then the primary key (inline
 * `PRIMARY KEY AUTOINCREMENT` for a single increment column), uniques, checks and foreign keys.
 * `as` creates it under another name (a rebuild's temporary table). The primary key's name, which SQLite does not
 * report, is derived from `keyNamedAfter`: the name the table has once the migration is done, so that a table
 * rebuilt before it is renamed gets the key name its final name gives.
 */
export function createTableSql(table: TableModel, as: string = table.name, keyNamedAfter: string = table.name): StatementPiece {
  const pk = table.primaryKey?.columns ?? []
  const inlinePk = pk.length === 1 && table.columns.find((c) => c.name === pk[0])?.generated?.kind === 'increment' ? pk[0] : undefined
  if (inlinePk !== undefined && table.withoutRowid === true) {
    throw new Error(`sqlite: "${table.name}"."${inlinePk}" is AUTOINCREMENT, which a table WITHOUT ROWID (withoutRowid: true) cannot have: declare the key with @PrimaryColumn, or leave withoutRowid out`)
  }
  const lines = [
    ...table.columns.map((c) => columnSql(table.name, c, c.name === inlinePk)),
    ...(pk.length > 0 && inlinePk === undefined ? [`CONSTRAINT ${quoteIdent(primaryKeyName(keyNamedAfter, pk))} PRIMARY KEY (${identList(pk)})`] : []),
    ...widestFirst(table.uniques).map(uniqueSql),
    ...table.checks.map(checkSql),
    ...table.foreignKeys.map(foreignKeySql),
  ]
  return tableBlockPiece({ head: `CREATE TABLE ${quoteIdent(as)} (`, lines, tail: `)${table.withoutRowid ? ' WITHOUT ROWID' : ''}`, oneLine: true })
}

/** createIndexSql writes `CREATE [UNIQUE] INDEX "i" ON "t" ("a" COLLATE "NOCASE" DESC, lower("b")) [WHERE ...]`. */
export function createIndexSql(table: string, index: IndexModel): string {
  const predicate = writtenWhere(index)
  const where = predicate === undefined ? '' : ` WHERE ${predicate}`
  const keys = index.columns.map((column, k) => indexKeySql(column, index.keyOptions?.[k]))
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(index.name)} ON ${quoteIdent(table)} (${keys.join(', ')})${where}`
}

/** indexKeySql is one key: a column name quoted or an expression as it is, then its collation and direction. */
function indexKeySql(column: string, options: IndexKeyOptions = {}): string {
  return [
    column.includes('(') ? column : quoteIdent(column),
    ...(options.collation === undefined ? [] : [`COLLATE ${quoteIdent(options.collation)}`]),
    ...(options.descending === true ? ['DESC'] : []),
  ].join(' ')
}

/**
 * columnSql writes one column definition: type, the enum CHECK TypeORM writes inline, key, collation,
 * NOT NULL, then the generated expression or the default.
 */
export function columnSql(table: string, column: ColumnModel, inlinePrimaryKey: boolean): string {
  if (column.generated?.kind === 'increment' && !inlinePrimaryKey) {
    throw new Error(`sqlite: "${table}"."${column.name}" is AUTOINCREMENT, which needs it to be the only primary key column`)
  }
  const type = declaredType(column)
  // SQLite takes AUTOINCREMENT on an INTEGER PRIMARY KEY only (not `int`, not `varchar`).
  if (inlinePrimaryKey && type.toLowerCase() !== 'integer') {
    throw new Error(`sqlite: "${table}"."${column.name}" is AUTOINCREMENT, which needs it to be of type integer, not ${type}`)
  }
  const name = quoteIdent(column.name)
  let sql = `${name} ${type}`
  if (column.enumValues) sql += ` CHECK( ${name} IN (${column.enumValues.map(quoteLiteral).join(',')}) )`
  if (inlinePrimaryKey) sql += ' PRIMARY KEY AUTOINCREMENT'
  if (column.collation !== undefined) sql += ` COLLATE ${quoteIdent(column.collation)}`
  if (!column.nullable) sql += ' NOT NULL'
  const value = writtenDefault(column)
  if (column.computed) sql += ` AS (${writtenComputed(column.computed)}) ${column.computed.stored ? 'STORED' : 'VIRTUAL'}`
  else if (value !== undefined) sql += ` DEFAULT ${defaultSql(value)}`
  return sql
}

/** defaultSql writes a constant default bare (as ALTER TABLE ADD COLUMN requires) and any other in parentheses. */
function defaultSql(expression: string): string {
  return isConstantDefault(expression) ? expression : `(${expression})`
}

/** isConstantDefault says whether a default is a literal: a signed number, a string, a blob or NULL. */
export function isConstantDefault(expression: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(expression) || /^'([^']|'')*'$/.test(expression) || /^x'[0-9a-f]*'$/i.test(expression) || /^null$/i.test(expression)
}

/**
 * widestFirst orders uniques by their number of columns, most first: TypeORM names each unique index it reads
 * after the first `CONSTRAINT "x" UNIQUE (...)` of the text whose columns all belong to it, so a unique on (a)
 * written before one on (a, b) would lend its name to both, and TypeORM's schema builder would rebuild the table.
 */
function widestFirst(uniques: readonly UniqueModel[]): UniqueModel[] {
  return [...uniques].sort((a, b) => b.columns.length - a.columns.length)
}

function uniqueSql(unique: UniqueModel): string {
  return `CONSTRAINT ${quoteIdent(unique.name)} UNIQUE (${identList(unique.columns)})`
}

function checkSql(check: CheckModel): string {
  return `CONSTRAINT ${quoteIdent(check.name)} CHECK (${writtenCheck(check)})`
}

function foreignKeySql(fk: ForeignKeyModel): string {
  let sql = `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY (${identList(fk.columns)}) REFERENCES ${quoteIdent(fk.referencedTable)} (${identList(fk.referencedColumns)})`
  if (fk.onDelete !== 'NO ACTION') sql += ` ON DELETE ${fk.onDelete}`
  if (fk.onUpdate !== 'NO ACTION') sql += ` ON UPDATE ${fk.onUpdate}`
  if (fk.deferrable) sql += ` DEFERRABLE ${fk.deferrable}`
  return sql
}

function identList(names: readonly string[]): string {
  return names.map(quoteIdent).join(', ')
}
