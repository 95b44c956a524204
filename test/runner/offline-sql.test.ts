import { databaseState } from '../support/database-state'
import { afterDatabaseLine } from '../support/run-cli'
import { runScript } from '../support/run-script'
import { allDialects, type TestDatabase } from '../support/test-database'
import { names, runnerFixture } from './runner-project'

// upgrade --sql and downgrade --sql on real databases: the script, run by hand on an empty database (psql -f,
// the mariadb client, or better-sqlite3's exec), leaves the same schema and migrations table as upgrade and downgrade do, and
// printing it changes nothing.

const [init] = names

describe.each(allDialects('offline'))('on %s', (label, createDatabase) => {
  const fixture = runnerFixture(createDatabase)
  const others: TestDatabase[] = []
  afterAll(async () => {
    for (const db of others) await db.drop()
  })

  /** another makes an empty database and a config file `name` of the fixture's project pointing at it. */
  const another = async (name: string, options: Record<string, unknown> = {}) => {
    const db = await createDatabase()
    others.push(db)
    fixture.runner.project.write(name, [
      "import { DataSource } from 'typeorm'",
      "import { Note } from './note'",
      `export default new DataSource({ ...${JSON.stringify({ ...db.options, ...options })}, entities: [Note], migrations: ['migrations/*.ts'] })`,
      ].join('\n'))
    return db
  }
  const cli = (...args: string[]) => fixture.runner.cli(...args)

  it('prints an upgrade script that, run by hand on an empty database, does what upgrade does', async () => {
    const byHand = await another('by-hand.ts')
    const byRunner = await another('by-runner.ts')
    const script = await cli('upgrade', '--sql', '-c', 'by-hand.ts')
    expect(script.stderr).toMatch(/^Database: /)
    expect(script.code).toBe(0)
    // How to run it so that it stops at its first failing statement, for this database's client.
    expect(script.stdout.split('\n')[2]).toMatch({ sqlite: /^-- with `sqlite3 -bail /, postgres: /^-- with `psql -v ON_ERROR_STOP=1 /, mariadb: /^-- with the `mariadb` or `mysql` client without `--force`/ }[label]!)
    // TypeORM's MySQL runner names its migrations table with the connected database: run elsewhere, the records would go there.
    const database = (byHand.options as { database?: string }).database
    expect(script.stdout.split('\n')[3]).toEqual(label === 'mariadb'
      ? `-- It records the migrations in \`${database}\`.\`migrations\`, as TypeORM's runner names the table with the database it connected to: run it in database ${database}, or replace that name throughout first.`
      : expect.not.stringMatching(/^-- /))
    expect(await databaseState(byHand)).toEqual(await databaseState(await createDatabase().then((db) => (others.push(db), db))))
    runScript(byHand, script.stdout)
    expect((await cli('upgrade', '-c', 'by-runner.ts')).code).toBe(0)
    expect(await databaseState(byHand)).toEqual(await databaseState(byRunner))
    expect((await databaseState(byRunner)).migrations).toEqual(names.map((name) => ({ name, timestamp: Number(name.slice(-13)) })))

    const down = await cli('downgrade', '--sql', '--to', init, '-c', 'by-hand.ts')
    expect(down.code).toBe(0)
    runScript(byHand, down.stdout)
    expect((await cli('downgrade', '--to', init, '-c', 'by-runner.ts')).code).toBe(0)
    expect(await databaseState(byHand)).toEqual(await databaseState(byRunner))
    expect((await databaseState(byRunner)).migrations).toEqual([{ name: init, timestamp: 1700000000000 }])
  })

  it('writes Alembic\'s offline range FROM:TO for a database at FROM, whatever the connected one records', async () => {
    const target = await another('range.ts') // empty: without the range, each script would start from nothing applied
    const [, addViews, , backfill] = names
    const script = async (...args: string[]) => {
      const run = await cli(...args, '--sql', '-c', 'range.ts')
      expect({ args, code: run.code }).toEqual({ args, code: 0 })
      return run.stdout
    }
    const [first, rest, back] = [await script('upgrade', 'base:AddViews'), await script('upgrade', 'AddViews:head'), await script('downgrade', 'head:Init')]
    expect(rest.split('\n')[1]).toBe(`-- Written for a database at ${addViews}, whatever the migrations table of the one connected to records; run it once, on such a database,`)
    expect(back.split('\n')[1]).toBe(`-- Written for a database at ${backfill}, whatever the migrations table of the one connected to records; run it once, on such a database,`)
    const recorded = async () => (await databaseState(target)).migrations.map((m) => m.name)
    runScript(target, first)
    expect(await recorded()).toEqual([init, addViews])
    runScript(target, rest)
    expect(await recorded()).toEqual([...names])
    runScript(target, back)
    expect(await databaseState(target)).toEqual(await databaseState(others[1]!)) // by-runner.ts's, downgraded to Init above
    const run = await cli('upgrade', 'Init:head', '-c', 'range.ts')
    expect(run.stderr).toBe(`typeorm-autogen: upgrade Init:head is Alembic's offline range, which only --sql takes (the script of a database at Init): a run starts where the database's migrations table says it is; give upgrade head, or add --sql\n`)
    expect(run.code).toBe(2)
  })

  it('notes each query whose result a hand-written migration reads, and follows the transaction mode', async () => {
    fixture.runner.project.write('migrations/1700000004000-Count.ts', countMigration)
    const run = await cli('upgrade', '--sql', '-c', 'by-runner.ts')
    expect(run.code).toBe(0)
    const note = '-- offline: Count1700000004000 reads the result of the query above, which this script cannot know: what it sends next may differ on the real database'
    const framed = partOf(run.stdout, 'Count1700000004000')
    // Run without a transaction, it is framed as one in a transaction is: on SQLite, foreign keys off, then on.
    if (label === 'sqlite') expect([framed[1], framed.at(-3)]).toEqual(['PRAGMA foreign_keys = OFF;', 'PRAGMA foreign_keys = ON;'])
    const count = framed.filter((line) => !line.startsWith('PRAGMA foreign_keys'))
    expect(count[0]).toBe('-- Count1700000004000: up')
    expect(count[1]).toBe('SELECT count(*) AS n FROM note;')
    expect(count[2]).toBe(note)
    expect(count).toContain("UPDATE note SET views = 1 WHERE views = 0;")
    // hasColumn asks the catalog: its query is shown, and marked as read.
    expect(count.filter((line) => line === note)).toHaveLength(2)
    // TypeORM's MySQL runner names the migrations table with its database (by-runner.ts's, the second made).
    const migrationsTable = label === 'mariadb' ? `\`${(others[1]!.options as { database: string }).database}\`.\`migrations\`(\`timestamp\`, \`name\`)` : '"migrations"("timestamp", "name")'
    expect(count.slice(-3)).toEqual(['UPDATE note SET views = 2;', `INSERT INTO ${migrationsTable} VALUES (1700000004000, 'Count1700000004000');`, '-- end of Count1700000004000'])
    expect(run.stderr).toContain('note: Count1700000004000 reads the database while recorded, so the script may differ from a real run there (see the -- offline: comments)\n')
    // each: a transaction per migration, except the one whose `transaction = false` keeps it out.
    expect(begins(run.stdout)).toBe(3)
    expect(count.filter(isBegin)).toHaveLength(0)

    await another('none.ts', { migrationsTransactionMode: 'none' })
    const none = await cli('upgrade', '--sql', '-c', 'none.ts')
    expect(none.code).toBe(0)
    expect(begins(none.stdout)).toBe(0)

    await another('all.ts', { migrationsTransactionMode: 'all' })
    const refused = await cli('upgrade', '--sql', '-c', 'all.ts')
    expect(afterDatabaseLine(refused.stderr)).toBe('typeorm-autogen: Migrations "Count1700000004000" override the transaction mode, but the global transaction mode is "all", so TypeORM\'s runner refuses them: remove their `transaction` property, or set the DataSource\'s migrationsTransactionMode to "each"\n')
    expect(refused.code).toBe(2)
    // upgrade itself refuses them in the same words, one line, before anything runs.
    const refusedRun = await cli('upgrade', '-c', 'all.ts')
    expect(refusedRun.code).toBe(2)
    expect(afterDatabaseLine(refusedRun.stderr)).toBe(afterDatabaseLine(refused.stderr))
    const all = await cli('upgrade', '--sql', '--to', 'Backfill', '-c', 'all.ts')
    expect(all.code).toBe(0)
    expect(begins(all.stdout)).toBe(1)
    const lines = all.stdout.trimEnd().split('\n')
    expect(lines.findIndex(isBegin)).toBeLessThan(lines.indexOf(`-- ${init}: up`))
    expect(lines.at(-1)).toMatch(/^(COMMIT|PRAGMA foreign_keys = ON);$/)
  })

  // A client whose connection charset is not UTF-8 (the mariadb client under LANG=C reads latin1, psql under a
  // Latin-1 locale) would store the script's UTF-8 text as other characters: the script sets it first. (SQLite's
  // has no connection charset: there the text must arrive as it is all the same.)
  it('writes text that is not ASCII as the migration sends it, whatever the charset of the client that runs it', async () => {
    fixture.runner.project.write('migrations/1700000006000-Greeting.ts', greetingMigration)
    const db = await another('greeting.ts')
    const run = await cli('upgrade', '--sql', '-c', 'greeting.ts')
    expect(run.code).toBe(0)
    runScript(db, run.stdout, { latin1Client: true })
    expect(await db.query('SELECT text FROM greeting')).toEqual([{ text: 'Grüße, ユーザー' }])
  })

  it('writes a check that fails the migration on any row as one that fails the script there, with the migration\'s message', async () => {
    fixture.runner.project.write('migrations/1700000005000-Guard.ts', guardMigration)
    const db = await another('guarded.ts')
    expect((await cli('upgrade', '--to', 'Count1700000004000', '-c', 'guarded.ts')).code).toBe(0)
    await db.query('INSERT INTO note (views) VALUES (-1)')
    const run = await cli('upgrade', '--sql', '-c', 'guarded.ts')
    expect(run.code).toBe(0)
    const message = 'Guard1700000005000 fails here: rows of note have negative views: fix them first'
    const part = partOf(run.stdout, 'Guard1700000005000')
    expect(part).toContain(`-- offline: a check: the statements below fail when the query in them returns a row, and stop the script there, as the migration stops: ${message}`)
    expect(part).not.toContain('SELECT 1 FROM note WHERE views < 0;')
    // Written as a check, the query's result is no longer unknown to the script: no note says it may differ there.
    expect(run.stderr).not.toMatch(/read(s)? the database while recorded/)

    // Run by hand, the script stops at the check, with the message, and changes nothing.
    expect(() => runScript(db, run.stdout)).toThrow(label === 'mariadb' ? /Duplicate entry 'Guard1700000005000 fails here: rows of note/ : new RegExp(message))
    expect(await db.query('SELECT views FROM note')).toEqual([{ views: -1 }])
    expect((await databaseState(db)).migrations.map((m) => m.name)).not.toContain('Guard1700000005000')

    // Without such rows it runs through.
    await db.query('UPDATE note SET views = 3')
    runScript(db, run.stdout)
    expect(await db.query('SELECT views FROM note')).toEqual([{ views: 0 }])
    expect((await databaseState(db)).migrations.map((m) => m.name)).toContain('Guard1700000005000')
  })

  // TypeORM's helpers ask the session for its schema and database (getTable on PostgreSQL and MySQL, createView
  // on PostgreSQL and MySQL, a generated column's createTable on PostgreSQL) and fail on an empty answer: the
  // recording answers those questions as the connected database does, which the script's database answers alike.
  it('records a migration whose TypeORM helpers ask the session for its schema or database', async () => {
    fixture.runner.project.write('migrations/1700000007000-NoteView.ts', noteViewMigration)
    const byHand = await another('view-by-hand.ts')
    const run = await cli('upgrade', '--sql', '-c', 'view-by-hand.ts')
    expect(afterDatabaseLine(run.stderr)).not.toMatch(/failed/)
    expect(run.code).toBe(0)
    const part = partOf(run.stdout, 'NoteView1700000007000')
    expect(part.filter((line) => /current_(schema|database)\(\)|DATABASE\(\)|SCHEMA\(\)/.test(line))).toEqual([])
    // getTable's catalog queries are recorded, their results read.
    expect(part).toContain('-- offline: NoteView1700000007000 reads the result of the query above, which this script cannot know: what it sends next may differ on the real database')
    // Run by hand, it makes the view and records the migration (the view's own text aside: MariaDB keeps the collation of the client that made it).
    runScript(byHand, run.stdout)
    expect(await byHand.query('SELECT views FROM note_view')).toEqual([])
    expect((await databaseState(byHand)).migrations.map((m) => m.name)).toContain('NoteView1700000007000')
  })
})

const noteViewMigration = `
import { MigrationInterface, QueryRunner, View } from 'typeorm'
export class NoteView1700000007000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.getTable('note')
    await queryRunner.createView(new View({ name: 'note_view', expression: 'SELECT views FROM note' }))
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropView('note_view')
  }
}
`

const guardMigration = `
import { MigrationInterface, QueryRunner } from 'typeorm'
export class Guard1700000005000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = await queryRunner.query('SELECT 1 FROM note WHERE views < 0')
    if (rows.length > 0) throw new Error('rows of note have negative views: fix them first')
    await queryRunner.query('UPDATE note SET views = 0')
  }
  async down(): Promise<void> {}
}
`

const greetingMigration = `
import { MigrationInterface, QueryRunner } from 'typeorm'
export class Greeting1700000006000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE greeting (text varchar(40) NOT NULL)')
    await queryRunner.query("INSERT INTO greeting (text) VALUES ('Grüße, ユーザー')")
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE greeting')
  }
}
`

const countMigration = `
import { MigrationInterface, QueryRunner } from 'typeorm'
export class Count1700000004000 implements MigrationInterface {
  transaction = false
  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = await queryRunner.query('SELECT count(*) AS n FROM note')
    if (Number(rows[0]?.n ?? 0) > 0) await queryRunner.query('UPDATE note SET views = views + 1')
    await queryRunner.query('UPDATE note SET views = 1 WHERE views = 0')
    if (!(await queryRunner.hasColumn('note', 'missing'))) await queryRunner.query('UPDATE note SET views = 2')
  }
  async down(): Promise<void> {}
}
`

const isBegin = (line: string) => /^(START|BEGIN) TRANSACTION;$/.test(line)
const begins = (script: string) => script.split('\n').filter(isBegin).length

/** partOf is the lines of a script from the comment that begins `migration`'s part to the one that ends it. */
function partOf(script: string, migration: string): string[] {
  const lines = script.split('\n')
  const from = lines.findIndex((line) => line.startsWith(`-- ${migration}: `))
  return lines.slice(from, lines.indexOf(`-- end of ${migration}`) + 1)
}
