import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../../src/pipeline/generate-migration'
import { upgrade } from '../../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../../support/test-database'

// A new enum value used in the same change (as a default, and cast into a column retyped to the enum): PostgreSQL
// can use the value only once the transaction that added it committed. generate writes the change as two
// migrations that TypeORM's own runner accepts in its default transaction mode ('all'): dataSource.runMigrations()
// and the TypeORM CLI's migration:run, and both revert.

@Entity('person')
class PersonV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['calm', 'busy'], enumName: 'mood', default: 'calm' }) mood: string
  @Column({ type: 'text' }) last: string
}

@Entity('person')
class PersonV2 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['calm', 'busy', 'away'], enumName: 'mood', default: 'away' }) mood: string
  @Column({ type: 'enum', enum: ['calm', 'busy', 'away'], enumName: 'mood' }) last: string
}

const rows = 'SELECT id, mood::text, last::text FROM person ORDER BY id'
const typeormCli = join(__dirname, '../../../node_modules/typeorm/cli.js')

describe('postgres: a new enum value used in the same change', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('enumcommit')
    await migrateTo(db, [PersonV1], 'Init')
    await db.query(`INSERT INTO person (mood, last) VALUES ('busy', 'calm'), ('calm', 'away')`)
  })
  afterAll(async () => db?.drop())

  const migrationFiles = () => readdirSync(join(db.dir, 'migrations')).filter((f) => f.endsWith('.ts')).sort()

  it('is written as two migrations, neither with transaction = false, each reversible', async () => {
    const result = await generateMigration(projectFor(db, [PersonV2]), 'AddAway', 1_830_000_000_000)
    expect(result.written.map((w) => w.plan.name)).toEqual(['AddAwayEnumValues', 'AddAway'])
    expect(migrationFiles().slice(-2)).toEqual(['1830000000000-AddAwayEnumValues.ts', '1830000000001-AddAway.ts'])
    const [first, second] = result.written.map((w) => readFileSync(w.file, 'utf8'))
    for (const source of [first!, second!]) expect(source).not.toMatch(/^\s*transaction\s*=/m)
    expect(first).toContain(`ALTER TYPE "public"."mood" ADD VALUE 'away'`)
    expect(first).toContain('// Part 1 of 2 of one change: AddAwayEnumValues1830000000000, then AddAway1830000000001.')
    expect(second).toContain('// Part 2 of 2 of one change')
    expect(second).toContain(`SET DEFAULT 'away'`)
    expect(second).toContain('if (queryRunner.isTransactionActive) {')
  })

  it("runs in TypeORM's default transaction mode with dataSource.runMigrations(), and reverts", async () => {
    const rowsBefore = await db.query(rows)
    const dataSource = new DataSource({ ...projectFor(db, [PersonV2]).dataSource.options, migrationsTransactionMode: 'all' } as never)
    await dataSource.initialize()
    try {
      expect((await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name)).toEqual(['AddAwayEnumValues1830000000000', 'AddAway1830000000001'])
      expect(await pendingChanges(db, [PersonV2])).toEqual([])
      await db.query(`INSERT INTO person (last) VALUES ('away')`)
      expect(await db.query('SELECT mood::text FROM person WHERE id = 3')).toEqual([{ mood: 'away' }])
      await db.query('DELETE FROM person WHERE id = 3')
      await dataSource.undoLastMigration({ transaction: 'all' })
      await dataSource.undoLastMigration({ transaction: 'all' })
    } finally {
      await dataSource.destroy()
    }
    expect(await pendingChanges(db, [PersonV1])).toEqual([])
    expect(await db.query(rows)).toEqual(rowsBefore)
  })

  it("runs with the TypeORM CLI's migration:run on a compiled JS data source, and reverts with migration:revert", async () => {
    const rowsBefore = await db.query(rows)
    const compiled = join(db.dir, 'compiled')
    mkdirSync(compiled, { recursive: true })
    for (const file of migrationFiles()) {
      const source = readFileSync(join(db.dir, 'migrations', file), 'utf8')
      const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } })
      writeFileSync(join(compiled, file.replace(/\.ts$/, '.js')), js.outputText)
    }
    const options = { ...db.options, migrations: [join(compiled, '*.js')], logging: false }
    writeFileSync(join(db.dir, 'data-source.js'), [
      `const { DataSource } = require(${JSON.stringify(require.resolve('typeorm'))})`,
      `module.exports = { dataSource: new DataSource(${JSON.stringify(options)}) }`,
    ].join('\n'))
    const typeorm = (...args: string[]) => spawnSync(process.execPath, [typeormCli, ...args, '-d', join(db.dir, 'data-source.js')], {
      cwd: db.dir, encoding: 'utf8', timeout: 120_000,
    })

    const run = typeorm('migration:run') // the CLI's default transaction mode is 'all'
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Migration AddAwayEnumValues1830000000000 has been executed successfully.')
    expect(run.stdout).toContain('Migration AddAway1830000000001 has been executed successfully.')
    expect(await pendingChanges(db, [PersonV2])).toEqual([])
    expect(await db.query(rows)).toEqual([{ id: 1, mood: 'busy', last: 'calm' }, { id: 2, mood: 'calm', last: 'away' }])

    for (let i = 0; i < 2; i += 1) expect(typeorm('migration:revert').status).toBe(0)
    expect(await pendingChanges(db, [PersonV1])).toEqual([])
    expect(await db.query(rows)).toEqual(rowsBefore)
  })
})

@Entity('role')
class RoleV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['x', 'y'], array: true, default: '{}' }) flags: string[]
}

@Entity('role')
class RoleV2 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['x', 'y', 'z'], array: true, default: '{x,z}' }) flags: string[]
}

describe('postgres: a new enum value in the default of an enum array column', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('enumarraycommit')
    await migrateTo(db, [RoleV1], 'Init')
  })
  afterAll(async () => db?.drop())

  it('is written as two migrations, which run', async () => {
    const result = await generateMigration(projectFor(db, [RoleV2]), 'AddZ', 1_830_000_000_000)
    expect(result.written.map((w) => w.plan.name)).toEqual(['AddZEnumValues', 'AddZ'])
    expect(await upgrade(projectFor(db, [RoleV2]))).toEqual(['AddZEnumValues1830000000000', 'AddZ1830000000001'])
    expect(await pendingChanges(db, [RoleV2])).toEqual([])
  })
})
