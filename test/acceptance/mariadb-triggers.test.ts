import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { mysqlMigrationScript } from '../../src/dialect/mysql/mysql-migration-script'
import { migrationScriptText } from '../../src/render/migration-script-text'
import { downgradeScript } from '../../src/runner/migration-script'
import { dropAndRestore, migrateTo, projectFor } from '../support/migration-cycle'
import { runScript } from '../support/run-script'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// MySQL and MariaDB drop a table's triggers with it. A trigger made by hand (or by a migration of the project's
// own) on a table that up drops comes back in down, under the sql_mode it was made under; `downgrade --sql`
// writes a trigger whose body holds `;` under another delimiter, so that the client runs it whole.

@Entity('account')
class Account {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) name: string
}

@Entity('note')
class Note {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 200 }) body: string
  @Column({ type: 'int', default: 0 }) edits: number
}

// The test database's sessions add ANSI_QUOTES to the sql_mode: `"body"` is a name to these triggers.
const byHand = [
  `CREATE TRIGGER note_trim BEFORE INSERT ON note FOR EACH ROW SET NEW."body" = TRIM(NEW."body")`,
  `CREATE TRIGGER note_edits BEFORE UPDATE ON note FOR EACH ROW BEGIN
    IF NEW.body <> OLD.body THEN SET NEW.edits = OLD.edits + 1; END IF;
    SET NEW.body = REPLACE(NEW.body, ';', ',');
  END`,
  `CREATE TRIGGER note_trim_more BEFORE INSERT ON note FOR EACH ROW FOLLOWS note_trim SET NEW.body = CONCAT(NEW.body, '.')`,
]

const fires = async (db: TestDatabase) => {
  await db.query(`INSERT INTO note (body) VALUES ('  kept  ')`)
  await db.query(`UPDATE note SET body = 'a;b'`)
  expect(await db.query(`SELECT CONCAT(body, ' ', edits) AS note FROM note`)).toEqual([{ note: 'a,b 1' }])
  expect(await db.query(`SELECT CONCAT(EVENT_MANIPULATION, ' ', ACTION_ORDER, ' ', TRIGGER_NAME) AS fired FROM information_schema.TRIGGERS
    WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY EVENT_MANIPULATION, ACTION_ORDER`)).toEqual([
    { fired: 'INSERT 1 note_trim' }, { fired: 'INSERT 2 note_trim_more' }, { fired: 'UPDATE 1 note_edits' },
  ])
}

it('gives a table that up drops its triggers back in down, in their order and sql_mode', async () => {
  const { source } = await dropAndRestore(() => createMariaDbDatabase('dropped_triggers'), [Account, Note], [Account], byHand, fires)
  expect(source).toContain('DROP TABLE IF EXISTS \\`note\\`')
  expect(source).toContain('SET NEW."body" = TRIM(NEW."body")')
})

it('writes the down of such a table as a script the mariadb client runs whole', async () => {
  const db = await createMariaDbDatabase('dropped_triggers_sql')
  try {
    await migrateTo(db, [Account, Note], 'Init')
    for (const sql of byHand) await db.query(sql)
    await migrateTo(db, [Account], 'DropTables')
    const script = migrationScriptText(await downgradeScript(projectFor(db, [Account]), {}), mysqlMigrationScript)
    runScript(db, script)
    expect(script).toContain('DELIMITER //')
    await fires(db)
  } finally {
    await db.drop()
  }
})
