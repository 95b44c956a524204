import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from '../../src/decorators'
import { compareProject } from '../../src/pipeline/compare-project'
import { dropAndRestore, type EntityList, expectCleanCycle, migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// A trigger made by hand (or by a migration of the project's own) on a table that a later migration rebuilds:
// SQLite's DROP TABLE takes it along, so the rebuild creates it again, in up and in down, and the diff never
// reports it.

@Entity('account')
class Account {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) name: string
  @Column({ type: 'real', default: 0 }) balance: number
}

@Entity('account')
class AccountRebuilt {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) name: string
  @Column({ type: 'real', default: 10 }) balance: number
}

@Entity('account_log')
class AccountLog {
  @PrimaryGeneratedColumn() id: number
  @Column('text') msg: string
}

@Entity('account_log')
class AccountLogRebuilt {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text', default: '' }) msg: string
}

let db: TestDatabase
beforeAll(async () => {
  db = await createSqliteDatabase()
  await migrateTo(db, [Account, AccountLog], 'Init')
  await db.query(`CREATE TRIGGER account_named AFTER INSERT ON account BEGIN INSERT INTO account_log (msg) VALUES ('new ' || new.name); END`)
  await db.query(`INSERT INTO account (name) VALUES ('ada')`)
})
afterAll(async () => db?.drop())

const triggers = () => db.query<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)

it('keeps the trigger through a rebuild, up and down, and never reports it', async () => {
  expect(await pendingChanges(db, [Account, AccountLog])).toEqual([])
  const { source } = await expectCleanCycle(db, [Account, AccountLog], [AccountRebuilt, AccountLog], 'Rebuild', 'SELECT id, name, balance FROM account')
  expect(source).toContain('CREATE TRIGGER account_named AFTER INSERT ON account')
  expect(await triggers()).toEqual([{ name: 'account_named' }])
  await db.query(`INSERT INTO account (name) VALUES ('bo')`)
  expect(await db.query('SELECT msg FROM account_log ORDER BY id')).toEqual([{ msg: 'new ada' }, { msg: 'new bo' }])
})

/**
 * withAccountTriggers runs `check` on a database of its own, at Init with row 'ada' in account, whose insert the
 * trigger account_named logged, and the triggers `more` made after account_named.
 */
async function withAccountTriggers(more: readonly string[], check: (own: TestDatabase) => Promise<void>): Promise<void> {
  const own = await createSqliteDatabase()
  try {
    await migrateTo(own, [Account, AccountLog], 'Init')
    for (const trigger of [`CREATE TRIGGER account_named AFTER INSERT ON account BEGIN INSERT INTO account_log (msg) VALUES ('new ' || new.name); END`, ...more]) await own.query(trigger)
    await own.query(`INSERT INTO account (name) VALUES ('ada')`)
    await check(own)
  } finally {
    await own.drop()
  }
}

// Beekeeper Studio's favorite_query has triggers that write into query_audit: rebuilding query_audit, SQLite's
// RENAME of the new table into its place read those triggers while no query_audit existed, and failed.
it('rebuilds a table that a trigger of another table writes into, up and down, and the trigger still writes', async () => {
  await withAccountTriggers([], async (own) => {
    const { source } = await expectCleanCycle(own, [Account, AccountLog], [Account, AccountLogRebuilt], 'RebuildLog', 'SELECT id, msg FROM account_log')
    expect(source).toContain('ALTER TABLE "temporary_account_log" RENAME TO "account_log"')
    await own.query(`INSERT INTO account (name) VALUES ('cy')`)
    expect(await own.query('SELECT msg FROM account_log ORDER BY id')).toEqual([{ msg: 'new ada' }, { msg: 'new cy' }])
  })
})

@Entity('account')
class AccountRenamedRebuilt {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('name') @Column({ type: 'varchar', length: 40 }) title: string
  @Column({ type: 'real', default: 10 }) balance: number
}

