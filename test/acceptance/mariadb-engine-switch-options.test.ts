import { Column, Entity, PrimaryColumn } from 'typeorm'
import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Aria writes PAGE_CHECKSUM=1 into a table's options, and they stayed when the table went back to InnoDB: the
// down of a switch to Aria left SHOW CREATE TABLE ending in PAGE_CHECKSUM=1 (found on nest-mall-cms's sys_log).

@Entity('audit_log', { engine: 'InnoDB' })
class InnoDbLog {
  @PrimaryColumn('int') id: number
  @Column({ length: 50 }) action: string
}

@Entity('audit_log', { engine: 'Aria' })
class AriaLog {
  @PrimaryColumn('int') id: number
  @Column({ length: 50 }) action: string
}

const rows = 'SELECT id, action FROM audit_log ORDER BY id'
const createTable = async (db: TestDatabase) => (await db.query<{ 'Create Table': string }>('SHOW CREATE TABLE audit_log'))[0]!['Create Table']

describe.each([
  ['InnoDB to Aria', [InnoDbLog], [AriaLog]],
  ['Aria to InnoDB', [AriaLog], [InnoDbLog]],
] as const)('mariadb: a table switched from %s and back', (_label, before, after) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('engineswitch')
    await migrateTo(db, [...before], 'Init')
    await db.query(`INSERT INTO audit_log (id, action) VALUES (1, 'login'), (2, 'logout')`)
  })
  afterAll(async () => db?.drop())

  it('has the table options it had, rows included', async () => {
    const definition = await createTable(db)
    const { rowsAfter } = await expectCleanCycle(db, [...before], [...after], 'SwitchEngine', rows)
    expect(rowsAfter).toEqual([{ id: 1, action: 'login' }, { id: 2, action: 'logout' }])
    expect(await createTable(db)).toBe(definition)
  })
})
