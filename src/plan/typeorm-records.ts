import type { ColumnModel, ComputedColumn, SchemaModel, TableModel, ViewModel } from '../model/schema-model'
import { applyOperations } from '../operations/apply'
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
  const start = changes.schemaAt(0)
  const before = recordsOf(start, stored)
  // The stored texts follow the operations as the printed ones do: a renamed column, in the expression of a
  // generated column that reads it, is renamed in the entity's text too, which TypeORM compares with.
  const followed = recordsOf(applyOperations(withStoredTexts(start, stored), changes.ops), stored)
  // A record the changes bring back as the database prints it now (a `down` renaming a column back) takes the
  // text stored for it: a rename and its inverse need not give back the text's quoting (`"x"` for `x`).
  const restored = recordsOf(changes.schemaAt(changes.ops.length), stored)
  const after = new Map([...followed].map(([key, record]) => [key, storedValue(restored.get(key), stored) ?? record]))
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
    ...model.tables.flatMap((table) => table.columns.flatMap((column) => (column.computed === undefined ? [] : [generatedColumnRecord(table, column, column.computed)]))),
    ...model.views.map(viewRecord),
  ]
  return new Map(records.map((record) => [keyOf(record), { ...record, value: storedText(record, stored) ?? record.value }]))
}

/** withStoredTexts is `model` whose generated columns and views that `stored` holds have the stored text as the text written. */
function withStoredTexts(model: SchemaModel, stored: StoredRecords): SchemaModel {
  if (stored.size === 0) return model
  return {
    ...model,
    tables: model.tables.map((table) => ({
      ...table,
      columns: table.columns.map((column) => {
        const expressionSql = column.computed === undefined ? undefined : storedText(generatedColumnRecord(table, column, column.computed), stored)
        return expressionSql === undefined ? column : { ...column, computed: { ...column.computed!, expressionSql } }
      }),
    })),
    views: model.views.map((view) => {
      const definitionSql = storedText(viewRecord(view), stored)
      return definitionSql === undefined ? view : { ...view, definitionSql }
    }),
  }
}

/** storedValue is `record` where its value is a text `typeorm_metadata` holds, undefined otherwise. */
function storedValue(record: TypeormRecord | undefined, stored: StoredRecords): TypeormRecord | undefined {
  return record !== undefined && stored.get(keyOf(record))?.stored === record.value ? record : undefined
}

/** storedText is the text `typeorm_metadata` holds for `record`, where the record has the text the database prints. */
function storedText(record: TypeormRecord, stored: StoredRecords): string | undefined {
  const known = stored.get(keyOf(record))
  return known?.printed === record.value ? known.stored : undefined
}

function generatedColumnRecord(table: TableModel, column: ColumnModel, computed: ComputedColumn): TypeormRecord {
  return {
    type: 'GENERATED_COLUMN',
    ...(table.schema !== undefined && { schema: table.schema }),
    table: table.name,
    name: column.name,
    value: computed.expressionSql ?? computed.expression,
  }
}

function viewRecord(view: ViewModel): TypeormRecord {
  return {
    type: view.materialized === true ? 'MATERIALIZED_VIEW' : 'VIEW',
    ...(view.schema !== undefined && { schema: view.schema }),
    name: view.name,
    value: (view.definitionSql ?? view.definition).trim(),
  }
}

const keyOf = (record: Omit<TypeormRecord, 'value'>) => [record.type, record.schema ?? '', record.table ?? '', record.name].join('\0')
