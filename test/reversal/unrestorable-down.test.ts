import { readFileSync } from 'node:fs'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, allDialects } from '../support/test-database'
import { Account, AccountWithCode, Player, PlayerInTeam, Team } from './unrestorable-entities'

// A `down` that cannot restore a dropped unique NOT NULL column stops at its start with one line, changing
// nothing; on an empty table it restores the schema exactly. The `up` file says so (IRREVERSIBLE).

describe.each(allDialects('undo'))('%s: dropping a unique NOT NULL column', (_label, createDatabase) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [AccountWithCode], 'Init')
    await db.query(`INSERT INTO account (name, code) VALUES ('a', 'A-1'), ('b', 'B-2')`)
  })
  afterAll(async () => db?.drop())

  it('refuses down before any change while rows exist, and restores the exact schema once the table is empty', async () => {
    const result = await generateMigration(projectFor(db, [Account]), 'DropCode', 1_900_000_000_000)
    const source = readFileSync(result.file!, 'utf8')
    const irreversible = result.comparison.hazards.find((h) => h.code === 'IRREVERSIBLE')
    expect(irreversible?.severity).toBe('warning')
    expect(irreversible?.message).toContain('down cannot undo this: column "')
    expect(irreversible?.message).toContain('(2 rows)')
    expect(source).toContain('// hazard IRREVERSIBLE (warning): down cannot undo this')
    const down = source.slice(source.indexOf('public async down'))
    // The check comes first, alone or in the block of checks that run together (and fail together).
    expect(down).toMatch(/^public async down\(queryRunner: QueryRunner\): Promise<void> \{\n\s+\{\n(\s+const failed = \[\];\n\s+\{\n)?\s+const rows = await queryRunner\.query\(`SELECT 1 FROM ("(public"\.")?account"|\\`account\\`) LIMIT 1`\);/)

    expect(await upgrade(projectFor(db, [Account]))).toEqual(['DropCode1900000000000'])
    expect(await pendingChanges(db, [Account])).toEqual([])
    const rows = await db.query('SELECT id, name FROM account ORDER BY id')

    const refusal = await revertLast(db, [Account]).then(() => undefined, (err: Error) => err)
    expect(refusal?.message).toMatch(/down cannot run: column "(public\.)?account"\."code" cannot come back: it is NOT NULL with no default/)
    expect(await pendingChanges(db, [Account])).toEqual([])
    expect(await db.query('SELECT id, name FROM account ORDER BY id')).toEqual(rows)

    await db.query('DELETE FROM account')
    await revertLast(db, [Account])
    expect(await pendingChanges(db, [AccountWithCode])).toEqual([])
  })
})

describe.each(allDialects('undoref'))('%s: dropping a table whose rows a kept table references', (_label, createDatabase) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [Team, PlayerInTeam], 'Init')
    await db.query(`INSERT INTO team (name) VALUES ('red')`)
    await db.query(`INSERT INTO player ("teamId") VALUES (1), (NULL)`)
  })
  afterAll(async () => db?.drop())

  it('refuses down before any change while a row holds a reference, and restores the schema once none does', async () => {
    const result = await generateMigration(projectFor(db, [Player]), 'DropTeam', 1_900_000_000_000)
    const irreversible = result.comparison.hazards.find((h) => h.code === 'IRREVERSIBLE')
    expect(irreversible?.message).toMatch(/down cannot undo this: table "(public\.)?team" comes back empty, and rows of "(public\.)?player" still hold values of "teamId" that referenced it/)
    // Only the row holding a value stops down, as down's own check counts: not every row of the table (2).
    expect(irreversible?.message).toContain('such rows (1 non-null value)')
    expect(await upgrade(projectFor(db, [Player]))).toEqual(['DropTeam1900000000000'])
    const rows = await db.query('SELECT id, "teamId" FROM player ORDER BY id')

    const refusal = await revertLast(db, [Player]).then(() => undefined, (err: Error) => err)
    expect(refusal?.message).toMatch(/down cannot run: table "(public\.)?team" comes back empty/)
    expect(await pendingChanges(db, [Player])).toEqual([])
    expect(await db.query('SELECT id, "teamId" FROM player ORDER BY id')).toEqual(rows)

    await db.query('UPDATE player SET "teamId" = NULL')
    await revertLast(db, [Player])
    expect(await pendingChanges(db, [Team, PlayerInTeam])).toEqual([])
  })
})
