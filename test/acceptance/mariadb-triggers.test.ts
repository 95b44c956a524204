import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { mysqlMigrationScript } from '../../src/dialect/mysql/mysql-migration-script'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrationScriptText } from '../../src/render/migration-script-text'
import { plain } from '../../src/render/paint'
import { renderReport } from '../../src/render/report'
import { namedPlan } from '../../src/plan/migration-plan'
import { downgradeScript } from '../../src/runner/migration-script'
import { dropAndRestore, type EntityList, migrateTo, projectFor } from '../support/migration-cycle'
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

it('writes diff --format sql both ways as scripts the mariadb client runs whole', async () => {
  const db = await createMariaDbDatabase('dropped_triggers_diff')
  try {
    await migrateTo(db, [Account, Note], 'Init')
    for (const sql of byHand) await db.query(sql)
    const comparison = await compareProject(projectFor(db, [Account]))
    const script = (direction: 'up' | 'down') => renderReport(namedPlan(comparison, 'DropTables', 0), 'sql', direction, plain, { script: comparison.dialect.migrationScript })
    const [up, down] = [script('up'), script('down')]
    runScript(db, up)
    expect(await db.query(`SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'note'`)).toEqual([])
    runScript(db, down)
    expect(down).toContain('DELIMITER //')
    await fires(db)
  } finally {
    await db.drop()
  }
})

@Entity('note')
class NoteRenamed {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 200 }) text: string
  @Column({ type: 'int', default: 0 }) edits: number
}

@Entity('note')
class NoteWithoutEdits {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 200 }) body: string
}

@Entity('note')
class NoteRetyped {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) body: string
  @Column({ type: 'bigint', default: 0 }) edits: number
}

describe('a column a trigger names as NEW or OLD', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('trigger_reads')
    await migrateTo(db, [Account, Note], 'Init')
    for (const sql of byHand) await db.query(sql)
  })
  afterAll(async () => db?.drop())

  const triggerHazards = async (entities: EntityList, renames: string[] = []) =>
    (await compareProject(projectFor(db, entities), { renames: parseRenameFlags(renames) })).hazards.filter((h) => h.code === 'TRIGGER_READS_COLUMN').map((h) => h.message)

  it('renamed: the hazard names the triggers, which fail when they next fire', async () => {
    expect(await triggerHazards([Account, NoteRenamed], ['note.body=text'])).toEqual([
      expect.stringMatching(/^Renames column "note"\."body" to "text", but triggers "note_trim", "note_trim_more", "note_edits" on "note" name it by its old name as NEW or OLD: every write the trigger fires on fails from then on/),
    ])
  })

  it('dropped: the hazard names the trigger', async () => {
    expect(await triggerHazards([Account, NoteWithoutEdits])).toEqual([
      expect.stringMatching(/^Drops column "note"\."edits", which trigger "note_edits" on "note" reads as NEW or OLD/),
    ])
  })

  it('retyped: no hazard, and the trigger still fires after the migration', async () => {
    expect(await triggerHazards([Account, NoteRetyped])).toEqual([])
    await migrateTo(db, [Account, NoteRetyped], 'Retype')
    await fires(db)
  })
})
