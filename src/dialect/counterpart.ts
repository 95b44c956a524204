import { namedIn } from '../model/qualified-name'
import type { SchemaModel, TableModel } from '../model/schema-model'
import type { FormerColumn, FormerTable } from './dialect'

/**
 * counterpartIn finds an entity table's table in the database: the one of its name, else the one a stated rename
 * or move names (a check casting to the enum type of a table moved to another schema is the same check there).
 */
export function counterpartIn(actual: SchemaModel, formerTable: FormerTable | undefined): (table: TableModel) => TableModel | undefined {
  const named = namedIn(actual.tables)
  return (table) => {
    const former = formerTable?.(table)
    return named(table) ?? (former === undefined ? undefined : named(former))
  }
}

/**
 * renamedColumns are the entity table's columns a stated rename brings from a column of `other`, its table in the
 * database (new name to old). A column whose new name `other` has already is left out: read under the old names,
 * its expressions would name two columns one way.
 */
export function renamedColumns(table: TableModel, other: TableModel, formerColumn: FormerColumn | undefined): ReadonlyMap<string, string> {
  const has = (name: string) => other.columns.some((c) => c.name === name)
  return new Map(table.columns.flatMap((column) => {
    const from = has(column.name) ? undefined : formerColumn?.(table, column.name)
    return from !== undefined && has(from) ? [[column.name, from] as const] : []
  }))
}
