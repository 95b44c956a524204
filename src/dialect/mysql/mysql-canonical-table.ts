import { compareText } from '../../model/qualified-name'
import type { CheckModel, ColumnModel, ForeignKeyModel, IndexModel, TableModel, UniqueModel } from '../../model/schema-model'
import { withComment } from '../stored-comment'
import { canonicalMysqlDefault, canonicalOnUpdate } from './mysql-defaults'
import { storedCurrentTimestamp } from './mysql-current-timestamp'
import { canonicalMysqlExpression } from './mysql-expressions'
import type { MysqlServer } from './mysql-server'
import { storedLabelDefault } from './mysql-label-defaults'
import { storedNumericDefault } from './mysql-numeric-defaults'
import { storedBitDefault } from './mysql-bit-defaults'
import { reportedMysqlText } from './mysql-reported-text'
import { storedTemporalDefault } from './mysql-temporal-defaults'
import { canonicalMysqlType } from './mysql-types'

/**
 * canonicalMysqlColumn is the one set of rules that both the introspector and `normalize` apply to a column
 * (see mysql-model) for the server `server` (undefined: not known yet): canonical type and parameters,
 * canonical default (a number, a date or time, a set's members, or `CURRENT_TIMESTAMP(n)`, as the server stores it) and ON UPDATE, AUTO_INCREMENT as
 * `increment`, computed expression canonical, empty comments dropped, comments and defaults as the server reports them. The written texts are kept.
 */
export function canonicalMysqlColumn(column: ColumnModel, server: MysqlServer | undefined): ColumnModel {
  const type = canonicalMysqlType(column.type, column, column.enumValues)
  const increment = column.generated?.kind === 'increment'
  const keepsDefault = column.computed === undefined && !increment && column.default !== undefined
  const declaredDefault = keepsDefault ? canonicalMysqlDefault(column.default!, type.type) : undefined
  const canonicalDefault = declaredDefault === undefined ? undefined : storedCurrentTimestamp(declaredDefault, type.precision, server)
  const storedDefault = canonicalDefault === undefined ? undefined : storedBitDefault(canonicalDefault, type.type)
  const defaultText = storedDefault === undefined ? undefined
    : storedLabelDefault(storedTemporalDefault(storedNumericDefault(storedDefault, type.type, type.scale), type.type, type.precision), type.type, type.enumValues)
  // A bit's default is written as its bits: TypeORM's spelling of a number is a string the server reads otherwise. A
  // CURRENT_TIMESTAMP with more digits than the column's (TypeORM's CURRENT_TIMESTAMP(6) for a `@CreateDateColumn({
  // precision: 3 })`) is written with the column's, which MySQL refuses otherwise (ERROR 1067, Invalid default value).
  const writtenDefault = storedDefault !== declaredDefault ? storedDefault : column.defaultSql ?? column.default?.trim()
  const onUpdate = column.onUpdate !== undefined && column.onUpdate.trim() !== '' ? storedCurrentTimestamp(canonicalOnUpdate(column.onUpdate), type.precision, server) : undefined
  return {
    name: column.name,
    type: type.type,
    ...(type.length !== undefined && { length: type.length }),
    ...(type.precision !== undefined && { precision: type.precision }),
    ...(type.scale !== undefined && { scale: type.scale }),
    nullable: column.nullable,
    ...(defaultText !== undefined && { default: reportedMysqlText(defaultText), defaultSql: writtenDefault! }),
    ...(increment && { generated: { kind: 'increment' } }),
    ...(column.computed !== undefined && {
      computed: {
        expression: canonicalMysqlExpression(column.computed.expression),
        stored: column.computed.stored,
        expressionSql: column.computed.expressionSql ?? column.computed.expression.trim(),
      },
    }),
    ...(type.enumValues !== undefined && { enumValues: [...type.enumValues] }),
    ...withComment(reportedComment(column.comment)),
    ...(column.charset !== undefined && { charset: column.charset }),
    ...(column.collation !== undefined && { collation: column.collation }),
    ...(onUpdate !== undefined && { onUpdate }),
  }
}

const reportedComment = (comment: string | undefined) => comment === undefined ? undefined : reportedMysqlText(comment)

