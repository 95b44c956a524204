import 'reflect-metadata'
import { Column, CreateDateColumn, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import type { SchemaModel } from '../../../src/model/schema-model'
import { readEntities } from '../../../src/source/entity-metadata'
import { createPgDatabase, type PgTestDatabase } from './pg-test-database'

enum UserStatus {
  Active = 'active',
  Disabled = 'disabled',
}

/** One column per default form PostgreSQL rewrites when it stores it. */
@Entity('default_forms')
class DefaultForms {
  @PrimaryGeneratedColumn() id: number
  @Column({ default: 'abc' }) plain: string
  @Column({ type: 'varchar', length: 20, default: () => "'x'::character varying" }) castVarchar: string
  @Column({ type: 'varchar', default: 'say "hi"' }) quoted: string
  @Column({ type: 'jsonb', default: {} }) emptyJsonb: object
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) castJsonb: object
  @Column({ type: 'json', default: { a: 1 } }) json: object
  @Column({ type: 'jsonb', default: { b: 1, a: [1, 2] } }) jsonbKeys: object
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdNow: Date
  @Column({ type: 'timestamptz', default: () => 'CURRENT_TIMESTAMP' }) createdCurrent: Date
  @CreateDateColumn() createdAt: Date
  @Column({ type: 'timestamp', default: () => "timezone('utc', now())" }) utc: Date
  @Column({ type: 'timestamp', default: () => "('now'::text)::timestamp" }) legacyNow: Date
  @Column({ type: 'numeric', default: 0.5 }) half: string
  @Column({ type: 'numeric', precision: 5, scale: 2, default: () => '0.50' }) halfScaled: string
  @Column({ type: 'numeric', default: () => "'0.5'::numeric" }) castNumeric: string
  @Column({ default: true }) flag: boolean
  @Column({ type: 'boolean', default: () => "'true'" }) quotedFlag: boolean
  @Column({ type: 'text', array: true, default: () => 'ARRAY[]::text[]' }) arrayCtor: string[]
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) arrayCast: string[]
  @Column({ type: 'text', array: true, default: [] }) arrayEmpty: string[]
  @Column({ type: 'varchar', array: true, default: ['a', 'b'] }) arrayValues: string[]
  @Column({ type: 'enum', enum: UserStatus, default: UserStatus.Active }) status: UserStatus
  @Column({ type: 'enum', enum: UserStatus, enumName: 'user_status_enum', default: UserStatus.Active }) named: UserStatus
  @Column({ type: 'enum', enum: UserStatus, enumName: 'user_status_enum', default: () => `'disabled'::"public"."user_status_enum"` }) handCast: UserStatus
  @Column({ type: 'uuid', default: () => 'gen_random_uuid()' }) builtinUuid: string
  @Column({ type: 'uuid', default: () => 'uuid_generate_v4()' }) ossUuid: string
  @Column({ type: 'int', default: -1 }) negative: number
  @Column({ type: 'int', default: () => '-1' }) negativeRaw: number
  @Column({ type: 'float', default: -2 }) negativeFloat: number
  @Column({ type: 'bigint', default: 5 }) big: string
  @Column({ type: 'date', default: () => 'CURRENT_DATE' }) today: string
  @Column({ type: 'varchar', nullable: true, default: null }) none: string | null
  // Rules cannot prove these equal to what PostgreSQL stores; reconcile asks the server.
  @Column({ type: 'timestamp', default: '2020-01-01' }) fixedTime: Date
  @Column({ type: 'interval', default: '24 hours' }) period: string
}

@Entity('uuid_keys')
class UuidKeys {
  @PrimaryGeneratedColumn('uuid') id: string
}

const reconciled = ['fixedTime', 'period']

describe('postgres defaults: a database made by TypeORM synchronize reads back as the entities', () => {
  let db: PgTestDatabase
  let desired: SchemaModel
  let actual: SchemaModel
  let dataSource: DataSource

  beforeAll(async () => {
    db = await createPgDatabase('defaults')
    dataSource = new DataSource({ ...db.options, entities: [DefaultForms, UuidKeys], synchronize: true, logging: false } as never)
    await dataSource.initialize()
    desired = postgresDialect.normalize((await readEntities(dataSource)).model, dataSource.options)
    actual = await db.introspect(desired.schemas)
  })
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy()
    await db?.drop()
  })

  const columnsOf = (model: SchemaModel, table: string) => model.tables.find((t) => t.name === table)!.columns

  it('reads every rule-provable default equal to normalize(entities)', () => {
    const wanted = columnsOf(desired, 'default_forms').filter((c) => !reconciled.includes(c.name))
    const read = columnsOf(actual, 'default_forms').filter((c) => !reconciled.includes(c.name))
    expect(read).toEqual(wanted)
    expect(columnsOf(actual, 'uuid_keys')).toEqual(columnsOf(desired, 'uuid_keys'))
    expect(columnsOf(actual, 'uuid_keys')[0]).toEqual(
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
      expect(result).toEqual(actual)
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
