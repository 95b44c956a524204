import { nameOf, qualifiedKey } from '../model/qualified-name'
import type { ColumnModel, QualifiedName, SchemaModel, TableModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'

/**
 * Origins traces a table or column named by an operation back to the database as it is before the
 * migration: operations after a rename use the new name, but the data lives under the old one. Undefined
 * means the migration itself creates it (there is no data to speak of) or it does not exist.
 */
export interface Origins {
  /** table is the `before` table that the table named `table` at operation `index` is. */
  table(index: number, table: QualifiedName): TableModel | undefined
  /** column is the `before` column that `table`.`column` at operation `index` is. */
  column(index: number, table: QualifiedName, column: string): { readonly table: TableModel; readonly column: ColumnModel } | undefined
  /** droppedLater says whether an operation after `index` drops the table named `table` at `index`. */
  droppedLater(index: number, table: QualifiedName): boolean
}

/** Names maps names current at some point of the migration to names in `before` (null: created by the migration). */
interface Names {
  readonly tables: Map<string, string | null>
  /** Per original table key: current column name -> original column name (null: added). */
  readonly columns: Map<string, Map<string, string | null>>
}

/** originsOf traces the names of `ops` back to `before`. */
export function originsOf(ops: readonly Operation[], before: SchemaModel): Origins {
  const byKey = new Map(before.tables.map((t) => [qualifiedKey(t), t]))
  const states: Names[] = [initial(before)]
  for (const op of ops) states.push(step(states[states.length - 1]!, op))
  const tableKey = (index: number, table: QualifiedName) => states[index]!.tables.get(qualifiedKey(table))
  return {
    table(index, table) {
      const key = tableKey(index, table)
      return key === null || key === undefined ? undefined : byKey.get(key)
    },
    column(index, table, column) {
      const key = tableKey(index, table)
      if (key === null || key === undefined) return undefined
      const original = states[index]!.columns.get(key)?.get(column)
      const model = byKey.get(key)
      const found = original === null || original === undefined ? undefined : model?.columns.find((c) => c.name === original)
      return model && found ? { table: model, column: found } : undefined
    },
    droppedLater(index, table) {
      let current = qualifiedKey(table)
      for (const op of ops.slice(index + 1)) {
        if (op.kind === 'rename_table' && qualifiedKey(op.from) === current) current = qualifiedKey(op.to)
        if (op.kind === 'drop_table' && qualifiedKey(op.table) === current) return true
      }
      return false
    },
  }
}

function initial(before: SchemaModel): Names {
  return {
    tables: new Map(before.tables.map((t) => [qualifiedKey(t), qualifiedKey(t)])),
    columns: new Map(before.tables.map((t) => [qualifiedKey(t), new Map(t.columns.map((c) => [c.name, c.name]))])),
  }
}

function step(names: Names, op: Operation): Names {
  const tables = new Map(names.tables)
  const columns = new Map(names.columns)
  const columnsOf = (table: QualifiedName): Map<string, string | null> | undefined => {
    const key = tables.get(qualifiedKey(table))
    if (key === null || key === undefined) return undefined
    const copy = new Map(columns.get(key) ?? [])
    columns.set(key, copy)
    return copy
  }
  switch (op.kind) {
    case 'create_table':
      tables.set(qualifiedKey(op.table), null)
      break
    case 'drop_table':
      tables.delete(qualifiedKey(op.table))
      break
    case 'rename_table': {
      const key = tables.get(qualifiedKey(op.from))
      tables.delete(qualifiedKey(op.from))
      tables.set(qualifiedKey(nameOf(op.to)), key ?? null)
      break
    }
    case 'add_column':
      columnsOf(op.table)?.set(op.column.name, null)
      break
    case 'drop_column':
      columnsOf(op.table)?.delete(op.column.name)
      break
    case 'rename_column': {
      const map = columnsOf(op.table)
      const original = map?.get(op.from)
      map?.delete(op.from)
      map?.set(op.to, original ?? null)
      break
    }
    default:
      break
  }
  return { tables, columns }
}
