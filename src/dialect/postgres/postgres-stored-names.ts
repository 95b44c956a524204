import type { ForeignKeyModel, IndexModel, TableModel, ViewModel } from '../../model/schema-model'
import { storedIdentifier } from './postgres-quote'

/**
 * withStoredNames gives an entity-side table the names PostgreSQL keeps of those it declares: a schema,
 * table, column, key, index or constraint name longer than 63 bytes is cut to 63 (see storedIdentifier), as
 * CREATE TABLE stores it, with a NOTICE only, and as every query TypeORM sends it is cut the same way. Compared
 * under the entity's whole names, such a table (a junction of two long table names, a non-ASCII name of 32
 * characters or more) would be dropped and created again by every migration. Expressions are left as written:
 * PostgreSQL reads the names in them the same way.
 */
export function withStoredNames(table: TableModel): TableModel {
  return {
    ...table,
    ...(table.schema !== undefined && { schema: storedIdentifier(table.schema) }),
    name: storedIdentifier(table.name),
    columns: table.columns.map((c) => ({ ...c, name: storedIdentifier(c.name) })),
    ...(table.primaryKey !== undefined && {
      primaryKey: {
        ...table.primaryKey,
        ...(table.primaryKey.name !== undefined && { name: storedIdentifier(table.primaryKey.name) }),
        columns: table.primaryKey.columns.map(storedIdentifier),
      },
    }),
    indexes: table.indexes.map(indexWithStoredNames),
    uniques: table.uniques.map((u) => ({ ...u, name: storedIdentifier(u.name), columns: u.columns.map(storedIdentifier) })),
    foreignKeys: table.foreignKeys.map(foreignKeyWithStoredNames),
    checks: table.checks.map((c) => ({ ...c, name: storedIdentifier(c.name) })),
    ...(table.exclusions !== undefined && { exclusions: table.exclusions.map((x) => ({ ...x, name: storedIdentifier(x.name) })) }),
  }
}

/** viewWithStoredNames gives an entity-side view, and the indexes of a materialized one, the names PostgreSQL keeps (see withStoredNames). */
export function viewWithStoredNames(view: ViewModel): ViewModel {
  return {
    ...view,
    ...(view.schema !== undefined && { schema: storedIdentifier(view.schema) }),
    name: storedIdentifier(view.name),
    ...(view.indexes !== undefined && { indexes: view.indexes.map(indexWithStoredNames) }),
  }
}

function indexWithStoredNames(index: IndexModel): IndexModel {
  return {
    ...index,
    name: storedIdentifier(index.name),
    // A key holding a parenthesis is an expression, written as it is.
    columns: index.columns.map((key) => (key.includes('(') ? key : storedIdentifier(key))),
    ...(index.include !== undefined && { include: index.include.map(storedIdentifier) }),
  }
}

function foreignKeyWithStoredNames(fk: ForeignKeyModel): ForeignKeyModel {
  return {
    ...fk,
    name: storedIdentifier(fk.name),
    columns: fk.columns.map(storedIdentifier),
    ...(fk.referencedSchema !== undefined && { referencedSchema: storedIdentifier(fk.referencedSchema) }),
    referencedTable: storedIdentifier(fk.referencedTable),
    referencedColumns: fk.referencedColumns.map(storedIdentifier),
  }
}
