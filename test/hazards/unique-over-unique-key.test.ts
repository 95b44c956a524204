import { Column, Entity, PrimaryColumn, Unique } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'

// Found on RuoYi-Nest (MariaDB): its join table's primary key widened from (role_id) to (role_id, dept_id) was
// warned ADD_UNIQUE, 'fails while values repeat', though rows unique on role_id cannot repeat (role_id, dept_id).
// A key over the columns of a key the table has, and more, needs no warning; one over fewer still gets it.

@Entity('role_dept') class RoleDeptByRole {
  @PrimaryColumn({ type: 'int', name: 'role_id' }) roleId: number
  @Column({ type: 'int', name: 'dept_id' }) deptId: number
  @Column({ type: 'varchar', length: 20 }) code: string
}
@Entity('role_dept') class RoleDeptByBoth {
  @PrimaryColumn({ type: 'int', name: 'role_id' }) roleId: number
  @PrimaryColumn({ type: 'int', name: 'dept_id' }) deptId: number
  @Column({ type: 'varchar', length: 20 }) code: string
}
@Entity('role_dept') @Unique('UQ_role_dept_code_dept', ['code', 'deptId']) class RoleDeptCodeUnique {
  @PrimaryColumn({ type: 'int', name: 'role_id' }) roleId: number
  @Column({ type: 'int', name: 'dept_id' }) deptId: number
  @Column({ type: 'varchar', length: 20 }) code: string
}

describe.each(allDialects('uniqover'))('%s: a key over more columns than a key the table has', (_name, create) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await create()
    await migrateTo(db, [RoleDeptByRole], 'Init')
    await db.query(`INSERT INTO role_dept (role_id, dept_id, code) VALUES (1, 10, 'a'), (2, 10, 'a')`)
  })
  afterEach(async () => db?.drop())

  it('a primary key widened over the old one is no ADD_UNIQUE', async () => {
    const { hazards } = await compareProject(projectFor(db, [RoleDeptByBoth]))
    expect(hazards.filter((h) => h.code === 'ADD_UNIQUE')).toEqual([])
  })

  it('a unique over columns no key covers is still ADD_UNIQUE, with its repeats', async () => {
    const { hazards } = await compareProject(projectFor(db, [RoleDeptCodeUnique]))
    const unique = hazards.filter((h) => h.code === 'ADD_UNIQUE')
    expect(unique).toHaveLength(1)
    expect(unique[0]!.message).toMatch(/1 duplicate value/)
  })
})
