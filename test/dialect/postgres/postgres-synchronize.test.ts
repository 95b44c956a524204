import 'reflect-metadata'
import {
  Check,
  Column,
  DataSource,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm'
import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import type { SchemaModel } from '../../../src/model/schema-model'
import { createPgDatabase, entitiesOnDatabase, type PgTestDatabase } from './pg-test-database'
import { canonicalOnly } from '../../support/model-builders'
import { changeSetOf } from '../../../src/plan/change-set'

enum Role {
  Admin = 'admin',
  Member = 'member',
}

@Entity({ name: 'teams', schema: 'app', comment: 'groups of people' })
class Team {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number
  @Column({ length: 50, unique: true }) name: string
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) archivedAt: Date | null
}

@Entity('people')
@Unique('UQ_people_first_last', ['first', 'last'])
@Check('CHK_people_age', '"age" >= 0 AND "age" < 200')
@Check('CHK_people_nick', `"nick" IN ('a', 'b') OR "nick" IS NULL`)
@Index('IDX_people_last_active', ['last'], { where: '"active" = true' })
@Index('IDX_people_tags', ['tags'], { })
class Person {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string
  @Column() first: string
  @Column() last: string
  @Column({ type: 'varchar', length: 10, nullable: true }) nick: string | null
  @Column({ type: 'smallint', default: 0, comment: 'in years' }) age: number
  @Column({ default: true }) active: boolean
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[]
  @Column({ type: 'enum', enum: Role, array: true, default: [Role.Member] }) roles: Role[]
  @Column({ type: 'decimal', precision: 8, scale: 3, nullable: true }) balance: string | null
  @Column({ type: 'char', length: 2, nullable: true }) country: string | null
  @Column({ type: 'int', generatedType: 'STORED', asExpression: '"age" * 12', nullable: true }) ageMonths: number
  @Column({ type: 'citext', nullable: true }) email: string | null
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date
  @VersionColumn() version: number
  @ManyToOne(() => Team, { onDelete: 'SET NULL', nullable: true, deferrable: 'INITIALLY DEFERRED' }) team: Team | null
  @ManyToMany(() => Team) @JoinTable({ name: 'people_teams' }) teams: Team[]
}

@Entity('tokens')
class Token {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' }) id: string
  @PrimaryColumn({ type: 'varchar', length: 16 }) kind: string
  @ManyToOne(() => Person, { onDelete: 'CASCADE', onUpdate: 'CASCADE' }) owner: Person
  @Column({ type: 'bytea', nullable: true }) secret: Buffer | null
  @Column({ type: 'jsonb', default: () => `'[]'` }) scopes: object
  @Column({ type: 'time', precision: 0, default: () => "'12:00:00'" }) at: string
}

describe('postgres: a schema TypeORM synchronize made reads back equal to the entities', () => {
  let db: PgTestDatabase
  let dataSource: DataSource
  let desired: SchemaModel
  let actual: SchemaModel

  beforeAll(async () => {
    db = await createPgDatabase('sync')
    await db.exec('CREATE SCHEMA app; CREATE EXTENSION citext')
    ;({ dataSource, desired, actual } = await entitiesOnDatabase(db, [Team, Person, Token], true))
  })
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy()
    await db?.drop()
  })

  const withoutCheck = (model: SchemaModel, name: string) => model.tables.map((t) => ({ ...t, checks: t.checks.filter((c) => c.name !== name) }))
  const checkOf = (model: SchemaModel, name: string) => model.tables.flatMap((t) => t.checks).find((c) => c.name === name)!

  it('tables, columns, keys, indexes, checks and comments are equal by rule, but for an IN check', () => {
    expect(canonicalOnly(withoutCheck(actual, 'CHK_people_nick'))).toEqual(canonicalOnly(withoutCheck(desired, 'CHK_people_nick')))
    expect(checkOf(desired, 'CHK_people_nick').expression).toBe("nick IN ('a', 'b') OR nick IS NULL")
  })

  it('reconcile proves the IN check equal with one EXPLAIN, and then everything is equal', async () => {
    const connection = await db.connect()
    try {
      const reconciled = await postgresDialect.reconcile!(desired, actual, connection)
      expect(connection.queryCount).toBe(1)
      expect(canonicalOnly(reconciled)).toEqual(canonicalOnly(actual))
    } finally {
      await connection.close()
    }
  })

  it('reconcile leaves a check that means something else alone', async () => {
    const changed: SchemaModel = {
      ...desired,
      tables: desired.tables.map((t) => ({
        ...t,
        checks: t.checks.map((c) => (c.name === 'CHK_people_nick' ? { ...c, expression: "nick IN ('a', 'c') OR nick IS NULL" } : c)),
      })),
    }
    const connection = await db.connect()
    try {
      const reconciled = await postgresDialect.reconcile!(changed, actual, connection)
      expect(checkOf(reconciled, 'CHK_people_nick').expression).toBe("nick IN ('a', 'c') OR nick IS NULL")
    } finally {
      await connection.close()
    }
  })

  it('enums, schemas and extensions are equal', () => {
    expect({ ...actual, tables: [] }).toEqual({ ...desired, tables: [] })
  })

  it('recompiled from the model, the schema reads back the same', async () => {
    const fresh = await createPgDatabase('sync_copy')
    try {
      const empty = await fresh.introspect(desired.schemas)
      const ops = [
        ...desired.extensions.map((extension) => ({ kind: 'create_extension' as const, extension })),
        ...desired.schemas.filter((s) => !empty.schemas.includes(s)).map((schema) => ({ kind: 'create_schema' as const, schema })),
        ...desired.enums.map((enumType) => ({ kind: 'create_enum' as const, enumType })),
        ...desired.tables.map((table) => ({ kind: 'create_table' as const, table })),
        ...desired.tables.flatMap((t) => t.foreignKeys.map((foreignKey) => ({ kind: 'add_foreign_key' as const, table: t, foreignKey }))),
      ]
      await fresh.apply(postgresDialect.compile(changeSetOf(empty, ops)))
      expect(await fresh.introspect(desired.schemas)).toEqual(actual)
    } finally {
      await fresh.drop()
    }
  })
})
