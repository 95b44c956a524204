import { Column, Entity, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { expectCleanCycle, migrateTo } from '../../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'

// A key column the migration adds took its table's default collation, where the id it references had its own
// (ever-traduora's tables converted to utf8mb4_bin by a migration of its own): InnoDB refused the foreign key (errno 150),
// after the new table was made. It takes the referenced column's charset and collation now.

function entities(withLabel: boolean) {
  @Entity('project')
  class Project {
    @PrimaryColumn({ type: 'varchar', length: 36 }) id: string
    @Column({ type: 'varchar', length: 40 }) name: string
  }
  @Entity('label')
  class Label {
    @PrimaryGeneratedColumn() id: number
    @ManyToOne(() => Project, { onDelete: 'CASCADE' }) project: Project
  }
  return withLabel ? [Project, Label] : [Project]
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('referenced_collation')
  await migrateTo(db, entities(false), 'Init')
  await db.query('ALTER TABLE project CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin')
  await db.query("INSERT INTO project (id, name) VALUES ('p1', 'Alpha')")
})
afterAll(async () => db?.drop())

it('a new key column takes the collation of the column it references, and the key is made', async () => {
  const { source } = await expectCleanCycle(db, entities(false), entities(true), 'AddLabel', 'SELECT id, name FROM project')
  expect(source.replaceAll('\\`', '`')).toContain('`projectId` varchar(36) COLLATE `utf8mb4_bin` NULL')
})
