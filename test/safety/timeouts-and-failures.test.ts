import { Client } from 'pg'
import { runCliInProcess, withoutRunTimes } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { bothDialects, createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A failing migration names itself, the statement and the database's error, and says what it left behind: in
// its transaction nothing, without one the statements that ran. On PostgreSQL, --lock-timeout and
// --statement-timeout make a migration that waits on a table another session holds give up.

const migration = (name: string, up: string[], options: { transaction?: boolean } = {}) => `
import type { MigrationInterface, QueryRunner } from 'typeorm'
export class ${name} implements MigrationInterface {
  name = '${name}'
  ${options.transaction === false ? 'transaction = false as const' : ''}
  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map((sql) => `    await queryRunner.query(${JSON.stringify(sql)})`).join('\n')}
  }
  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`

/** migrationsProject is a project on `db` whose folder holds `files` (file name to text), with no entities. */
function migrationsProject(db: TestDatabase, files: Record<string, string>): TempProject {
  const project = tempProject()
  writeConfig(project, db)
  for (const [file, text] of Object.entries(files)) project.write(`migrations/${file}`, text)
  return project
}

function writeConfig(project: TempProject, db: TestDatabase, transactionMode = 'each'): void {
  project.write('ormconfig.ts', [
    "import { DataSource } from 'typeorm'",
    `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [], migrations: ['migrations/*.ts'], migrationsTransactionMode: '${transactionMode}' })`,
    "export const autogen = { ignoreTables: ['busy'] }",
  ].join('\n'))
}

const recorded = async (db: TestDatabase) => (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).map((r) => r.name)

describe.each(bothDialects('failures'))('on %s', (label, createDatabase) => {
  let db: TestDatabase
  let project: TempProject
  beforeAll(async () => {
    db = await createDatabase()
    await db.query('CREATE TABLE busy (id integer PRIMARY KEY)')
    project = migrationsProject(db, {
      '1700000000000-Fine.ts': migration('Fine1700000000000', ['INSERT INTO busy (id) VALUES (1)']),
      '1700000001000-Broken.ts': migration('Broken1700000001000', ['INSERT INTO busy (id) VALUES (2)', 'INSERT INTO busy (id) VALUES (1)']),
    })
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })

  it('reports each migration as it is done, and a failure in a transaction as rolled back', async () => {
    const run = await runCliInProcess(project.dir, ['upgrade'])
    expect(withoutRunTimes(run.stdout)).toMatch(/\nApplied Fine1700000000000\n$/)
    expect(run.stdout).toMatch(/\nApplied Fine1700000000000 \(\d+\.\d s\)\n$/)
    expect(run.stderr).toMatch(new RegExp('^typeorm-autogen: migration Broken1700000001000 failed in up: .*; the failing statement: INSERT INTO busy \\(id\\) VALUES \\(1\\); its transaction was rolled back, so the database is as it was before it\\n$'))
    expect(run.code).toBe(2)
    expect(await recorded(db)).toEqual(['Fine1700000000000'])
    expect(await db.query('SELECT id FROM busy ORDER BY id')).toEqual([{ id: 1 }])
  })

  it('says which statements a migration without a transaction ran before it failed', async () => {
    project.write('migrations/1700000001000-Broken.ts', migration('Broken1700000001000', ['INSERT INTO busy (id) VALUES (2)', 'INSERT INTO busy (id) VALUES (1)'], { transaction: false }))
    const run = await runCliInProcess(project.dir, ['upgrade'])
    expect(run.stderr).toMatch(new RegExp('^typeorm-autogen: migration Broken1700000001000 failed in up: .*; the failing statement: INSERT INTO busy \\(id\\) VALUES \\(1\\); it ran without a transaction: the 1 statement it ran before stay done: INSERT INTO busy \\(id\\) VALUES \\(2\\)\\n$'))
    expect(run.code).toBe(2)
    expect(await recorded(db)).toEqual(['Fine1700000000000'])
    expect(await db.query('SELECT id FROM busy ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }])
  })

  it('says that the run\'s one transaction was rolled back, with migrationsTransactionMode all', async () => {
    writeConfig(project, db, 'all')
    project.write('migrations/1700000001000-Broken.ts', migration('Broken1700000001000', ['INSERT INTO busy (id) VALUES (3)', 'INSERT INTO busy (id) VALUES (1)']))
    const run = await runCliInProcess(project.dir, ['upgrade'])
    expect(run.stderr).toMatch(/; the failing statement: INSERT INTO busy \(id\) VALUES \(1\); the run's one transaction was rolled back, so no migration of this run stays applied\n$/)
    expect(run.code).toBe(2)
    expect(await db.query('SELECT id FROM busy ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }])
    writeConfig(project, db)
  })

  if (label === 'sqlite') {
    it('refuses the timeouts, which SQLite has not, running nothing', async () => {
      const run = await runCliInProcess(project.dir, ['upgrade', '--lock-timeout', '1'])
      expect(run.stderr).toBe('typeorm-autogen: this database has no lock or statement timeouts: leave --lock-timeout and --statement-timeout out\n')
      expect(run.code).toBe(2)
      expect(await recorded(db)).toEqual(['Fine1700000000000'])
    })
  }
})

describe('on postgres, a migration waiting on a table another session holds', () => {
  let db: TestDatabase
  let project: TempProject
  let holder: Client
  beforeAll(async () => {
    db = await createPostgresDatabase('timeouts')
    await db.query('CREATE TABLE busy (id integer PRIMARY KEY)')
    project = migrationsProject(db, { '1700000000000-AddX.ts': migration('AddX1700000000000', ['ALTER TABLE busy ADD COLUMN x integer']) })
    holder = new Client({ ...(db.options as object), user: 'postgres' } as never)
    await holder.connect()
    await holder.query('BEGIN')
    await holder.query('LOCK TABLE busy IN ACCESS SHARE MODE')
  })
  afterAll(async () => {
    await holder?.end()
    project?.remove()
    await db?.drop()
  })

  const refused = async (args: string[], error: string) => {
    const run = await runCliInProcess(project.dir, ['upgrade', ...args])
    expect(run.stderr).toBe(`typeorm-autogen: migration AddX1700000000000 failed in up: ${error}; the failing statement: ALTER TABLE busy ADD COLUMN x integer; its transaction was rolled back, so the database is as it was before it\n`)
    expect(run.code).toBe(2)
    expect(await db.query("SELECT count(*)::int AS n FROM migrations")).toEqual([{ n: 0 }])
  }

  it('gives up after --lock-timeout', () => refused(['--lock-timeout', '0.2'], 'canceling statement due to lock timeout'))

  it('gives up after --statement-timeout', () => refused(['--statement-timeout', '0.2'], 'canceling statement due to statement timeout'))

  it('runs once the table is free', async () => {
    await holder.query('COMMIT')
    const run = await runCliInProcess(project.dir, ['upgrade', '--lock-timeout', '0.2', '--statement-timeout', '5'])
    expect(withoutRunTimes(run.stdout)).toMatch(/\nApplied AddX1700000000000\n$/)
    expect(run.code).toBe(0)
  })
})
