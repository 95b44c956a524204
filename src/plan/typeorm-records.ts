import type { SchemaModel } from '../model/schema-model'
import type { ChangeSet } from './change-set'

/**
 * TypeormRecord is a row TypeORM keeps in its `typeorm_metadata` table: the expression of a generated column,
 * or the definition of a view. TypeORM's schema builder (`synchronize`, `schema:log`, `migration:generate`)
 * reads its generated columns and views from there: one without its row, it would drop and create again.
 */
export interface TypeormRecord {
  readonly type: 'GENERATED_COLUMN' | 'VIEW' | 'MATERIALIZED_VIEW'
  readonly schema?: string
  /** The table of a generated column. */
  readonly table?: string
  readonly name: string
  readonly value: string
}

/** RecordChanges are the rows a migration deletes from `typeorm_metadata`, then inserts. */
export interface RecordChanges {
  readonly deleted: readonly TypeormRecord[]
  readonly inserted: readonly TypeormRecord[]
}

/**
 * typeormRecordChanges are the rows that keep `typeorm_metadata` as TypeORM would have it after the change
 * set: rows of generated columns and views that go or change are deleted, and those that come or change are
 * inserted, with the text the migration writes.
 */
export function typeormRecordChanges(changes: ChangeSet): RecordChanges {
  const before = recordsOf(changes.schemaAt(0))
  const after = recordsOf(changes.schemaAt(changes.ops.length))
  const changed = (record: TypeormRecord, other: ReadonlyMap<string, TypeormRecord>) => other.get(keyOf(record))?.value !== record.value
  return {
    deleted: [...before.values()].filter((record) => changed(record, after)),
    inserted: [...after.values()].filter((record) => changed(record, before)),
  }
}

function recordsOf(model: SchemaModel): Map<string, TypeormRecord> {
  const records: TypeormRecord[] = [
    ...model.tables.flatMap((table) => table.columns.flatMap((column): TypeormRecord[] => (column.computed === undefined ? [] : [{
      type: 'GENERATED_COLUMN',
      ...(table.schema !== undefined && { schema: table.schema }),
      table: table.name,
      name: column.name,
      value: column.computed.expressionSql ?? column.computed.expression,
    }]))),
    ...model.views.map((view): TypeormRecord => ({
      type: view.materialized === true ? 'MATERIALIZED_VIEW' : 'VIEW',
      ...(view.schema !== undefined && { schema: view.schema }),
      name: view.name,
      value: (view.definitionSql ?? view.definition).trim(),
    })),
  ]
  return new Map(records.map((record) => [keyOf(record), record]))
}

const keyOf = (record: TypeormRecord) => [record.type, record.schema ?? '', record.table ?? '', record.name].join('\0')
