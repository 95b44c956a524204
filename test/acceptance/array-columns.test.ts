import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { type EntityList, migrateTo, pendingChanges, projectFor, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createMariaDbDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// `array: true` makes an array only on PostgreSQL. SQLite keeps TypeORM's type name (`text array`), which a
// database TypeORM built holds too (not after a length: SQLite refuses `varchar(40) array`, and TypeORM
// fails on it); MySQL has a plain column. Both say so, as NOT_DIFFED.

@Entity('job')
class Job {
  @PrimaryGeneratedColumn() id: number
  @Column('text', { array: true, nullable: true }) tags: string[] | null
  @Column('integer', { array: true, nullable: true }) codes: number[] | null
}

@Entity('job')
class JobWithLength {
  @PrimaryGeneratedColumn() id: number
  @Column('text', { array: true, nullable: true }) tags: string[] | null
  @Column('varchar', { length: 40, array: true, nullable: true }) codes: string[] | null
}

const arrayWarnings = async (db: TestDatabase, entities: EntityList = [Job]) =>
  (await compareProject(projectFor(db, entities))).warnings.filter((w) => w.code === 'NOT_DIFFED' && w.message.includes('array: true'))

@Entity('crew')
class Crew {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'simple-enum', enum: ['admin', 'editor', 'ghost'], array: true, default: ['ghost', 'admin'] }) roles: string[]
}

describe('sqlite: array: true', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createSqliteDatabase()
  })
  afterEach(async () => db?.drop())

  it('finds nothing to change in a database TypeORM built, and warns that the column holds one value', async () => {
    await synchronizeWithTypeorm(db, [Job])
    expect(await pendingChanges(db, [Job])).toEqual([])
    expect((await arrayWarnings(db)).map((w) => w.message)).toEqual([
      '"job"."tags" is declared with array: true, but this database has no array columns: it holds one text value, so writing an array into it fails or stores its text',
      '"job"."codes" is declared with array: true, but this database has no array columns: it holds one integer value, so writing an array into it fails or stores its text',
    ])
  })

  it('writes the type as TypeORM does, but for a type with a length, which it writes alone', async () => {
    const { source } = await migrateTo(db, [JobWithLength], 'Init')
    expect(source).toContain('"tags" text array')
    expect(source).toContain('"codes" varchar(40)')
    expect(source).not.toContain('varchar(40) array')
    expect(await pendingChanges(db, [JobWithLength])).toEqual([])
  })

  it('of simple-enum values is a varchar holding the list, with no check of single values, as TypeORM makes it', async () => {
    const { source } = await migrateTo(db, [Crew], 'Init')
    expect(source).toContain('"roles" varchar NOT NULL DEFAULT \'ghost,admin\'')
    expect(source).not.toContain('CHECK')
    expect(await arrayWarnings(db, [Crew])).toEqual([])
    const own = new DataSource({ ...db.options, entities: [Crew], logging: false } as never)
    await own.initialize()
    try {
      await own.getRepository(Crew).save({ roles: ['admin', 'editor'] })
      expect((await own.getRepository(Crew).find()).map((c) => c.roles)).toEqual([['admin', 'editor']])
    } finally {
      await own.destroy()
    }
  })
})

describe('mariadb: array: true', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('arrays')
  })
  afterAll(async () => db?.drop())

  it('makes a plain column, and warns that it holds one value', async () => {
    expect(await arrayWarnings(db)).toHaveLength(2)
    const { source } = await migrateTo(db, [Job], 'Init')
    expect(source.replaceAll('\\`', '`')).toContain('`tags` text NULL')
    expect(await pendingChanges(db, [Job])).toEqual([])
  })
})

// TypeORM writes an array default on a database without arrays as the array's bare text (`DEFAULT ` for []),
// which fails its own synchronize; the default is left out, and the warning says so.
@Entity('pairs')
class Pairs {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', array: true, default: [] }) pairs: string[]
  @Column({ type: 'varchar', array: true, default: ['a', 'b'] }) letters: string[]
}

describe.each([
  ['sqlite', createSqliteDatabase],
  ['mariadb', () => createMariaDbDatabase('arraydefault')],
])('%s: an array default', (_dialect, create) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await create()
  })
  afterEach(async () => db?.drop())

  it('is left out, with the warning', async () => {
    expect((await arrayWarnings(db, [Pairs])).map((w) => w.message)).toEqual([
      expect.stringMatching(/^"pairs"\."pairs" is declared with array: true, .*; its array default is left out$/),
      expect.stringMatching(/^"pairs"\."letters" is declared with array: true, .*; its array default is left out$/),
    ])
    const { source } = await migrateTo(db, [Pairs], 'Init')
    expect(source).not.toContain('DEFAULT')
    expect(await pendingChanges(db, [Pairs])).toEqual([])
  })
})

// MySQL has no list of enum values in one column: TypeORM makes an enum of one value (its synchronize writes
// `enum array (...)`, which the server refuses), and its default listing two values fails the CREATE TABLE.
@Entity('crew')
class CrewWithDefault {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'simple-enum', enum: ['admin', 'editor', 'ghost'], array: true, default: ['ghost', 'admin'] }) roles: string[]
  // PostgreSQL's empty array, written as a string.
  @Column({ type: 'enum', enum: ['read', 'write'], array: true, default: '{}' }) rights: string[]
}

describe('mariadb: an enum declared array: true', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('enumarray')
  })
  afterEach(async () => db?.drop())

  it('holds one value, with the warning, and its default is left out', async () => {
    expect((await arrayWarnings(db, [CrewWithDefault])).map((w) => w.message)).toEqual([
      expect.stringMatching(/^"crew"\."roles" is declared with array: true, .*; its array default is left out$/),
      expect.stringMatching(/^"crew"\."rights" is declared with array: true, .*; its array default is left out$/),
    ])
    const { source } = await migrateTo(db, [CrewWithDefault], 'Init')
    expect(source).not.toContain('DEFAULT')
    expect(await pendingChanges(db, [CrewWithDefault])).toEqual([])
  })
})
