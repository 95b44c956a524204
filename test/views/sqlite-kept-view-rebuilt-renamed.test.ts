import { rmSync } from 'node:fs'
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createSqliteDatabase } from '../support/test-database'

// A view no entity declares, reading a table that the migration rebuilds (a column made NOT NULL) and a column of it
// that the migration renames: the view was made again before the rebuild, which carried the rename, so the database
// had no rename to follow into it, and the rebuild's `ALTER TABLE "temporary_account" RENAME TO "account"` failed
// ("error in view account_v: no such table: main.account": SQLite checks every view when a table is renamed).
// Found on Standard Notes' auth server (users.uuid renamed and users.version made NOT NULL, a view reading users).

@Entity('account')
class Account { @PrimaryGeneratedColumn() id: number; @Column('text') name: string; @Column('text', { nullable: true }) plan: string | null }

@Entity('account')
class AccountRenamed { @PrimaryGeneratedColumn() id: number; @Column('text') title: string; @Column('text', { nullable: true }) plan: string | null }

@Entity('account')
class AccountChanged { @PrimaryGeneratedColumn() id: number; @Column('text') title: string; @Column('text', { default: 'free' }) plan: string }

describe('sqlite: a kept view reading a rebuilt table and a column renamed in it', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [Account], 'Init')
    await db.query(`INSERT INTO account (name, plan) VALUES ('first', 'pro'), ('second', 'free')`)
    await db.query('CREATE VIEW account_v AS SELECT id, name, plan FROM account')
  })
  afterAll(async () => db?.drop())

  it('is refused with what to do, and done in two migrations as it says; down restores the view', async () => {
    const rows = 'SELECT * FROM account_v ORDER BY id'
    const rowsBefore = await db.query(rows)
    await expect(generateMigration(projectFor(db, [AccountChanged]), 'Change', 1_830_000_000_000, { renames: parseRenameFlags(['account.name=title']) }))
      .rejects.toThrow(/^view account_v keeps the database's definition, which reads account\.name, .*\(alter_column\): make the rename in a migration of its own first/)
    const rename = await generateMigration(projectFor(db, [AccountRenamed]), 'Rename', 1_830_000_001_000, { renames: parseRenameFlags(['account.name=title']) })
    await upgrade(projectFor(db, [AccountRenamed]))
    const change = await generateMigration(projectFor(db, [AccountChanged]), 'Change', 1_830_000_002_000)
    expect(await upgrade(projectFor(db, [AccountChanged]))).toEqual(['Change1830000002000'])
    expect(await pendingChanges(db, [AccountChanged])).toEqual([])
    expect(await db.query(rows)).toEqual([{ id: 1, title: 'first', plan: 'pro' }, { id: 2, title: 'second', plan: 'free' }])
    await revertLast(db, [AccountChanged])
    await revertLast(db, [AccountRenamed])
    expect(await pendingChanges(db, [Account])).toEqual([])
    expect(await db.query(rows)).toEqual(rowsBefore)
    rmSync(rename.file!)
    rmSync(change.file!)
  })
})