// Beekeeper Studio's favorite_query triggers read NEW.title: renaming title in a migration that rebuilds the
// table created them again as written, naming a column the table no longer had, and every insert then failed.
it('renames a column its triggers read in a rebuild, and the triggers read it by its new name, up and down', async () => {
  await withAccountTriggers([
    `CREATE TRIGGER account_renamed AFTER UPDATE OF name ON account WHEN old.name IS NOT new.name BEGIN INSERT INTO account_log (msg) VALUES ('was ' || old.name); END`,
    // A trigger of another table that names the column (the rebuild leaves it as it is).
    `CREATE TRIGGER log_signed AFTER INSERT ON account_log WHEN new.msg = 'sign' BEGIN UPDATE account SET name = name || '!' WHERE id = 1; END`,
  ], async (own) => {
    await migrateTo(own, [AccountRenamedRebuilt, AccountLog], 'RenameName')
    await own.query(`INSERT INTO account (title) VALUES ('bo')`)
    await own.query(`UPDATE account SET title = 'ada2' WHERE title = 'ada'`)
    expect(await own.query('SELECT msg FROM account_log ORDER BY id')).toEqual([{ msg: 'new ada' }, { msg: 'new bo' }, { msg: 'was ada' }])
    await own.query(`INSERT INTO account_log (msg) VALUES ('sign')`)
    expect(await own.query('SELECT title FROM account WHERE id = 1')).toEqual([{ title: 'ada2!' }])
    await revertLast(own, [AccountRenamedRebuilt, AccountLog])
    await own.query(`INSERT INTO account (name) VALUES ('cy')`)
    expect(await own.query(`SELECT msg FROM account_log WHERE msg = 'new cy'`)).toEqual([{ msg: 'new cy' }])
    await own.query(`INSERT INTO account_log (msg) VALUES ('sign')`)
    expect(await own.query('SELECT name FROM account WHERE id = 1')).toEqual([{ name: 'ada2!!' }])
    expect(await pendingChanges(own, [Account, AccountLog])).toEqual([])
  })
})

@Entity('member')
@RenamedFrom('account')
class MemberRebuilt {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) name: string
  @Column({ type: 'real', default: 10 }) balance: number
}

// Beekeeper Studio's favorite_query renamed saved_query with a column made NOT NULL: the rebuild created its
// triggers again as written, ON favorite_query, a table no longer there, and the migration failed.
it('renames a table with triggers in a migration that rebuilds it, and the triggers follow it, up and down', async () => {
  const touches = `CREATE TRIGGER log_touches AFTER INSERT ON account_log WHEN new.msg = 'sign' BEGIN UPDATE account SET name = name || '!' WHERE id = 1; END`
  await withAccountTriggers([touches], async (own) => {
    await migrateTo(own, [MemberRebuilt, AccountLog], 'RenameAccount')
    await own.query(`INSERT INTO member (name) VALUES ('bo')`)
    await own.query(`INSERT INTO account_log (msg) VALUES ('sign')`)
    expect(await own.query('SELECT msg FROM account_log ORDER BY id')).toEqual([{ msg: 'new ada' }, { msg: 'new bo' }, { msg: 'sign' }])
    expect(await own.query('SELECT name FROM member WHERE id = 1')).toEqual([{ name: 'ada!' }])
    await revertLast(own, [MemberRebuilt, AccountLog])
    await own.query(`INSERT INTO account (name) VALUES ('cy')`)
    expect(await own.query(`SELECT msg FROM account_log WHERE msg = 'new cy'`)).toEqual([{ msg: 'new cy' }])
    expect(await pendingChanges(own, [Account, AccountLog])).toEqual([])
  })
})

// GameVault's gamevault_game with a trigger that updates its own rows (an updated_at trigger names its table in its
// body): renaming the table in a migration that rebuilds it made the trigger again as written and moved it with the
// legacy rename, which leaves the body naming the old table, and every update then failed (no such table).
it('renames a table whose trigger updates it, in a migration that rebuilds it, and the trigger updates it under its new name, up and down', async () => {
  const stamps = `CREATE TRIGGER account_stamps AFTER UPDATE OF name ON account BEGIN UPDATE account SET balance = balance + 1 WHERE id = new.id; END`
  await withAccountTriggers([stamps], async (own) => {
    await migrateTo(own, [MemberRebuilt, AccountLog], 'RenameAccount')
    await own.query(`UPDATE member SET name = 'ada2' WHERE id = 1`)
    expect(await own.query('SELECT balance FROM member WHERE id = 1')).toEqual([{ balance: 1 }])
    await revertLast(own, [MemberRebuilt, AccountLog])
    await own.query(`UPDATE account SET name = 'ada3' WHERE id = 1`)
    expect(await own.query('SELECT balance FROM account WHERE id = 1')).toEqual([{ balance: 2 }])
    expect(await pendingChanges(own, [Account, AccountLog])).toEqual([])
  })
})

