import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { upUnderLooseSqlMode } from '../support/loose-sql-mode'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Found on Nest-Blog (MariaDB): a login time made `datetime` `timestamp`, whose range is 1970-01-01 00:00:01 to
// 2038-01-19 03:14:07 UTC. TYPE_NARROWING counted every non-null value, and no check ran first: in strict mode the
// ALTER failed on a login of 2045 ("Incorrect datetime value") after the migration's statements before it had
// committed; outside strict mode it turned that value, and any before 1970, into the zero date, with a warning
// only. The values outside the range are now counted, and a check fails the migration before anything runs.

@Entity('login')
class LoginAsDatetime {
  @PrimaryColumn('int') id: number
  @Column({ type: 'datetime', nullable: true }) at: Date | null
  @Column({ type: 'varchar', length: 40 }) device: string
}

@Entity('login')
class LoginAsTimestamp {
  @PrimaryColumn('int') id: number
  @Column({ type: 'timestamp', nullable: true }) at: Date | null
  @Column({ type: 'varchar', length: 20 }) device: string
}

const rowsQuery = "SELECT id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at, device FROM login ORDER BY id"
const columnsQuery = "SELECT COLUMN_NAME c, COLUMN_TYPE t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'login' ORDER BY c"

describe('MariaDB: a datetime made a timestamp', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('timestamp_range')
    await migrateTo(db, [LoginAsDatetime], 'Init')
    await db.query("INSERT INTO login (id, at, device) VALUES (1, '2024-01-01 10:00:00', 'web'), (2, '2045-06-01 00:00:00', 'app'), (3, NULL, 'cli'), (4, '1960-05-01 00:00:00', 'old')")
  })
  afterEach(async () => db?.drop())

  it('counts the values outside the range of timestamp', async () => {
    const { hazards } = await compareProject(projectFor(db, [LoginAsTimestamp]))
    expect(hazards.filter((h) => h.code === 'TYPE_NARROWING' && h.message.includes('"login"."at"')).map((h) => h.message)).toEqual([
      expect.stringContaining('(2 values lie outside 1970-01-01 00:00:01..2038-01-19 03:14:07 UTC)'),
    ])
  })

  it('in strict mode, fails before its first statement while a value lies outside the range, then runs once none does', async () => {
    const columnsBefore = await db.query(columnsQuery)
    const rowsBefore = await db.query(rowsQuery)
    await generateMigration(projectFor(db, [LoginAsTimestamp]), 'Timestamps', 1_800_000_000_000)
    const failure = await upgrade(projectFor(db, [LoginAsTimestamp])).then(() => undefined, (error: Error) => error)
    expect(failure?.message).toContain('rows of "login"."at" hold moments outside 1970-01-01 00:00:01..2038-01-19 03:14:07 UTC, which timestamp cannot hold')
    expect(failure?.message).toContain('nothing of the table was changed')
    expect(await db.query(columnsQuery)).toEqual(columnsBefore)
    expect(await db.query(rowsQuery)).toEqual(rowsBefore)

    await db.query("UPDATE login SET at = '2037-12-31 00:00:00' WHERE id = 2")
    await db.query("UPDATE login SET at = '0000-00-00 00:00:00' WHERE id = 4")
    await upgrade(projectFor(db, [LoginAsTimestamp]))
    expect(await pendingChanges(db, [LoginAsTimestamp])).toEqual([])
    expect((await db.query(rowsQuery)).map((row) => row.at)).toEqual(['2024-01-01 10:00:00', '2037-12-31 00:00:00', null, '0000-00-00 00:00:00'])
  })

  it('outside strict mode, fails before its ALTER instead of writing the zero date', async () => {
    const rowsBefore = await db.query(rowsQuery)
    const { file } = await generateMigration(projectFor(db, [LoginAsTimestamp]), 'Timestamps', 1_800_000_000_000)
    await expect(upUnderLooseSqlMode(db, file!)).rejects.toThrow('rows of "login"."at" hold moments outside 1970-01-01 00:00:01..2038-01-19 03:14:07 UTC')
    expect(await db.query(rowsQuery)).toEqual(rowsBefore)
  })
})
