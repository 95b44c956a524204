import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { EntitySchema } from 'typeorm'
import { databaseState } from '../support/database-state'
import { synchronizeWithTypeorm } from '../support/migration-cycle'
import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { allDialects, inQuotesOf, type TestDatabase } from '../support/test-database'

// generate --from-migrations compares the entities with a scratch database the migrations folder builds, and
// never reads the live one. Adopting a database TypeORM's synchronize() made: the first migration is written
// against an empty scratch database (the folder is empty), stamped on the live database, and later
// migrations are written the same way and applied there.

const columns = (extra: Record<string, object>) => ({
  id: { type: 'integer', primary: true, generated: 'increment' },
  title: { type: 'varchar', length: 100 },
  ...extra,
})
const note = (extra: Record<string, object> = {}) => ({ name: 'Note', tableName: 'note', columns: columns(extra) })
const views = { views: { type: 'integer', default: 0 } }

const config = (options: object, schema: object) => [
  "import { DataSource, EntitySchema } from 'typeorm'",
  `export default new DataSource({ ...${JSON.stringify(options)}, entities: [new EntitySchema(${JSON.stringify(schema)})], migrations: ['migrations/*.ts'] })`,
].join('\n')

describe.each(allDialects('genscratch'))('on %s', (label, createDatabase) => {
  let db: TestDatabase
  let project: TempProject
  const cli = (...args: string[]) => runCliInProcess(project.dir, args)
  const migrationFiles = () => readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts')).sort()
  beforeAll(async () => {
    db = await createDatabase()
    await synchronizeWithTypeorm(db, [new EntitySchema(note() as never)])
    await db.query(inQuotesOf(label, `INSERT INTO "note" ("title") VALUES ('kept')`))
    project = tempProject({ 'ormconfig.ts': config(db.options, note()) })
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })

  it('writes the first migration of a database synchronize() made against an empty scratch database, leaving the live one alone', async () => {
    const before = await databaseState(db)
    // Against the live database there is nothing to write: it has the schema already. What an Alembic user tries
    // next, generate Init or stamp head, says how to adopt it.
    const adoption = 'the project has no migrations yet, and the database has the tables of the entities already (made by synchronize or by hand): ' +
      'to adopt it, write the first migration with `typeorm-autogen generate Init --from-migrations`, then record it with `typeorm-autogen stamp Init`'
    const nothing = await cli('generate', 'Init', '--dry-run')
    expect(afterDatabaseLine(nothing.stdout)).toBe('No changes: the database matches the entities. Nothing written.\n')
    expect(nothing.stderr).toBe(`note: ${adoption}\n`)
    const head = await cli('stamp', 'head')
    expect(head.code).toBe(2)
    expect(head.stderr).toContain('typeorm-autogen: no migration matches "head": the project has no migrations yet: write the first with `typeorm-autogen generate <Name>`, or, for a database that has the tables already')

    const stray = await cli('generate', 'Init', '--shadow-url', 'postgres://127.0.0.1/x')
    expect(stray.code).toBe(2)
    expect(stray.stderr).toContain('--shadow-url goes with --from-migrations (or check --drift)')
    const init = await cli('generate', 'Init', '--from-migrations', '--timestamp', '1700000000000')
    expect(init.code).toBe(0)
    expect(init.stdout).toMatch(/^Database: .* \(scratch, built from migrations\)\n/)
    expect(init.stdout).toContain('Wrote migrations/1700000000000-Init.ts')
    expect(readFileSync(project.file('migrations/1700000000000-Init.ts'), 'utf8')).toMatch(/CREATE TABLE [^(]*note/)
    expect(await databaseState(db)).toEqual(before)

    // The live database has that schema: stamp records the migration, and everything agrees.
    const stamp = await cli('stamp', 'Init1700000000000')
    expect(stamp.code).toBe(0)
    expect((await cli('check')).code).toBe(0)
    expect((await cli('check', '--from-migrations')).code).toBe(0)
    expect(await db.query(inQuotesOf(label, 'SELECT "title" FROM "note"'))).toEqual([{ title: 'kept' }])
  })

  it('writes the next migration on top of the folder, which upgrade applies to the live database', async () => {
    project.write('ormconfig.ts', config(db.options, note(views)))
    const next = await cli('generate', 'AddViews', '--from-migrations', '--timestamp', '1700000001000')
    expect(next.code).toBe(0)
    expect(migrationFiles()).toEqual(['1700000000000-Init.ts', '1700000001000-AddViews.ts'])
    const source = readFileSync(project.file('migrations/1700000001000-AddViews.ts'), 'utf8')
    expect(source).toMatch(/ADD (COLUMN )?(IF NOT EXISTS )?\\?[`"]views/)
    expect(source).not.toMatch(/CREATE TABLE/)
    expect((await cli('upgrade')).code).toBe(0)
    expect((await cli('check')).code).toBe(0)
    expect(await db.query(inQuotesOf(label, 'SELECT "title", "views" FROM "note"'))).toEqual([{ title: 'kept', views: 0 }])
    // Nothing more to write either way.
    expect((await cli('generate', 'Again', '--from-migrations')).stdout).toContain('No changes')
    expect(existsSync(project.file('migrations/autogen.sum'))).toBe(true)
  })

  it('names a migration of the folder that fails on the scratch database, and writes nothing', async () => {
    project.write('migrations/1700000002000-Broken.ts', [
      "import { MigrationInterface, QueryRunner } from 'typeorm'",
      'export class Broken1700000002000 implements MigrationInterface {',
      "  async up(queryRunner: QueryRunner): Promise<void> { await queryRunner.query('SELECT * FROM missing_table') }",
      '  async down(): Promise<void> {}',
      '}',
    ].join('\n'))
    const failed = await cli('generate', 'Other', '--from-migrations')
    expect(failed.code).toBe(2)
    expect(afterDatabaseLine(failed.stderr)).toMatch(/^typeorm-autogen: migration Broken1700000002000 failed in up: .*missing_table/)
    expect(migrationFiles()).toEqual(['1700000000000-Init.ts', '1700000001000-AddViews.ts', '1700000002000-Broken.ts'])
  })
})
