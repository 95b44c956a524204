import type { DataSourceOptions } from 'typeorm'
import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// The migrations lock is keyed by the migrations table. Without the DataSource's schema, TypeORM's table is in
// the connection's current_schema(), so a run whose search_path starts with app and one whose DataSource says
// `schema: 'app'` run migrations on one table and must take turns; a run that keeps its table in public need not.

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('lock_search_path')
  await db.query('CREATE SCHEMA app')
})
afterAll(async () => db?.drop())

it('keys the lock by the schema the search_path gives the migrations table', async () => {
  const withPath = { ...db.options, extra: { options: '-c search_path=app,public' } } as DataSourceOptions
  const held = await postgresDialect.lockRunner(withPath, 'migrations', 0)
  try {
    await expect(postgresDialect.lockRunner({ ...db.options, schema: 'app' } as DataSourceOptions, 'migrations', 0)).rejects.toThrow(/held the migrations lock/)
    const inPublic = await postgresDialect.lockRunner(db.options, 'migrations', 0)
    await inPublic.release()
  } finally {
    await held.release()
  }
})