// The same with a trigger of another table writing into it, which calls for the legacy rename.
it('renames a table whose trigger updates it and that a trigger of another table writes into, in a rebuild, and both triggers work, up and down', async () => {
  const stamps = `CREATE TRIGGER account_stamps AFTER UPDATE OF name ON account BEGIN UPDATE account SET balance = balance + 1 WHERE id = new.id; END`
  const touches = `CREATE TRIGGER log_touches AFTER INSERT ON account_log WHEN new.msg = 'sign' BEGIN UPDATE account SET name = name || '!' WHERE id = 1; END`
  await withAccountTriggers([stamps, touches], async (own) => {
    await migrateTo(own, [MemberRebuilt, AccountLog], 'RenameAccount')
    await own.query(`INSERT INTO account_log (msg) VALUES ('sign')`)
    expect(await own.query('SELECT name, balance FROM member WHERE id = 1')).toEqual([{ name: 'ada!', balance: 1 }])
    await revertLast(own, [MemberRebuilt, AccountLog])
    await own.query(`INSERT INTO account_log (msg) VALUES ('sign')`)
    expect(await own.query('SELECT name, balance FROM account WHERE id = 1')).toEqual([{ name: 'ada!!', balance: 2 }])
    expect(await pendingChanges(own, [Account, AccountLog])).toEqual([])
  })
})

@Entity('account')
class AccountWithoutName {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'real', default: 10 }) balance: number
}

// SQLite's DROP COLUMN refuses a column a trigger reads; a rebuild made the trigger again as it was, and every
// insert into the table then failed (no such column: new.name).
it('fails a rebuild that drops a column a trigger of the table reads, changing nothing, and says to change the trigger', async () => {
  await withAccountTriggers([], async (own) => {
    await expect(migrateTo(own, [AccountWithoutName, AccountLog], 'DropName')).rejects.toThrow(
      'trigger "account_named" of "account" reads column "name", which this migration drops: drop the trigger, or change it not to read the column, first')
    await own.query(`INSERT INTO account (name) VALUES ('bo')`)
    expect(await own.query('SELECT msg FROM account_log ORDER BY id')).toEqual([{ msg: 'new ada' }, { msg: 'new bo' }])
  })
})

const triggerHazards = async (own: TestDatabase, entities: EntityList) =>
  (await compareProject(projectFor(own, entities))).hazards.filter((h) => h.code === 'TRIGGER_READS_COLUMN').map((h) => h.message)

it('warns at generate of a column dropped that a trigger of its table reads, which the migration then refuses to drop', async () => {
  await withAccountTriggers([], async (own) => {
    expect(await triggerHazards(own, [AccountWithoutName, AccountLog])).toEqual([
      expect.stringMatching(/^Drops column "account"\."name", which trigger "account_named" on "account" reads: the database refuses to drop a column a trigger depends on/),
    ])
  })
})

@Entity('account_log')
class AccountLogWithoutMsg {
  @PrimaryGeneratedColumn() id: number
}

// SQLite drops a column that a trigger writes (INSERT INTO account_log (msg)) without a word: every insert into
// account then failed (table account_log has no column named msg), and generate had said nothing.
it('warns at generate of a column dropped that a trigger of another table writes, which breaks the trigger', async () => {
  await withAccountTriggers([], async (own) => {
    expect(await triggerHazards(own, [Account, AccountLogWithoutMsg])).toEqual([
      expect.stringMatching(/^Drops column "account_log"\."msg", which trigger "account_named" on "account" writes: every write the trigger fires on fails from then on/),
    ])
    await migrateTo(own, [Account, AccountLogWithoutMsg], 'DropMsg')
    await expect(own.query(`INSERT INTO account (name) VALUES ('bo')`)).rejects.toThrow(/no column named msg/)
  })
})

// GameVault's game_metadata with a trigger that fills a junction table: dropping the junction table, SQLite drops it
// without a word, every insert into game_metadata then failed (no such table), and generate had said nothing.
it('warns at generate of a table dropped that a trigger of a table kept writes into, which breaks the trigger', async () => {
  await withAccountTriggers([], async (own) => {
    expect(await triggerHazards(own, [Account])).toEqual([
      expect.stringMatching(/^Drops table "account_log", which trigger "account_named" on "account" writes: every write the trigger fires on fails from then on/),
    ])
  })
})

it('says nothing of a column renamed that triggers read or write, which SQLite renames in them', async () => {
  await withAccountTriggers([], async (own) => {
    expect(await triggerHazards(own, [AccountRenamedRebuilt, AccountLog])).toEqual([])
  })
})

it('gives a table that up drops its triggers back in down', async () => {
  const trigger = `CREATE TRIGGER log_named AFTER INSERT ON account_log BEGIN UPDATE account_log SET msg = upper(new.msg) WHERE id = new.id; END`
  const { source } = await dropAndRestore(createSqliteDatabase, [Account, AccountLog], [Account], [trigger], async (restored) => {
    await restored.query(`INSERT INTO account_log (msg) VALUES ('kept')`)
    expect(await restored.query('SELECT msg FROM account_log')).toEqual([{ msg: 'KEPT' }])
  })
  expect(source).toContain('DROP TABLE "account_log"')
})
