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
export function typeormRecordChanges(changes: ChangeSet, stored: StoredRecords = noStoredRecords): RecordChanges {
  const before = recordsOf(changes.schemaAt(0), stored)
  const after = recordsOf(changes.schemaAt(changes.ops.length), stored)
  const changed = (record: TypeormRecord, other: ReadonlyMap<string, TypeormRecord>) => other.get(keyOf(record))?.value !== record.value
  return {
    deleted: [...before.values()].filter((record) => changed(record, after)),
    inserted: [...after.values()].filter((record) => changed(record, before)),
  }
}

/**
 * StoredRecords are the values the database's `typeorm_metadata` holds, each with the text the database prints
 * for the same column or view: where a record's value is that printed text (a `down` putting back a view the
 * `up` changed), the stored value is written instead, the entity's text TypeORM compares with, not the
 * server's rendering of it (`upper(name::text)` for `UPPER("name")`), which TypeORM would take for a change.
 */
export type StoredRecords = ReadonlyMap<string, { readonly printed: string; readonly stored: string }>

const noStoredRecords: StoredRecords = new Map()

/** storedRecords pairs the rows read from `typeorm_metadata` with the records of the database's model `actual`. */
export function storedRecords(actual: SchemaModel, rows: readonly TypeormRecord[]): StoredRecords {
  const printed = recordsOf(actual, noStoredRecords)
  const pairs = rows.flatMap((row) => {
    // MySQL writes the database's name as the schema, where the model has none.
    const record = printed.get(keyOf(row)) ?? printed.get(keyOf({ ...row, schema: undefined }))
    return record === undefined || record.value === row.value ? [] : [[keyOf(record), { printed: record.value, stored: row.value }] as const]
  })
  return new Map(pairs)
}

function recordsOf(model: SchemaModel, stored: StoredRecords): Map<string, TypeormRecord> {
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
  return new Map(records.map((record) => {
    const key = keyOf(record)
    const known = stored.get(key)
    return [key, known?.printed === record.value ? { ...record, value: known.stored } : record]
  }))
}

const keyOf = (record: Omit<TypeormRecord, 'value'>) => [record.type, record.schema ?? '', record.table ?? '', record.name].join('\0')
