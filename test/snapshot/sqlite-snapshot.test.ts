import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Column, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { entitiesSnapshotFileName } from '../../src/pipeline/entities-snapshot'
import { generateMigration } from '../../src/pipeline/generate-migration'
import type { Hazard } from '../../src/hazards/hazard'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

class LowerCase implements ValueTransformer {
  to(value: string): string { return value.toLowerCase() }
  from(value: string): string { return value }
}

@Entity('post')
class PostV1 {
  @PrimaryGeneratedColumn() id!: number
  @Column('simple-array') tags!: string[]
  @Column({ type: 'varchar', length: 100 }) title!: string
}

@Entity('post')
class PostV2 {
  @PrimaryGeneratedColumn() id!: number
  @Column('simple-json') tags!: string[]
  @Column({ type: 'varchar', length: 100 }) title!: string
}

@Entity('post')
class PostV3 {
  @PrimaryGeneratedColumn() id!: number
  @Column('simple-json') tags!: string[]
  @Column({ type: 'varchar', length: 100, transformer: new LowerCase() }) title!: string
}

// PostV2 with the title's type left to TypeORM (its design type, String): the same column, spelled otherwise.
@Entity('post')
class PostV2Implied {
  @PrimaryGeneratedColumn() id!: number
  @Column('simple-json') tags!: string[]
  @Column({ length: 100 }) title!: string
}

const tagsWarning = /^"post"\."tags" changes from simple-array to simple-json: both are stored as text, so no migration converts the existing rows/
const noEffect = (hazards: readonly Hazard[]) => hazards.filter((h) => h.code === 'NO_SCHEMA_EFFECT').map((h) => h.message)

describe('the entities snapshot on SQLite', () => {
  let db: TestDatabase
  const snapshotFile = () => join(db.dir, 'migrations', entitiesSnapshotFileName)
  const migrationFiles = () => readdirSync(join(db.dir, 'migrations')).filter((f) => f.endsWith('.ts'))
  beforeAll(async () => {
    db = await createSqliteDatabase()
  })
  afterAll(async () => db?.drop())

  it('is written by generate beside the migration, with the declared facts', async () => {
    await migrateTo(db, [PostV1], 'CreatePost')
    const snapshot = JSON.parse(readFileSync(snapshotFile(), 'utf8'))
    expect(snapshot).toEqual({
      migration: expect.stringMatching(/^CreatePost\d{13}$/),
      tables: [{
        name: 'post',
        columns: [
          { name: 'id', transformer: false, type: 'Number' },
          { name: 'tags', transformer: false, type: 'simple-array' },
          { length: '100', name: 'title', transformer: false, type: 'varchar' },
        ],
      }],
    })
    expect(readFileSync(snapshotFile(), 'utf8')).toMatch(/^{\n {2}"migration": "CreatePost\d{13}",\n {2}"tables": \[\n/)
  })

  it('makes a type switch the database cannot see a note, with no operation', async () => {
    await db.query(`INSERT INTO "post" ("tags", "title") VALUES ('a,b', 'First')`)
    const comparison = await compareProject(projectFor(db, [PostV2]))
    expect(comparison.up).toEqual([])
    expect(noEffect(comparison.hazards)).toEqual([expect.stringMatching(tagsWarning)])
    expect(comparison.snapshotOutdated).toBe(true)
  })

  it('has generate write only the snapshot then, and the warning goes away', async () => {
    const before = migrationFiles()
    const result = await generateMigration(projectFor(db, [PostV2]), 'Nothing', 1_800_000_000_000)
    expect(result.file).toBeUndefined()
    expect(result.snapshot).toBe(snapshotFile())
    expect(noEffect(result.plan.hazards ?? [])).toEqual([expect.stringMatching(tagsWarning)])
    expect(migrationFiles()).toEqual(before)
    expect(readFileSync(snapshotFile(), 'utf8')).toContain('"simple-json"')

    const again = await compareProject(projectFor(db, [PostV2]))
    expect(noEffect(again.hazards)).toEqual([])
    expect(again.snapshotOutdated).toBe(false)
    expect((await generateMigration(projectFor(db, [PostV2]), 'Nothing', 1_800_000_000_001)).snapshot).toBeUndefined()
  })

  it('compares what a declaration means, not how it is spelled', async () => {
    const comparison = await compareProject(projectFor(db, [PostV2Implied]))
    expect(comparison.up).toEqual([])
    expect(noEffect(comparison.hazards)).toEqual([])
    expect(comparison.snapshotOutdated).toBe(false)
  })

  it('warns about a new transformer, naming its class', async () => {
    const comparison = await compareProject(projectFor(db, [PostV3]))
    expect(comparison.up).toEqual([])
    expect(noEffect(comparison.hazards)).toEqual([
      expect.stringMatching(/^"post"\."title" gains a transformer LowerCase: both are stored as varchar/),
    ])
  })

  it('warns about nothing without a snapshot file', async () => {
    rmSync(snapshotFile())
    const comparison = await compareProject(projectFor(db, [PostV1]))
    expect(comparison.up).toEqual([])
    expect(noEffect(comparison.hazards)).toEqual([])
    expect(comparison.snapshotOutdated).toBe(false)
    expect((await generateMigration(projectFor(db, [PostV1]), 'Nothing', 1_800_000_000_002)).snapshot).toBeUndefined()
    expect(existsSync(snapshotFile())).toBe(false)
    expect(await pendingChanges(db, [PostV3])).toEqual([])
  })
})

// The snapshot is the entities of the folder's last migration: against a database not at that migration
// (one pending, or a schema made another way), what it says about the database is not known.
@Entity('post')
class PostV1WithBody extends PostV1 {
  @Column({ type: 'text', nullable: true }) body!: string | null
}

@Entity('post')
class PostV2WithBody extends PostV2 {
  @Column({ type: 'text', nullable: true }) body!: string | null
}

describe('the entities snapshot against a database not at the last migration', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createSqliteDatabase()
  })
  afterAll(async () => db?.drop())

  it('makes no note while a migration of the folder is pending', async () => {
    await migrateTo(db, [PostV1], 'CreatePost')
    const pending = await generateMigration(projectFor(db, [PostV1WithBody]), 'AddBody', 1_800_000_000_000)
    expect(pending.file).toBeDefined()
    const comparison = await compareProject(projectFor(db, [PostV2WithBody]))
    expect(comparison.up.map((op) => op.kind)).toEqual(['add_column'])
    expect(noEffect(comparison.hazards)).toEqual([])
  })
})