/**
 * canonicalMysqlTable applies the canonical rules to a whole table (both sides) for the server `server`: columns through
 * canonicalMysqlColumn, no schema, the primary key unnamed (MySQL always calls it PRIMARY), unique indexes of
 * plain columns as uniques, BTREE and HASH as the default index method, check expressions canonical, every
 * list sorted by name.
 */
export function canonicalMysqlTable(table: TableModel, server: MysqlServer | undefined): TableModel {
  const plainUniques = table.indexes.filter(isPlainUnique)
  return {
    name: table.name,
    columns: table.columns.map((c) => canonicalMysqlColumn(c, server)),
    ...(table.primaryKey !== undefined && { primaryKey: { columns: [...table.primaryKey.columns] } }),
    indexes: byName(table.indexes.filter((i) => !isPlainUnique(i)).map(canonicalIndex)),
    uniques: byName(withoutRepeats([...table.uniques, ...plainUniques].map((u): UniqueModel => ({
      name: u.name, columns: [...u.columns], ...(u.comment !== undefined && { comment: u.comment }),
    })))),
    foreignKeys: byName(table.foreignKeys.map(canonicalForeignKey)),
    checks: byName(table.checks.map(canonicalCheck)),
    ...withComment(reportedComment(table.comment)),
    ...(table.commentUndeclarable === true && { commentUndeclarable: true as const }),
    ...(table.engine !== undefined && { engine: table.engine }),
    ...(table.charset !== undefined && { charset: table.charset }),
    ...(table.collation !== undefined && { collation: table.collation }),
    ...(table.triggers !== undefined && { triggers: table.triggers }),
  }
}

/**
 * withoutRepeats keeps the first of uniques with the same name: TypeORM makes each `@Unique` on MySQL a unique
 * index named from the table and sorted columns, so two on the same columns, in any order, are one index (a
 * table's indexes have names of their own), and one order enforces what the other does.
 */
function withoutRepeats(uniques: UniqueModel[]): UniqueModel[] {
  return uniques.filter((u, i) => uniques.findIndex((other) => other.name === u.name) === i)
}

/**
 * isPlainUnique: a unique index whose keys are plain columns (no prefix, no DESC, no expression) is a unique
 * constraint. A `where` is no exception: MySQL has no partial indexes, and the index it makes covers every row.
 */
function isPlainUnique(index: IndexModel): boolean {
  return index.unique && index.method === undefined &&
    index.columns.every((c) => !c.includes('(')) &&
    (index.keyOptions ?? []).every((k) => !k.descending && k.length === undefined)
}

function canonicalIndex(index: IndexModel): IndexModel {
  const method = index.method?.toLowerCase()
  const keys = index.keyOptions?.map((k) => ({ ...(k.descending === true && { descending: true }), ...(k.length !== undefined && { length: k.length }) }))
  return {
    name: index.name,
    columns: [...index.columns],
    unique: index.unique,
    ...(method !== undefined && method !== 'btree' && method !== 'hash' && { method }),
    ...(keys !== undefined && keys.some((k) => Object.keys(k).length > 0) && { keyOptions: keys }),
    ...(index.comment !== undefined && { comment: index.comment }),
  }
}

function canonicalCheck(check: CheckModel): CheckModel {
  return { name: check.name, expression: canonicalMysqlExpression(check.expression), expressionSql: check.expressionSql ?? check.expression.trim() }
}

function canonicalForeignKey(fk: ForeignKeyModel): ForeignKeyModel {
  return {
    name: fk.name,
    columns: [...fk.columns],
    ...(fk.referencedSchema !== undefined && { referencedSchema: fk.referencedSchema }),
    referencedTable: fk.referencedTable,
    referencedColumns: [...fk.referencedColumns],
    onDelete: fk.onDelete.toUpperCase() as ForeignKeyModel['onDelete'],
    onUpdate: fk.onUpdate.toUpperCase() as ForeignKeyModel['onUpdate'],
  }
}

/** byName sorts, in place, by name (as the introspector and normalize both list a table's objects). */
export function byName<T extends { readonly name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareText(a.name, b.name))
}
