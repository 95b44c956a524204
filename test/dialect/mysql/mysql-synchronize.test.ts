import 'reflect-metadata'
import {
  Column,
  CreateDateColumn,
  DataSource,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToOne,
  JoinColumn,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
  Check,
  ViewEntity,
} from 'typeorm'
import { connectMysql } from '../../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import type { MysqlConnection } from '../../../src/dialect/mysql/mysql-connection'
import type { SchemaModel } from '../../../src/model/schema-model'
import { readEntities } from '../../../src/source/entity-metadata'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'
import { canonicalOnly } from '../../support/model-builders'

enum Role {
  Admin = 'admin',
  Member = "it's a member",
}

@Entity({ name: 'teams', comment: 'groups of people', engine: 'InnoDB' })
class Team {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number
  @Column({ length: 50, unique: true }) name: string
  @Column({ type: 'datetime', precision: 3, nullable: true }) archivedAt: Date | null
  @Column({ type: 'varchar', length: 20, charset: 'latin1', nullable: true }) code: string | null
  @Column({ type: 'varchar', length: 20, collation: 'utf8mb4_bin', nullable: true }) slug: string | null
}

@Entity('people')
@Unique('UQ_people_first_last', ['first', 'last'])
@Check('CHK_people_age', '`age` >= 0 AND `age` < 200')
@Index('IDX_people_last', ['last'])
class Person {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string
  @Column() first: string
  @Column() last: string
  @Column({ type: 'varchar', length: 10, nullable: true }) nick: string | null
  @Column({ type: 'smallint', default: 0, comment: 'in years' }) age: number
  @Column({ default: true }) active: boolean
  @Column({ type: 'boolean', default: false }) admin: boolean
  @Column({ type: 'enum', enum: Role, default: Role.Admin }) role: Role
  @Column({ type: 'simple-enum', enum: ['x', 'y'], nullable: true }) mode: string | null
  @Column({ type: 'set', enum: ['a', 'b', 'c'], default: ['a', 'b'] }) flags: string[]
  @Column({ type: 'decimal', precision: 8, scale: 3, default: 1.5 }) balance: string
  @Column({ type: 'decimal', nullable: true }) plain: string | null
  @Column({ type: 'float', nullable: true }) ratio: number | null
  @Column({ type: 'double', nullable: true }) score: number | null
  @Column({ type: 'char', length: 2, nullable: true }) country: string | null
  @Column({ type: 'int', generatedType: 'STORED', asExpression: '`age` * 12', nullable: true }) ageMonths: number
  @Column({ type: 'int', generatedType: 'VIRTUAL', asExpression: 'age + 1', nullable: true }) nextAge: number
  @Column({ type: 'json', nullable: true }) data: object | null
  @Column({ type: 'simple-array', nullable: true }) tags: string[] | null
  @Column({ type: 'simple-json', nullable: true }) extra: object | null
  @Column({ type: 'text', nullable: true }) bio: string | null
  @Column({ type: 'mediumtext', nullable: true }) notes: string | null
  @Column({ type: 'int', unsigned: true, default: 7 }) visits: number
  @Column({ type: 'tinyint', default: 1 }) flag: number
  @Column({ type: 'datetime', default: () => 'CURRENT_TIMESTAMP' }) seenAt: Date
  @Column({ type: 'timestamp', precision: 6, default: () => 'CURRENT_TIMESTAMP(6)', onUpdate: 'CURRENT_TIMESTAMP(6)' }) touchedAt: Date
  @Column({ type: 'date', default: '2020-01-01' }) since: string
  @Column({ type: 'time', nullable: true }) at: string | null
  @Column({ type: 'year', nullable: true }) born: number | null
  @Column({ type: 'blob', nullable: true }) photo: Buffer | null
  @Column({ type: 'varbinary', length: 16, nullable: true }) hash: Buffer | null
  @Column({ type: 'varchar', length: 30, default: "it is" }) motto: string
  @Column({ type: 'point', nullable: true }) place: string | null
  @CreateDateColumn() createdAt: Date
  @UpdateDateColumn({ precision: 6 }) updatedAt: Date
  @VersionColumn() version: number
  @ManyToOne(() => Team, { onDelete: 'SET NULL', nullable: true }) team: Team | null
  @ManyToMany(() => Team) @JoinTable({ name: 'people_teams' }) teams: Team[]
}

@Entity('tokens')
@Index('IDX_tokens_owner_kind', ['owner', 'kind'])
class Token {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'varchar', length: 16 }) kind: string
  @Column({ type: 'uuid', nullable: true }) batch: string | null
  @ManyToOne(() => Person, { onDelete: 'CASCADE', onUpdate: 'CASCADE' }) owner: Person
  @OneToOne(() => Team, { nullable: true }) @JoinColumn() team: Team | null
}

