import type { ColumnModel, SchemaModel, TableModel } from '../../model/schema-model'
import { innoDbTable, keepsForeignKeys } from './mysql-engines'
import type { MysqlServer } from './mysql-server'
import { baseOf, mysqlIntegerTypes } from './mysql-types'

/**
 * unmakeableTables are the refusals, every one, of the tables MySQL and MariaDB cannot make, before anything is written: the migration
 * would fail at that table, after the statements before it had run, as MySQL cannot roll DDL back, and TypeORM's
 * synchronize fails there too. Entities written for PostgreSQL reach MySQL with them:
 * - an auto-increment column of a type that cannot count (`@Generated() @PrimaryColumn() id: string`);
 * - an auto-increment column that leads no key: InnoDB needs it first in the primary key or an index, other
 *   engines (MyISAM, Aria) anywhere in one (`@Generated('increment')` beside another primary key);
 * - two indexes of one name in one table, one of them unique (TypeORM names a `@Unique` on MySQL, which is a
 *   unique index there, as it names an `@Index` of the same columns), or of names alike but for case;
 * - a foreign key of a table whose engine keeps none (MyISAM, Aria): the server drops it without a word, so every
 *   run would add it again; or one referencing such a table, which the server refuses.
 * - a foreign key pairing integer or decimal columns of different types (`int` with `bigint`, a signed one with an
 *   unsigned one, `decimal(10,2)` with `decimal(12,2)`), which the server refuses ("Foreign key constraint is
 *   incorrectly formed"). TypeORM gives a join column the type of the column it references as that column is
 *   declared, so a key referencing a column that is itself a join column keeps its old type when the first key's
 *   target changes type (an `int` key made `bigint`: the keys two steps away stay `int`).
 * - a primary key over a TEXT, BLOB or JSON column (`@PrimaryColumn({ type: 'text' })`, n8n's webhooks' `method`): the
 *   server keys such a column only by a prefix of it, which an entity cannot declare ("BLOB/TEXT column used in key
 *   specification without a key length").
 * - on MySQL, a plain index, a unique or a unique index over such a column, for the same reason (MariaDB indexes
 *   a prefix of it, and keeps a unique as a HASH key).
 * (Two auto-increment columns in one table TypeORM itself refuses.)
 */
export function unmakeableTables(model: SchemaModel, server: MysqlServer): string[] {
  return model.tables.flatMap((table) => [
    ...autoIncrementWithoutKey(table),
    ...wholeTextPrimaryKey(table),
    ...(server.product === 'mysql' ? wholeTextIndexes(table) : []),
    ...indexNamesAlikeHere(table),
    ...foreignKeysWithoutEngineSupport(table, model),
    ...foreignKeysOfOtherTypes(table, model),
  ])
}

function autoIncrementWithoutKey(table: TableModel): string[] {
  const column = table.columns.find((c) => c.generated?.kind === 'increment')
  if (column === undefined) return []
  if (!countingTypes.has(baseOf(column.type))) {
    return [`"${table.name}"."${column.name}" is auto-increment but of type ${column.type}, which MySQL cannot count in: give it an integer type (type: 'int'), then run again`]
  }
  if (!keyed(table, column.name)) {
    return [`"${table.name}"."${column.name}" is auto-increment but ${innoDbTable(table) ? 'leads' : 'is in'} no key, which MySQL requires: make it the primary key or give it an index that starts with it, then run again`]
  }
  return []
}

/** keyedOnlyByPrefix: the server keys a TEXT, BLOB or JSON column only by a prefix of it, of a length the key names. */
function keyedOnlyByPrefix(column: ColumnModel): boolean {
  return /(text|blob)$|^json$/.test(baseOf(column.type))
}

function wholeTextPrimaryKey(table: TableModel): string[] {
  const column = table.columns.find((c) => table.primaryKey?.columns.includes(c.name) === true && keyedOnlyByPrefix(c))
  if (column === undefined) return []
  return [`"${table.name}": its primary key (${table.primaryKey!.columns.join(', ')}) holds "${column.name}", of type ${column.type}, which MySQL keys only by a prefix ` +
    `an entity cannot declare, so the server would refuse it: give "${column.name}" a varchar type with a length (type: 'varchar', length: 255), then run again`]
}

/**
 * wholeTextIndexes are the refusals of a plain index, a unique or a unique index that names a TEXT, BLOB or JSON
 * column whole: MySQL refuses it ("BLOB/TEXT column used in key specification without a key length"), where
 * MariaDB indexes a prefix of it. A fulltext or spatial index, and a key with a prefix length, are made.
 */
function wholeTextIndexes(table: TableModel): string[] {
  const keys = [
    ...table.indexes.filter((i) => i.method !== 'fulltext' && i.method !== 'spatial')
      .map((i) => ({ what: `${i.unique ? 'unique index' : 'index'} "${i.name}"`, columns: i.columns.filter((_, k) => i.keyOptions?.[k]?.length === undefined) })),
    ...table.uniques.map((u) => ({ what: `unique "${u.name}"`, columns: u.columns })),
  ]
  return keys.flatMap((key) => {
    const column = table.columns.find((c) => key.columns.includes(c.name) && keyedOnlyByPrefix(c))
    if (column === undefined) return []
    const fix = baseOf(column.type) === 'json'
      ? `give "${column.name}" a varchar type with a length (type: 'varchar', length: 255), or index a generated column of it`
      : `give "${column.name}" a varchar type with a length (type: 'varchar', length: 255), or, for text search, make the index fulltext (@Index({ fulltext: true }))`
    return [`"${table.name}": ${key.what} holds "${column.name}", of type ${column.type}, which MySQL keys only by a prefix an entity cannot declare, ` +
      `so the server would refuse it (MariaDB takes it): ${fix}, then run again`]
  })
}

