import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Column, Entity, PrimaryColumn } from 'typeorm'
import { migrateTo } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A boolean default on a number column (`@Column({ type: 'int', default: true })`) is refused before anything is
// written, naming the column and the number to write. PostgreSQL refuses it ("column "retries" is of type integer
// but default expression is of type boolean"): the generated migration failed, as TypeORM's synchronize does.

@Entity('job')
class Job {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', default: true as unknown as number }) retries: number
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('boolean_number_defaults')
})
afterAll(async () => db?.drop())

it('refuses a boolean default of a number column, writing nothing', async () => {
  await expect(migrateTo(db, [Job], 'Jobs')).rejects.toThrow('"job"."retries" is integer with the default true, which PostgreSQL refuses on a number: write default: 1, then run again')
  const migrations = join(db.dir, 'migrations')
  expect(existsSync(migrations) ? readdirSync(migrations).filter((f) => f.endsWith('.ts')) : []).toEqual([])
  expect(await db.query("SELECT tablename FROM pg_tables WHERE tablename = 'job'")).toEqual([])
})
