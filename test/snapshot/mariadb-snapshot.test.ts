import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// The snapshot notes a declared size the database does not enforce. MariaDB enforces lengths: where the
// database already holds the length the entities now declare (widened by hand, or the snapshot is older than
// the schema), there is nothing to note, and saying "the database does not enforce it" would be wrong.

@Entity('person')
class PersonShort {
  @PrimaryGeneratedColumn() id!: number
  @Column({ type: 'varchar', length: 50 }) name!: string
  @Column({ type: 'decimal', precision: 6, scale: 2 }) score!: string
}

@Entity('person')
class PersonLong {
  @PrimaryGeneratedColumn() id!: number
  @Column({ type: 'varchar', length: 80 }) name!: string
  @Column({ type: 'decimal', precision: 8, scale: 2 }) score!: string
}

let db: TestDatabase
beforeAll(async () => { db = await createMariaDbDatabase('snapshotsizes') })
afterAll(async () => db?.drop())

it('notes no size change that the database already holds', async () => {
  await migrateTo(db, [PersonShort], 'CreatePerson')
  await db.query('ALTER TABLE person MODIFY name varchar(80) NOT NULL, MODIFY score decimal(8,2) NOT NULL')
  const comparison = await compareProject(projectFor(db, [PersonLong]))
  expect(comparison.up).toEqual([])
  expect(comparison.hazards).toEqual([])
})
