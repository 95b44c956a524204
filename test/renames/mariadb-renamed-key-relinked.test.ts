import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm'
import { RenamedFrom } from '../../src/decorators'
import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase } from '../support/test-database'

// A foreign key renamed (its column renamed) whose referenced column changes type: up drops it for the type change
// and adds it again; down added it back and dropped it under its new name in one ALTER, which MariaDB reads as a
// drop of a key the table did not have yet ("Can't DROP FOREIGN KEY", a note): the table kept both keys after down.

@Entity('parent') class ParentBefore { @PrimaryColumn('int') id: number; @Column({ type: 'varchar', length: 20 }) name: string }
@Entity('child') class ChildBefore {
  @PrimaryColumn('int') id: number
  @ManyToOne(() => ParentBefore, { nullable: true }) @JoinColumn({ name: 'parentId' }) parent: ParentBefore | null
}

@Entity('parent') class ParentAfter { @PrimaryColumn('bigint') id: string; @Column({ type: 'varchar', length: 20 }) name: string }
@Entity('child') class ChildAfter {
  @PrimaryColumn('int') id: number
  @RenamedFrom('parentId') @ManyToOne(() => ParentAfter, { nullable: true }) @JoinColumn({ name: 'owner_id' }) parent: ParentAfter | null
}

const keysQuery = `SELECT CONSTRAINT_NAME k FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1`

describe('MariaDB: a foreign key renamed while the column it references changes type', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('renamedrelinked')
    await migrateTo(db, [ParentBefore, ChildBefore], 'Init')
    await db.query(`INSERT INTO parent (id, name) VALUES (1, 'one'), (2, 'two')`)
    await db.query(`INSERT INTO child (id, "parentId") VALUES (10, 1), (11, 2), (12, NULL)`)
  })
  afterAll(async () => db?.drop())

  it('keeps one key through up and down, and the rows', async () => {
    const keysBefore = await db.query(keysQuery)
    expect(keysBefore).toHaveLength(1)
    const { rowsAfter } = await expectCleanCycle(db, [ParentBefore, ChildBefore], [ParentAfter, ChildAfter], 'Rekey', 'SELECT * FROM child ORDER BY id')
    expect(rowsAfter).toEqual([{ id: 10, owner_id: '1' }, { id: 11, owner_id: '2' }, { id: 12, owner_id: null }])
    expect(await db.query(keysQuery)).toEqual(keysBefore)
  })
})