/** Types MySQL takes AUTO_INCREMENT on: integers, and (deprecated) floating point. */
const countingTypes: ReadonlySet<string> = new Set([...mysqlIntegerTypes, 'float', 'double'])

function keyed(table: TableModel, column: string): boolean {
  const keys = [table.primaryKey?.columns ?? [], ...table.indexes.map((i) => i.columns), ...table.uniques.map((u) => u.columns)]
  return keys.some((columns) => (innoDbTable(table) ? columns[0] === column : columns.includes(column)))
}

function foreignKeysWithoutEngineSupport(table: TableModel, model: SchemaModel): string[] {
  const fix = 'give the relation createForeignKeyConstraints: false, or use InnoDB, then run again'
  const [own] = table.foreignKeys
  if (own !== undefined && !keepsForeignKeys(table)) {
    return [`"${table.name}" has engine ${table.engine}, which keeps no foreign keys: the server drops foreign key "${own.name}" ` +
      `(${own.columns.join(', ')}) -> "${own.referencedTable}" without a word, so every run would add it again; ${fix}`]
  }
  return table.foreignKeys.flatMap((foreignKey) => {
    const referenced = model.tables.find((t) => t.name === foreignKey.referencedTable)
    if (referenced === undefined || keepsForeignKeys(referenced)) return []
    return [`foreign key "${foreignKey.name}" of "${table.name}" references "${referenced.name}", whose engine ${referenced.engine} keeps no ` +
      `foreign keys, so the server refuses it: ${fix}`]
  })
}

function foreignKeysOfOtherTypes(table: TableModel, model: SchemaModel): string[] {
  return table.foreignKeys.flatMap((foreignKey) => {
    const referenced = foreignKey.referencedSchema === undefined ? model.tables.find((t) => t.name === foreignKey.referencedTable) : undefined
    return foreignKey.columns.flatMap((name, k) => {
      const column = table.columns.find((c) => c.name === name)
      const target = referenced?.columns.find((c) => c.name === foreignKey.referencedColumns[k])
      if (column === undefined || target === undefined || !exactTypesDiffer(column, target)) return []
      return [`foreign key "${foreignKey.name}" of "${table.name}" pairs "${name}" (${typeText(column)}) with "${referenced!.name}"."${target.name}" ` +
        `(${typeText(target)}), which MySQL refuses: the integer and decimal columns of a foreign key must have the type of those they reference, ` +
        `sign included. Give "${table.name}"."${name}" the type ${typeText(target)} (TypeORM gives a join column the type its target is declared with, ` +
        'not the one a relation of the target gives it), then run again']
    })
  })
}

/** exactTypesDiffer: of two integer or decimal columns, the types (size, sign, precision and scale) differ. */
function exactTypesDiffer(a: ColumnModel, b: ColumnModel): boolean {
  const exact = (c: ColumnModel) => mysqlIntegerTypes.has(baseOf(c.type)) || baseOf(c.type) === 'decimal'
  if (!exact(a) || !exact(b)) return false
  const signed = (c: ColumnModel) => !/ unsigned/.test(c.type)
  return baseOf(a.type) !== baseOf(b.type) || signed(a) !== signed(b) ||
    (baseOf(a.type) === 'decimal' && (a.precision !== b.precision || a.scale !== b.scale))
}

function typeText(column: ColumnModel): string {
  const parameters = baseOf(column.type) === 'decimal' ? `(${column.precision},${column.scale})` : ''
  return `${baseOf(column.type)}${parameters}${/ unsigned/.test(column.type) ? ' unsigned' : ''}`
}

/**
 * indexNamesAlikeHere is the refusal of two indexes of a table whose names the server takes for one where another
 * database would not: it reads index names in any case, and a unique key is a unique index here. Two plain
 * indexes of one exact name are refused for every database (see src/pipeline/repeated-index-names.ts).
 */
function indexNamesAlikeHere(table: TableModel): string[] {
  const keys = [...table.uniques.map((u) => ({ name: u.name, columns: u.columns, unique: true })), ...table.indexes]
  const alike = (a: { name: string }, b: { name: string }) => a.name.toLowerCase() === b.name.toLowerCase()
  const repeated = keys.find((key, i) => keys.some((other, j) => j > i && alike(key, other) && (key.unique || other.unique || key.name !== other.name)))
  if (repeated === undefined) return []
  const both = keys.filter((key) => alike(key, repeated))
  const described = both.map((key) => `${key.unique ? 'a unique' : 'an index'} of (${key.columns.join(', ')})`).join(' and ')
  const why = both.some((key) => key.unique)
    ? 'TypeORM names a unique on MySQL, @Unique or unique: true, as it names an @Index of the same columns'
    : 'MySQL reads index names in any case'
  return [`"${table.name}" has two indexes named "${repeated.name}", ${described} (${why}): remove one, or name one of them, then run again`]
}
