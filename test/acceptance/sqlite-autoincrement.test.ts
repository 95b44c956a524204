import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Column, Entity, Generated, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// SQLite takes AUTOINCREMENT on an INTEGER PRIMARY KEY only: a generated key of a type that cannot count (a
// varchar, as n8n's entities declare for PostgreSQL) or beside another key column is refused when the migration is
// generated, naming the column, and nothing is written; the migration failed when it ran. (A bigint key is
// written as integer, which holds 64 bits there.) A table WITHOUT ROWID takes no AUTOINCREMENT at all: a new one, or one
// whose entity gained withoutRowid, failed when the migration ran.

let db: TestDatabase
beforeEach(async () => {
  db = await createSqliteDatabase()
})
afterEach(async () => db?.drop())

@Entity('job')
class TextKey {
  @Generated() @PrimaryColumn() id: string
  @Column() name: string
}

@Entity('job')
class CompositeKey {
  @PrimaryGeneratedColumn() id: number
  @PrimaryColumn() tenant: number
}

@Entity('job', { withoutRowid: true })
class WithoutRowidKey {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}

it.each([
  ['a varchar', TextKey, '"job"."id" is AUTOINCREMENT, which needs it to be of type integer, not varchar'],
  ['one of two key columns', CompositeKey, '"job"."id" is AUTOINCREMENT, which needs it to be the only primary key column'],
  ['a table WITHOUT ROWID', WithoutRowidKey, '"job"."id" is AUTOINCREMENT, which a table WITHOUT ROWID (withoutRowid: true) cannot have'],
])('refuses an AUTOINCREMENT key of %s, writing nothing', async (_what, entity, message) => {
  await expect(migrateTo(db, [entity], 'Job')).rejects.toThrow(message)
  const migrations = join(db.dir, 'migrations')
  expect(existsSync(migrations) ? readdirSync(migrations).filter((f) => f.endsWith('.ts')) : []).toEqual([])
  expect(await db.query("SELECT name FROM sqlite_master WHERE name = 'job'")).toEqual([])
})

@Entity('job')
class RowidJob {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}

it('refuses withoutRowid on a table whose AUTOINCREMENT key it already has, writing nothing', async () => {
  await migrateTo(db, [RowidJob], 'Init')
  await db.query("INSERT INTO job (name) VALUES ('a')")
  await expect(migrateTo(db, [WithoutRowidKey], 'NoRowid')).rejects.toThrow('"job"."id" is AUTOINCREMENT, which a table WITHOUT ROWID (withoutRowid: true) cannot have')
  expect(readdirSync(join(db.dir, 'migrations')).filter((f) => f.endsWith('.ts'))).toHaveLength(1)
  expect(await db.query('SELECT name FROM job')).toEqual([{ name: 'a' }])
})