@Entity('badges')
class Badge {
  @PrimaryColumn({ type: 'varchar', length: 8 }) code: string
  @PrimaryColumn() level: number
  @ManyToOne(() => Token, { nullable: true }) token: Token | null
}

@ViewEntity({ name: 'active_people', expression: 'SELECT id, first FROM people WHERE active = 1' })
class ActivePerson {
  @Column() id: string
  @Column() first: string
}

describe('mysql: a schema TypeORM synchronize made on MariaDB reads back equal to the entities', () => {
  let db: TestDatabase
  let dataSource: DataSource
  let connection: MysqlConnection
  let desired: SchemaModel
  let actual: SchemaModel

  beforeAll(async () => {
    db = await createMariaDbDatabase('sync')
    dataSource = new DataSource({ ...db.options, entities: [Team, Person, Token, Badge, ActivePerson], synchronize: true, logging: false } as never)
    await dataSource.initialize()
    // TypeORM's MySQL driver writes no CHECK ("MySql does not support check constraints"); the dialect diffs them.
    await db.query('ALTER TABLE people ADD CONSTRAINT CHK_people_age CHECK (`age` >= 0 AND `age` < 200)')
    connection = await connectMysql(db.options)
    const dialect = mysqlDialectAt(connection.server)
    desired = dialect.normalize((await readEntities(dataSource)).model, dataSource.options)
    actual = await dialect.introspect(connection, { ignoreTables: ['typeorm_metadata'] })
  })
  afterAll(async () => {
    await connection?.close()
    if (dataSource?.isInitialized) await dataSource.destroy()
    await db?.drop()
  })

  it('tables, columns, keys, indexes and checks are equal by rule', () => {
    const tablesOnly = (m: SchemaModel) => canonicalOnly(m.tables.map((t) => ({ ...t, engine: undefined, charset: undefined, collation: undefined })))
    expect(tablesOnly(actual)).toEqual(tablesOnly(desired))
  })

  it('entities read without connecting (as the CLI reads them) normalize the same for this server: uuid, json', async () => {
    const unconnected = new DataSource({ ...db.options, entities: [Team, Person, Token, Badge, ActivePerson] } as never)
    const model = (await readEntities(unconnected)).model
    const column = (table: string, name: string) => model.tables.find((t) => t.name === table)!.columns.find((c) => c.name === name)!
    expect([column('tokens', 'id').type, column('people', 'data').type]).toEqual(['varchar', 'longtext'])
    expect(canonicalOnly(mysqlDialectAt(connection.server).normalize(model))).toEqual(canonicalOnly(desired))
  })

  it('the model has what the entities declare', () => {
    const column = (table: string, name: string) => actual.tables.find((t) => t.name === table)!.columns.find((c) => c.name === name)!
    expect(column('teams', 'id')).toEqual({ name: 'id', type: 'int unsigned', nullable: false, generated: { kind: 'increment' } })
    expect(column('teams', 'code')).toEqual({ name: 'code', type: 'varchar', length: 20, nullable: true, charset: 'latin1' })
    expect(column('teams', 'slug')).toEqual({ name: 'slug', type: 'varchar', length: 20, nullable: true, collation: 'utf8mb4_bin' })
    expect(column('tokens', 'id')).toEqual({ name: 'id', type: 'uuid', nullable: false })
    expect(column('people', 'data')).toEqual({ name: 'data', type: 'json', nullable: true })
    expect(column('people', 'role')).toMatchObject({ type: 'enum', enumValues: ['admin', "it's a member"], default: "'admin'" })
    expect(column('people', 'balance')).toMatchObject({ type: 'decimal', precision: 8, scale: 3, default: '1.5' })
    expect(column('people', 'touchedAt')).toMatchObject({ type: 'timestamp', precision: 6, default: 'CURRENT_TIMESTAMP(6)', onUpdate: 'CURRENT_TIMESTAMP(6)' })
    expect(column('people', 'ageMonths').computed).toMatchObject({ expression: 'age*12', stored: true })
    const people = actual.tables.find((t) => t.name === 'people')!
    expect(people.uniques.map((u) => u.name)).toEqual(['UQ_people_first_last'])
    expect(people.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['IDX_people_last', expect.stringMatching(/^FK_/)]))
    expect(people.checks).toEqual([expect.objectContaining({ name: 'CHK_people_age', expression: 'age>=0 and age<200' })])
  })

  it('reconcile settles the engines, the charsets (two queries) and the view (two EXPLAINs with their warnings), and then everything is equal', async () => {
    const before = connection.queryCount
    const reconciled = await mysqlDialectAt(connection.server).reconcile!(desired, actual, connection)
    expect(connection.queryCount - before).toBe(6)
    const compared = (m: SchemaModel) => canonicalOnly({ ...m, views: m.views.map(({ definitionSql: _written, declaredColumns: _declared, ...v }) => v) })
    expect(compared(reconciled)).toEqual(compared(actual))
  })
})
