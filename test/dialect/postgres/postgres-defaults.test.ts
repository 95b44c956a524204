import 'reflect-metadata'
import type { DataSource } from 'typeorm'
import { DefaultForms, UuidKeys } from '../../support/postgres-default-forms'
import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import type { SchemaModel } from '../../../src/model/schema-model'
import { createPgDatabase, entitiesOnDatabase, type PgTestDatabase } from './pg-test-database'
import { canonicalOnly } from '../../support/model-builders'

const reconciled = ['fixedTime', 'period']

describe('postgres defaults: a database made by TypeORM synchronize reads back as the entities', () => {
  let db: PgTestDatabase
  let desired: SchemaModel
  let actual: SchemaModel
  let dataSource: DataSource

  beforeAll(async () => {
    db = await createPgDatabase('defaults')
    ;({ dataSource, desired, actual } = await entitiesOnDatabase(db, [DefaultForms, UuidKeys], true))
  })
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy()
    await db?.drop()
  })

  const columnsOf = (model: SchemaModel, table: string) => model.tables.find((t) => t.name === table)!.columns

  it('reads every rule-provable default equal to normalize(entities)', () => {
    const wanted = columnsOf(desired, 'default_forms').filter((c) => !reconciled.includes(c.name))
    const read = columnsOf(actual, 'default_forms').filter((c) => !reconciled.includes(c.name))
    expect(canonicalOnly(read)).toEqual(canonicalOnly(wanted))
    expect(canonicalOnly(columnsOf(actual, 'uuid_keys'))).toEqual(canonicalOnly(columnsOf(desired, 'uuid_keys')))
    expect(canonicalOnly(columnsOf(actual, 'uuid_keys')[0])).toEqual(
      { name: 'id', type: 'uuid', nullable: false, default: 'uuid_generate_v4()', generated: { kind: 'uuid' } })
  })

  it('lists the enum types, schemas and extensions both sides need', () => {
    expect(actual.enums).toEqual(desired.enums)
    expect(desired.enums.map((e) => e.name)).toEqual(['default_forms_status_enum', 'user_status_enum'])
    expect(actual.schemas).toEqual(desired.schemas)
    expect(actual.extensions).toEqual(desired.extensions)
    expect(desired.extensions).toEqual(['uuid-ossp'])
  })

  it('reconciles the rest in one query and then equals the database entirely', async () => {
    const columns = columnsOf(desired, 'default_forms')
    expect(reconciled.map((name) => columns.find((c) => c.name === name)!.default)).toEqual(["'2020-01-01'", "'24 hours'"])
    const connection = await db.connect()
    try {
      const result = await postgresDialect.reconcile!(desired, actual, connection)
      expect(connection.queryCount).toBe(1)
      expect(canonicalOnly(result)).toEqual(canonicalOnly(actual))
    } finally {
      await connection.close()
    }
  })

  it('keeps gen_random_uuid() and uuid_generate_v4() apart', async () => {
    const swapped: SchemaModel = {
      ...desired,
      tables: desired.tables.map((t) => ({
        ...t,
        columns: t.columns.map((c) => (c.name === 'builtinUuid' ? { ...c, default: 'uuid_generate_v4()' } : c)),
      })),
    }
    const connection = await db.connect()
    try {
      const result = await postgresDialect.reconcile!(swapped, actual, connection)
      expect(columnsOf(result, 'default_forms').find((c) => c.name === 'builtinUuid')!.default).toBe('uuid_generate_v4()')
      expect(columnsOf(actual, 'default_forms').find((c) => c.name === 'builtinUuid')!.default).toBe('gen_random_uuid()')
    } finally {
      await connection.close()
    }
  })

  it('does not reconcile different constants', async () => {
    const changed: SchemaModel = {
      ...desired,
      tables: desired.tables.map((t) => ({
        ...t,
        columns: t.columns.map((c) => (c.name === 'period' ? { ...c, default: "'25 hours'" } : c)),
      })),
    }
    const connection = await db.connect()
    try {
      const result = await postgresDialect.reconcile!(changed, actual, connection)
      expect(columnsOf(result, 'default_forms').find((c) => c.name === 'period')!.default).toBe("'25 hours'")
    } finally {
      await connection.close()
    }
  })
})
