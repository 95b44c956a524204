import { Column, Entity, PrimaryColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase } from '../support/test-database'

// A join table's primary key narrowed from (role_id, dept_id) to (role_id), as an entity declaring only the first
// column primary does: the ALTER failed on the repeated role ids ("Duplicate entry"), after the statements of the
// migration before it (here the column added to "note") had committed. The repeats are now found before the first
// statement, as those of a unique key the migration adds are.

@Entity('role_dept') class RoleDeptBoth {
  @PrimaryColumn({ type: 'int', name: 'role_id' }) roleId: number
  @PrimaryColumn({ type: 'int', name: 'dept_id' }) deptId: number
}
@Entity('role_dept') class RoleDeptRoleOnly {
  @PrimaryColumn({ type: 'int', name: 'role_id' }) roleId: number
  @Column({ type: 'int', name: 'dept_id' }) deptId: number
}
@Entity('role_dept') class RoleDeptRoleOnlyInt {
  @PrimaryColumn({ type: 'int', name: 'role_id' }) roleId: number
  @Column({ type: 'int', name: 'dept_id' }) deptId: number
}
@Entity('role_dept') class RoleDeptBothBig {
  @PrimaryColumn({ type: 'bigint', name: 'role_id' }) roleId: string
  @PrimaryColumn({ type: 'bigint', name: 'dept_id' }) deptId: string
}
@Entity('note') class NoteBefore { @PrimaryColumn('int') id: number }
@Entity('note') class NoteAfter { @PrimaryColumn('int') id: number; @Column({ type: 'int', nullable: true }) extra: number | null }

const schemaQuery = `SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_KEY k FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1, 2`

describe('MariaDB: a primary key over fewer columns, on rows that repeat them', () => {
  let db: TestDatabase
  afterEach(async () => db?.drop())

  async function withRows(initial: Function): Promise<void> {
    db = await createMariaDbDatabase('pkguard')
    await migrateTo(db, [initial, NoteBefore], 'Init')
    await db.query('INSERT INTO role_dept (role_id, dept_id) VALUES (1, 10), (2, 10), (2, 20)')
  }

  // RuoYi-Nest's schema has bigint ids its entities declare int: the narrowing keeps every value it takes (the
  // migration refuses the others before its first statement), so the repeats are found as well.
  it.each([
    ['same types', RoleDeptBoth, RoleDeptRoleOnly],
    ['ids narrowed from bigint to int', RoleDeptBothBig, RoleDeptRoleOnlyInt],
  ])('%s: stopped before the first statement, then applied once the repeats are gone', async (_name, initial, after) => {
    await withRows(initial)
    const entities = [after, NoteAfter]
    await generateMigration(projectFor(db, entities), 'RoleOnly', 1_800_000_000_000)
    const before = await db.query(schemaQuery)
    await expect(upgrade(projectFor(db, entities))).rejects.toThrow(
      /rows of "role_dept" repeat values of \("role_id"\), which the primary key takes once: remove the duplicates first .*nothing of the table was changed/)
    expect(await db.query(schemaQuery)).toEqual(before)

    await db.query('DELETE FROM role_dept WHERE dept_id = 20')
    expect(await upgrade(projectFor(db, entities))).toHaveLength(1)
    expect(await pendingChanges(db, entities)).toEqual([])
  })
})