// The snapshot names the migration whose entities it holds: once that migration is reverted and its file
// deleted, the entities it holds are not what the database was made from.
describe('the entities snapshot of a migration reverted and deleted', () => {
  let db: TestDatabase
  const migrationsDir = () => join(db.dir, 'migrations')
  const stale = (warnings: readonly { code: string }[]) => warnings.filter((w) => w.code === 'SNAPSHOT_STALE')
  beforeAll(async () => {
    db = await createSqliteDatabase()
  })
  afterAll(async () => db?.drop())

  it('makes no note from it, warns, and has the next generate write a new one', async () => {
    await migrateTo(db, [PostV1], 'CreatePost')
    await migrateTo(db, [PostV2WithBody], 'AddBody')
    await revertLast(db, [PostV2WithBody])
    rmSync(join(migrationsDir(), readdirSync(migrationsDir()).find((f) => f.endsWith('-AddBody.ts'))!))

    // The database was never simple-json: no note saying the rows keep that format.
    const comparison = await compareProject(projectFor(db, [PostV1WithBody]))
    expect(comparison.up.map((op) => op.kind)).toEqual(['add_column'])
    expect(noEffect(comparison.hazards)).toEqual([])
    expect(stale(comparison.warnings)).toEqual([expect.objectContaining({ message: expect.stringMatching(/holds the entities of migration AddBody\d{13}, which the database has not applied /) })])

    const written = await generateMigration(projectFor(db, [PostV1WithBody]), 'AddBody', 1_900_000_000_000)
    expect(JSON.parse(readFileSync(written.snapshot!, 'utf8')).migration).toBe('AddBody1900000000000')
    await upgrade(projectFor(db, [PostV1WithBody]))
    const again = await compareProject(projectFor(db, [PostV1WithBody]))
    expect(stale(again.warnings)).toEqual([])
    expect(again.snapshotOutdated).toBe(false)
  })
})
