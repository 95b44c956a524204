import type {
  CheckModel,
  Deferrable,
  ForeignKeyModel,
  IndexModel,
  PrimaryKeyModel,
  QualifiedName,
  UniqueModel,
} from '../../model/schema-model'
import { columnList, inSchemaOf, qualified, quoteIdent } from './postgres-names'

function named(name: string | undefined): string {
  return name === undefined ? '' : `CONSTRAINT ${quoteIdent(name)} `
}

function deferrableSql(deferrable: Deferrable | undefined): string {
  return deferrable === undefined ? '' : ` DEFERRABLE ${deferrable}`
}

/** primaryKeyClause is `CONSTRAINT "name" PRIMARY KEY (...)`, for CREATE TABLE and ADD. */
export function primaryKeyClause(pk: PrimaryKeyModel): string {
  return `${named(pk.name)}PRIMARY KEY ${columnList(pk.columns)}`
}

/** uniqueClause is `CONSTRAINT "name" UNIQUE (...)`, with DEFERRABLE when declared. */
export function uniqueClause(unique: UniqueModel): string {
  return `${named(unique.name)}UNIQUE ${columnList(unique.columns)}${deferrableSql(unique.deferrable)}`
}

/** checkClause is `CONSTRAINT "name" CHECK (expression)`. */
export function checkClause(check: CheckModel): string {
  return `${named(check.name)}CHECK (${check.expression})`
}

/** foreignKeyClause spells out both referential actions (and DEFERRABLE when declared). */
export function foreignKeyClause(fk: ForeignKeyModel): string {
  const target = qualified({ schema: fk.referencedSchema, name: fk.referencedTable })
  return `${named(fk.name)}FOREIGN KEY ${columnList(fk.columns)} REFERENCES ${target}${columnList(fk.referencedColumns)}` +
    ` ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}${deferrableSql(fk.deferrable)}`
}

/** indexColumnSql quotes a column name; an expression (`lower("name")`) is parenthesized instead. */
function indexColumnSql(column: string): string {
  return column.includes('(') ? `(${column})` : quoteIdent(column)
}

/** createIndexSql is CREATE [UNIQUE] INDEX with the access method (USING) and partial predicate (WHERE). */
export function createIndexSql(table: QualifiedName, index: IndexModel): string {
  const using = index.method === undefined ? '' : `USING ${index.method} `
  const where = index.where === undefined ? '' : ` WHERE ${index.where}`
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(index.name)} ON ${qualified(table)} ${using}` +
    `(${index.columns.map(indexColumnSql).join(', ')})${where}`
}

/** dropIndexSql drops an index, which lives in its table's schema. */
export function dropIndexSql(table: QualifiedName, index: IndexModel): string {
  return `DROP INDEX ${inSchemaOf(table, index.name)}`
}
