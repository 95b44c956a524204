import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { RenamedFrom } from '../../src/source/renamed-from'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// MariaDB commits each DDL statement on its own. A migration renaming a table and a column, and making another
// column NOT NULL, checked for NULLs only after the renames: the check failed with the renames done, the migration
// unrecorded and its message saying that nothing of the table was changed. The check now runs first.

@Entity('task')
class TaskBefore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 50, nullable: true }) cron: string | null
  @Column({ type: 'int', nullable: true }) limit: number | null
}

@RenamedFrom('task')
@Entity('job')
class JobAfter {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('cron') @Column({ type: 'varchar', length: 50, nullable: true }) schedule: string | null
  @Column({ type: 'int' }) limit: number
}

const columnsQuery = "SELECT TABLE_NAME t, COLUMN_NAME c, IS_NULLABLE n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' ORDER BY t, c"

describe('MariaDB: a migration whose check fails after a rename of the table', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('guards_first')
    await migrateTo(db, [TaskBefore], 'Init')
    await db.query("INSERT INTO task (cron, `limit`) VALUES ('* * *', NULL), ('0 0 *', 3)")
  })
  afterAll(async () => db?.drop())

  it('fails before its first statement, and runs once the rows are filled', async () => {
    const schemaBefore = await db.query(columnsQuery)
    const rowsBefore = await db.query('SELECT * FROM task ORDER BY id')
    await generateMigration(projectFor(db, [JobAfter]), 'Renamed', 1_800_000_000_000)
    const failure = await upgrade(projectFor(db, [JobAfter])).then(() => undefined, (error: Error) => error)
    expect(await db.query(columnsQuery)).toEqual(schemaBefore)
    expect(failure?.message).toContain('rows of "task"."limit" hold NULL, which the column no longer takes')
    expect(await db.query('SELECT * FROM task ORDER BY id')).toEqual(rowsBefore)
    expect(await pendingChanges(db, [TaskBefore])).toEqual([])

    await db.query('UPDATE task SET `limit` = 0 WHERE `limit` IS NULL')
    expect(await upgrade(projectFor(db, [JobAfter]))).toEqual(['Renamed1800000000000'])
    expect(await pendingChanges(db, [JobAfter])).toEqual([])
    expect(await db.query('SELECT id, schedule, `limit` FROM job ORDER BY id')).toEqual([
      { id: 1, schedule: '* * *', limit: 0 },
      { id: 2, schedule: '0 0 *', limit: 3 },
    ])
  })
})

// Zeppelin's case: two columns made NOT NULL, both holding NULLs. The migration named the first only, so the user
// filled it, ran again, and met the second: its checks before the first statement now all run, and it names both.
@Entity('task')
class TaskBothRequired {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 50 }) cron: string
  @Column({ type: 'int' }) limit: number
}

describe('MariaDB: a migration whose checks fail for two columns', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('guards_all')
    await migrateTo(db, [TaskBefore], 'Init')
    await db.query("INSERT INTO task (cron, `limit`) VALUES (NULL, NULL), ('0 0 *', 3)")
  })
  afterAll(async () => db?.drop())

  it('names every column holding NULLs in one run, changing nothing', async () => {
    const schemaBefore = await db.query(columnsQuery)
    await generateMigration(projectFor(db, [TaskBothRequired]), 'Required', 1_800_000_000_000)
    const failure = await upgrade(projectFor(db, [TaskBothRequired])).then(() => undefined, (error: Error) => error)
    expect(failure?.message).toMatch(/rows of "task"\."cron" hold NULL, .*; rows of "task"\."limit" hold NULL, /)
    expect(await db.query(columnsQuery)).toEqual(schemaBefore)
    await db.query("UPDATE task SET cron = '', `limit` = 0 WHERE cron IS NULL")
    expect(await upgrade(projectFor(db, [TaskBothRequired]))).toEqual(['Required1800000000000'])
  })
})
