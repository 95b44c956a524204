import type {
  CheckModel,
  ExclusionModel,
  Deferrable,
  ForeignKeyModel,
  IndexKeyOptions,
  IndexModel,
  PrimaryKeyModel,
  QualifiedName,
  UniqueModel,
} from '../../model/schema-model'
import { writtenCheck, writtenExclusion, writtenWhere } from '../../model/written-sql'
import { columnList, commentLiteral, inSchemaOf, qualified, quoteIdent } from './postgres-quote'

function named(name: string | undefined): string {
  return name === undefined ? '' : `CONSTRAINT ${quoteIdent(name)} `
}

export function deferrableSql(deferrable: Deferrable | undefined): string {
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
  return `${named(check.name)}CHECK (${writtenCheck(check)})`
}

/** exclusionClause is `CONSTRAINT "name" EXCLUDE USING ... (...)`. */
export function exclusionClause(exclusion: ExclusionModel): string {
  return `${named(exclusion.name)}EXCLUDE ${writtenExclusion(exclusion)}`
}

/**
 * alterDeferralClause is `ALTER CONSTRAINT "name" [NOT] DEFERRABLE [INITIALLY ...]`: the key's deferral changed
 * in place, which checks no row (its triggers are updated, the table is not read).
 */
export function alterDeferralClause(fk: ForeignKeyModel): string {
  return `ALTER CONSTRAINT ${quoteIdent(fk.name)} ${fk.deferrable === undefined ? 'NOT DEFERRABLE' : `DEFERRABLE ${fk.deferrable}`}`
}

/** foreignKeyClause spells out both referential actions (and MATCH FULL and DEFERRABLE where the key has them). */
export function foreignKeyClause(fk: ForeignKeyModel): string {
  const target = qualified({ schema: fk.referencedSchema, name: fk.referencedTable })
  return `${named(fk.name)}FOREIGN KEY ${columnList(fk.columns)} REFERENCES ${target}${columnList(fk.referencedColumns)}` +
    (fk.matchFull === true ? ' MATCH FULL' : '') +
    ` ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}${deferrableSql(fk.deferrable)}`
}

/** indexColumnSql quotes a column name; an expression (`lower("name")`) is parenthesized instead. */
function indexColumnSql(column: string): string {
  return column.includes('(') ? `(${column})` : quoteIdent(column)
}

/** indexKeySql is one key with its collation, operator class, direction and NULLS order where they are not the defaults. */
function indexKeySql(column: string, options: IndexKeyOptions = {}): string {
  return [
    indexColumnSql(column),
    ...(options.collation === undefined ? [] : [`COLLATE ${quoteIdent(options.collation)}`]),
    ...(options.opclass === undefined ? [] : [quoteIdent(options.opclass)]),
    ...(options.descending === true ? ['DESC'] : []),
    ...(options.nulls === undefined ? [] : [`NULLS ${options.nulls.toUpperCase()}`]),
  ].join(' ')
}

/**
 * createIndexStatements make an index: CREATE [UNIQUE] INDEX with the access method (USING), each key whole,
 * the INCLUDE columns and the partial predicate (WHERE), then the comment the database held on it, if any.
 */
export function createIndexStatements(table: QualifiedName, index: IndexModel): string[] {
  return [createIndexSql(table, index), ...indexCommentStatements(table, index)]
}

/** indexCommentStatements put back the comment the database held on an index made again; none where it had none. */
export function indexCommentStatements(table: QualifiedName, index: IndexModel): string[] {
  return index.comment === undefined ? [] : [`COMMENT ON INDEX ${inSchemaOf(table, index.name)} IS ${commentLiteral(index.comment)}`]
}

/** uniqueCommentStatements put back the comment the database held on a unique constraint made again; none where it had none. */
export function uniqueCommentStatements(table: QualifiedName, unique: UniqueModel): string[] {
  if (unique.comment === undefined) return []
  return [`COMMENT ON CONSTRAINT ${quoteIdent(unique.name)} ON ${qualified(table)} IS ${commentLiteral(unique.comment)}`]
}

/**
 * createIndexSql is CREATE [UNIQUE] INDEX, with the access method, each key whole, INCLUDE and WHERE; `online`,
 * built without blocking writes and skipped where it exists (CONCURRENTLY IF NOT EXISTS).
 */
export function createIndexSql(table: QualifiedName, index: IndexModel, online = false): string {
  const using = index.method === undefined ? '' : `USING ${index.method} `
  const include = index.include === undefined ? '' : ` INCLUDE ${columnList(index.include)}`
  const predicate = writtenWhere(index)
  const where = predicate === undefined ? '' : ` WHERE ${predicate}`
  const keys = index.columns.map((column, k) => indexKeySql(column, index.keyOptions?.[k]))
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${online ? 'CONCURRENTLY IF NOT EXISTS ' : ''}${quoteIdent(index.name)} ON ${qualified(table)} ${using}` +
    `(${keys.join(', ')})${include}${where}`
}

/** dropIndexSql drops an index, which lives in its table's schema; `online`, without blocking writes, where it exists. */
export function dropIndexSql(table: QualifiedName, index: IndexModel, online = false): string {
  return `DROP INDEX ${online ? 'CONCURRENTLY IF EXISTS ' : ''}${inSchemaOf(table, index.name)}`
}
