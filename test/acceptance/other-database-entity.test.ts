import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { projectFor, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// An entity that names another database (`@Entity({ database })`) is not diffed; PostgreSQL has no tables of
// other databases, and TypeORM's synchronize makes its table in the DataSource's own: it is never dropped.

@Entity({ database: 'archive' })
class Person {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}

describe('an entity of another database on postgres', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('other_database')
  })
  afterEach(async () => db?.drop())

  it('is skipped with a warning, and its table in this database is left alone', async () => {
    await synchronizeWithTypeorm(db, [Person])
    const comparison = await compareProject(projectFor(db, [Person]))
    expect(comparison.up).toEqual([])
    expect(comparison.warnings.map((w) => w.message)).toContain(
      'skipped table "person": it lives in database "archive", and only the DataSource\'s own database is diffed',
    )
  })
})
