import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// `@Column('double', { precision: 22 })` (a legacy MySQL model's spelling): MySQL and MariaDB take double(M,D)
// or double alone, and hold a double; the migration writes double, which the next comparison finds in sync.

@Entity('coordinate')
class Coordinate {
  @PrimaryGeneratedColumn() id: number
  @Column('double', { precision: 22 }) latitude: number
  @Column('double', { precision: 22, scale: 6 }) longitude: number
}

let db: TestDatabase
afterAll(async () => db?.drop())

it('writes a double with a precision alone as double, and then finds nothing to change', async () => {
  db = await createMariaDbDatabase('doubleprecision')
  const { source } = await migrateTo(db, [Coordinate], 'Coordinates')
  expect(source).toContain('\\`latitude\\` double NOT NULL')
  expect(source).toContain('\\`longitude\\` double(22,6) NOT NULL')
  expect(source).toContain('declares precision 22, which the database does not keep (it stores double)')
  expect(await pendingChanges(db, [Coordinate])).toEqual([])
})
