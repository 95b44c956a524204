import * as fs from 'node:fs'
import { createConnection, type Connection } from 'mysql2/promise'
import { Client } from 'pg'
import { runCliInProcess, withoutRunTimes } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { allDialects, createMariaDbDatabase, createPostgresDatabase, mariadbServer, type TestDatabase } from '../support/test-database'

// A failing migration names itself, the statement and the database's error, and says what it left behind: in
// its transaction nothing, without one the statements that ran; where transactions cannot hold schema changes
// (MariaDB), that the database may be partly migrated. On PostgreSQL and MariaDB, --lock-timeout and
// --statement-timeout make a migration that waits on a table another session holds, or runs long, give up.

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
    // `made` stays behind where a failed migration's schema changes cannot be rolled back (MariaDB).
    `export const autogen = { ignoreTables: ['busy', 'made'] }`,
  ].join('\n'))
}

const recorded = async (db: TestDatabase) => (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).map((r) => r.name)

describe.each(allDialects('failures'))('on %s', (label, createDatabase) => {
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
    const left = label === 'mariadb'
      ? 'this database cannot roll back schema changes: each commits the transaction it runs in, and what follows one runs without a transaction, so the 1 statement it ran before stays done: INSERT INTO busy \\(id\\) VALUES \\(2\\), writes too, unless it did not change the schema \\(then its transaction rolled its writes back\\); the database may now be partly migrated: check it, undo or finish it by hand, then run again \\(not with `downgrade`, which reverts the last migration recorded as applied, not this one\\)'
      : 'its transaction was rolled back, so the database is as it was before it'
    expect(run.stderr).toMatch(new RegExp(`^typeorm-autogen: migration Broken1700000001000 failed in up: .*; the failing statement: INSERT INTO busy \\(id\\) VALUES \\(1\\); ${left}\\n$`))
    expect(run.code).toBe(2)
    expect(await recorded(db)).toEqual(['Fine1700000000000'])
    expect(await db.query('SELECT id FROM busy ORDER BY id')).toEqual([{ id: 1 }])
  })

  it('says which statements a migration without a transaction ran before it failed', async () => {
    project.write('migrations/1700000001000-Broken.ts', migration('Broken1700000001000', ['INSERT INTO busy (id) VALUES (2)', 'INSERT INTO busy (id) VALUES (1)'], { transaction: false }))
    const run = await runCliInProcess(project.dir, ['upgrade'])
    const partly = label === 'mariadb' ? '; the database is now partly migrated: fix the cause, undo or finish it by hand, then run again \\(not with `downgrade`, which reverts the last migration recorded as applied, not this one\\)' : ''
    expect(run.stderr).toMatch(new RegExp(`^typeorm-autogen: migration Broken1700000001000 failed in up: .*; the failing statement: INSERT INTO busy \\(id\\) VALUES \\(1\\); it ran without a transaction: the 1 statement it ran before stays done: INSERT INTO busy \\(id\\) VALUES \\(2\\)${partly}\\n$`))
    expect(run.code).toBe(2)
    expect(await recorded(db)).toEqual(['Fine1700000000000'])
    expect(await db.query('SELECT id FROM busy ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }])
  })

  it('says that the run\'s one transaction was rolled back, with migrationsTransactionMode all', async () => {
    writeConfig(project, db, 'all')
    project.write('migrations/1700000000500-Between.ts', migration('Between1700000000500', ['INSERT INTO busy (id) VALUES (6)']))
    project.write('migrations/1700000001000-Broken.ts', migration('Broken1700000001000', ['INSERT INTO busy (id) VALUES (3)', 'INSERT INTO busy (id) VALUES (1)']))
    const run = await runCliInProcess(project.dir, ['upgrade'])
    expect(run.stderr).toMatch(label === 'mariadb'
      ? /; the failing statement: INSERT INTO busy \(id\) VALUES \(1\); this database cannot roll back schema changes: each commits the transaction it runs in, and what follows one runs without a transaction, so the 1 statement it ran before stays done: INSERT INTO busy \(id\) VALUES \(3\), writes too, unless it did not change the schema \(then its transaction rolled its writes back\); so does Between1700000000500, run before it in this run's one transaction, unless it did not change the schema either; the database may now be partly migrated: check it, undo or finish these by hand, then run again \(not with `downgrade`, which reverts the last migration recorded as applied, not this one\)\n$/
      : /; the failing statement: INSERT INTO busy \(id\) VALUES \(1\); the run's one transaction was rolled back, so no migration of this run stays applied\n$/)
    expect(run.code).toBe(2)
    expect(await db.query('SELECT id FROM busy ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }])
    // Its first statement failing, it ran none: the line still says what the migrations before it left.
    project.write('migrations/1700000001000-Broken.ts', migration('Broken1700000001000', ['INSERT INTO busy (id) VALUES (1)']))
    const first = await runCliInProcess(project.dir, ['upgrade'])
    if (label === 'mariadb') {
      expect(first.stderr).toMatch(/; the failing statement: INSERT INTO busy \(id\) VALUES \(1\); this database cannot roll back schema changes: each commits the transaction it runs in, and what follows one runs without a transaction, so it had run no statement before; Between1700000000500, run before it in this run's one transaction, stays done, unless it did not change the schema; the database may now be partly migrated: check it, undo or finish it by hand, then run again \(not with `downgrade`, which reverts the last migration recorded as applied, not this one\)\n$/)
    }
    expect(first.code).toBe(2)
    fs.rmSync(project.file('migrations/1700000000500-Between.ts'))
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

  it('prints no Applied line for a migration of one transaction that a later failure rolled back, and each line once it commits', async () => {
    writeConfig(project, db, 'all')
    project.write('migrations/1700000002000-Later.ts', migration('Later1700000002000', ['INSERT INTO busy (id) VALUES (4)']))
    project.write('migrations/1700000003000-Broken.ts', migration('Broken1700000003000', ['INSERT INTO busy (id) VALUES (1)']))
    fs.rmSync(project.file('migrations/1700000001000-Broken.ts'))
    const failed = await runCliInProcess(project.dir, ['upgrade'])
    expect(failed.code).toBe(2)
    // MariaDB commits each schema change as it runs, so there a migration is reported as it is done.
    if (label !== 'mariadb') expect(failed.stdout).not.toMatch(/Applied/)
    expect(await recorded(db)).toEqual(['Fine1700000000000'])
    fs.rmSync(project.file('migrations/1700000003000-Broken.ts'))
    project.write('migrations/1700000003000-Last.ts', migration('Last1700000003000', ['INSERT INTO busy (id) VALUES (5)']))
    const run = await runCliInProcess(project.dir, ['upgrade'])
    expect(run.code).toBe(0)
    expect(withoutRunTimes(run.stdout)).toMatch(/\nApplied Later1700000002000\nApplied Last1700000003000\n2 migrations applied\n$/)
    expect(await recorded(db)).toEqual(['Fine1700000000000', 'Later1700000002000', 'Last1700000003000'])
    writeConfig(project, db)
  })
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

  it('gives up after --lock-timeout in a dry run too', async () => {
    const run = await runCliInProcess(project.dir, ['upgrade', '--dry-run', '--lock-timeout', '0.2'])
    expect(run.stderr).toMatch(/^typeorm-autogen: .*AddX1700000000000.*canceling statement due to lock timeout/)
    expect(run.code).toBe(2)
  })

  it('runs once the table is free', async () => {
    await holder.query('COMMIT')
    const run = await runCliInProcess(project.dir, ['upgrade', '--lock-timeout', '0.2', '--statement-timeout', '5'])
    expect(withoutRunTimes(run.stdout)).toMatch(/\nApplied AddX1700000000000\n$/)
    expect(run.code).toBe(0)
  })
})

describe('on mariadb, where DDL is not transactional', () => {
  let db: TestDatabase
  let project: TempProject
  let holder: Connection
  beforeAll(async () => {
    db = await createMariaDbDatabase('partial')
    await db.query('CREATE TABLE busy (id integer PRIMARY KEY)')
    project = migrationsProject(db, {
      '1700000000000-Half.ts': migration('Half1700000000000', ['CREATE TABLE made (id integer)', 'ALTER TABLE made ADD COLUMN x integer', 'ALTER TABLE no_such_table ADD COLUMN y integer']),
    })
  })
  afterAll(async () => {
    await holder?.end()
    project?.remove()
    await db?.drop()
  })

  it('says which statements of the failed migration stay applied, and that the database is partly migrated', async () => {
    const run = await runCliInProcess(project.dir, ['upgrade'])
    expect(run.stderr).toMatch(new RegExp('^typeorm-autogen: migration Half1700000000000 failed in up: .*no_such_table.*; the failing statement: ALTER TABLE no_such_table ADD COLUMN y integer; '
      + 'this database cannot roll back schema changes: each commits the transaction it runs in, and what follows one runs without a transaction, so '
      + 'the 2 statements it ran before stay done: CREATE TABLE made \\(id integer\\); ALTER TABLE made ADD COLUMN x integer, writes too, unless none of them changed the schema \\(then its transaction rolled their writes back\\); the database may now be partly migrated: check it, undo or finish these by hand, then run again \\(not with `downgrade`, which reverts the last migration recorded as applied, not this one\\)\\n$'))
    expect(run.code).toBe(2)
    expect(await db.query("SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'made' ORDER BY ordinal_position"))
      .toEqual([{ name: 'id' }, { name: 'x' }])
    expect(await db.query('SELECT count(*) AS n FROM migrations')).toEqual([{ n: '0' }])
  })

  it('tells the statements a migration ran after its failing one, in its own error handling, from those it ran before', async () => {
    // A migration written as TypeORM users write one that converts tables with foreign keys (ever-traduora's):
    // its `finally` sets foreign_key_checks back after the failing ALTER.
    project.write('migrations/1700000000000-Half.ts', `
import type { MigrationInterface, QueryRunner } from 'typeorm'
export class Half1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('SET FOREIGN_KEY_CHECKS=0')
    try {
      await queryRunner.query('CREATE TABLE IF NOT EXISTS made (id integer)')
      await queryRunner.query('ALTER TABLE no_such_table ADD COLUMN y integer')
    } finally {
      await queryRunner.query('SET FOREIGN_KEY_CHECKS=1')
    }
  }
  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`)
    const run = await runCliInProcess(project.dir, ['upgrade'])
    expect(run.stderr).toMatch(new RegExp('; the failing statement: ALTER TABLE no_such_table ADD COLUMN y integer; this database cannot roll back schema changes: each commits the transaction it runs in, and what follows one runs without a transaction, so '
      + 'the 3 statements it ran stay done: 2 before the failing one: SET FOREIGN_KEY_CHECKS=0; CREATE TABLE IF NOT EXISTS made \\(id integer\\), and 1 after it, in its own error handling: SET FOREIGN_KEY_CHECKS=1, writes too, '))
    expect(run.code).toBe(2)
  })

  it('counts no statement that only read rows, as the checks generated migrations fail on first', async () => {
    // A generated migration's check (SELECT 1 FROM ... LIMIT 1) fails it before anything changes: a read is not
    // told as a statement that stays done, nor makes the database partly migrated.
    const checked = (statements: string) => `
import type { MigrationInterface, QueryRunner } from 'typeorm'
export class Checked1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    ${statements}
    const rows = await queryRunner.query('SELECT 1 AS found FROM DUAL LIMIT 1')
    if (rows.length > 0) throw new Error('rows of "busy" hold what the column no longer takes')
  }
  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`
    project.write('migrations/1700000000000-Half.ts', checked(''))
    const run = await runCliInProcess(project.dir, ['upgrade'])
    expect(run.stderr).toMatch(/failed in up: rows of "busy" hold what the column no longer takes; it had run no statement before, and its transaction was rolled back, so the database is as it was before it\n$/)
    expect(run.code).toBe(2)
    // Beside a statement that changed something, only that one is named.
    project.write('migrations/1700000000000-Half.ts', checked("await queryRunner.query('SHOW TABLES')\n    await queryRunner.query('INSERT INTO busy (id) VALUES (9)')"))
    const mixed = await runCliInProcess(project.dir, ['upgrade'])
    expect(mixed.stderr).toContain('so the 1 statement it ran before stays done: INSERT INTO busy (id) VALUES (9), writes too, unless it did not change the schema')
    expect(mixed.code).toBe(2)
    await db.query('DELETE FROM busy WHERE id = 9')
  })

  it('refuses --dry-run, which could not roll schema changes back', async () => {
    const run = await runCliInProcess(project.dir, ['upgrade', '--dry-run'])
    expect(run.stderr).toBe('typeorm-autogen: --dry-run needs a database whose transactions can hold schema changes, and this one cannot: review `--sql` instead\n')
    expect(run.code).toBe(2)
  })

  it('gives up after --lock-timeout when another session holds the table', async () => {
    project.write('migrations/1700000000000-Half.ts', migration('Half1700000000000', ['ALTER TABLE busy ADD COLUMN x integer']))
    holder = await createConnection({ ...mariadbServer, database: (db.options as { database: string }).database })
    await holder.query('BEGIN')
    await holder.query('SELECT * FROM busy')
    const started = performance.now()
    const run = await runCliInProcess(project.dir, ['upgrade', '--lock-timeout', '1'])
    expect(run.stderr).toMatch(/^typeorm-autogen: migration Half1700000000000 failed in up: Lock wait timeout exceeded; .*; the failing statement: ALTER TABLE busy ADD COLUMN x integer; .*it had run no statement before/)
    expect(run.code).toBe(2)
    expect(performance.now() - started).toBeLessThan(20_000)
    await holder.query('COMMIT')
  })

  it('gives up after --statement-timeout when a statement runs longer', async () => {
    project.write('migrations/1700000000000-Half.ts', migration('Half1700000000000', ['CREATE TABLE slow AS SELECT SLEEP(5) AS s']))
    const run = await runCliInProcess(project.dir, ['upgrade', '--statement-timeout', '0.3'])
    expect(run.stderr).toMatch(/^typeorm-autogen: migration Half1700000000000 failed in up: Query execution was interrupted \(max_statement_time exceeded\); the failing statement: CREATE TABLE slow AS SELECT SLEEP\(5\) AS s; /)
    expect(run.code).toBe(2)
  })

  it('runs once the table is free, within the timeouts', async () => {
    project.write('migrations/1700000000000-Half.ts', migration('Half1700000000000', ['ALTER TABLE busy ADD COLUMN x integer']))
    const run = await runCliInProcess(project.dir, ['upgrade', '--lock-timeout', '1', '--statement-timeout', '5'])
    expect(withoutRunTimes(run.stdout)).toMatch(/\nApplied Half1700000000000\n$/)
    expect(run.code).toBe(0)
  })
})
