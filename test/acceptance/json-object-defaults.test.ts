import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// An object or array default of a JSON column (TypeORM bug report 433): TypeORM's MySQL driver writes it as
// JavaScript's text, `DEFAULT [object Object]` or `DEFAULT ` for [], which the server refuses, so its own
// synchronize fails. It is written as the JSON text, as the other drivers write it, and a row inserted without
// the column gets it.

@Entity('settings')
class Settings {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) owner: string
  @Column({ type: 'simple-json', default: { theme: 'dark', path: 'C:\\temp' } }) preferences: Record<string, string>
  @Column({ type: 'simple-json', default: [] }) tags: string[]
}

@Entity('documents')
class Documents {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) owner: string
  @Column({ type: 'json', default: { hello: "it's" } }) body: Record<string, string>
}

// SQLite's driver writes an object default of a `jsonb` column as `jsonb('...')`, the binary form the column holds.
@Entity('binary_documents')
class BinaryDocuments {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) owner: string
  @Column({ type: 'jsonb', default: { hello: "it's" } }) body: Record<string, string>
}

it('sqlite: an object default of a jsonb column is written and compared as TypeORM writes it, jsonb(...)', async () => {
  const db = await createSqliteDatabase()
  try {
    await migrateTo(db, [BinaryDocuments], 'Init')
    expect(await pendingChanges(db, [BinaryDocuments])).toEqual([])
    await db.query(`INSERT INTO binary_documents (owner) VALUES ('ann')`)
    expect(await db.query(`SELECT json(body) AS body, typeof(body) AS kind FROM binary_documents`)).toEqual([{ body: '{"hello":"it\'s"}', kind: 'blob' }])
    const synchronized = await createSqliteDatabase()
    try {
      await synchronizeWithTypeorm(synchronized, [BinaryDocuments])
      expect(await pendingChanges(synchronized, [BinaryDocuments])).toEqual([])
    } finally {
      await synchronized.drop()
    }
  } finally {
    await db.drop()
  }
})

describe.each([
  ['sqlite', createSqliteDatabase, [Settings]],
  ['postgres', () => createPostgresDatabase('jsondefault'), [Settings, Documents]],
  ['mariadb', () => createMariaDbDatabase('jsondefault'), [Settings, Documents]],
])('%s: an object or array default of a JSON column', (_dialect, create, entities) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await create()
  })
  afterEach(async () => db?.drop())

  it('is written as its JSON text, finds nothing to change after, and fills a new row', async () => {
    await migrateTo(db, entities, 'Init')
    expect(await pendingChanges(db, entities)).toEqual([])
    const own = new DataSource({ ...db.options, entities, logging: false } as never)
    await own.initialize()
    try {
      await own.query(`INSERT INTO settings (owner) VALUES ('ann')`)
      expect(await own.getRepository(Settings).findOneByOrFail({ owner: 'ann' })).toMatchObject({ preferences: { theme: 'dark', path: 'C:\\temp' }, tags: [] })
      if (entities.includes(Documents)) {
        await own.query(`INSERT INTO documents (owner) VALUES ('ann')`)
        expect((await own.getRepository(Documents).findOneByOrFail({ owner: 'ann' })).body).toEqual({ hello: "it's" })
      }
    } finally {
      await own.destroy()
    }
  })
})
