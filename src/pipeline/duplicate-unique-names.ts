import { namedIn } from '../model/qualified-name'
import type { SchemaModel, TableModel, UniqueModel } from '../model/schema-model'
import { sameColumnSet } from '../model/column-lists'

/**
 * withDatabaseNamesOfDuplicates settles the name of each unique the entities declare twice on the same columns
 * (`@Unique('name', ['name'])` beside `@Column({ unique: true })`, or a one-to-one's own beside one of the
 * user's): where the database holds it under one of its names it keeps that one, else the one the entity side
 * chose. PostgreSQL's CREATE TABLE keeps only the first of such duplicates, which for TypeORM's synchronize is
 * often the generated name: `check` asked to rename it forever. UniqueModel.alsoNamed is gone after it.
 */
export function withDatabaseNamesOfDuplicates(desired: SchemaModel, actual: SchemaModel): SchemaModel {
  if (!desired.tables.some((t) => t.uniques.some((u) => u.alsoNamed !== undefined))) return desired
  const actualTable = namedIn(actual.tables)
  return { ...desired, tables: desired.tables.map((t) => withSettledUniques(t, actualTable(t))) }
}

function withSettledUniques(table: TableModel, actual: TableModel | undefined): TableModel {
  if (!table.uniques.some((u) => u.alsoNamed !== undefined)) return table
  return { ...table, uniques: table.uniques.map((u) => settled(u, actual)) }
}

function settled(unique: UniqueModel, actual: TableModel | undefined): UniqueModel {
  const { alsoNamed, ...rest } = unique
  if (alsoNamed === undefined) return unique
  // The chosen name first: a database holding both (SQLite and MySQL keep duplicates) keeps it.
  const held = [rest.name, ...alsoNamed].find((name) => actual?.uniques.some((u) => u.name === name && sameColumnSet(u.columns, unique.columns)))
  return held === undefined ? rest : { ...rest, name: held }
}
