import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import Database from 'better-sqlite3'
import type { DataSourceOptions } from 'typeorm'
import { sqliteDialect } from '../../../src/dialect/sqlite/sqlite-dialect'
import { emptySchema } from '../../../src/model/schema-model'

describe('sqlite connect', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'autogen-sqlite-connect-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  // TypeORM 1.x types know only 'better-sqlite3'; DataSources of type 'sqlite' are still served.
  const connect = (database: string, type = 'better-sqlite3') => sqliteDialect.connect({ type, database } as DataSourceOptions)

  test('a file that does not exist yet is an empty database, and nothing is created', async () => {
    const path = join(dir, 'nested', 'new.sqlite')
    const connection = await connect(path)
    expect(await sqliteDialect.introspect(connection, { ignoreTables: [] })).toEqual(emptySchema)
    await connection.close()
    expect(existsSync(join(dir, 'nested'))).toBe(false)
  })

  test('":memory:" is an empty database; type "sqlite" is served too', async () => {
    const connection = await connect(':memory:', 'sqlite')
    expect(await sqliteDialect.introspect(connection, { ignoreTables: [] })).toEqual(emptySchema)
    await connection.close()
  })

  test('a relative path is resolved against the working directory', async () => {
    const path = join(dir, 'rel.sqlite')
    const writer = new Database(path)
    writer.exec('CREATE TABLE "t" ("a" integer)')
    writer.close()
    const connection = await connect(relative(process.cwd(), path))
    expect((await sqliteDialect.introspect(connection, { ignoreTables: [] })).tables.map((t) => t.name)).toEqual(['t'])
    await connection.close()
  })

  test('the connection is read-only', async () => {
    const path = join(dir, 'ro.sqlite')
    new Database(path).close()
    const connection = await connect(path)
    await expect(connection.query('CREATE TABLE "x" ("a" integer)')).rejects.toThrow(/^sqlite: query failed: CREATE TABLE "x" \("a" integer\): attempt to write a readonly database/)
    await connection.close()
  })

  test('a file that is not a database fails with one clear line', async () => {
    const path = join(dir, 'junk.sqlite')
    writeFileSync(path, 'this is not a database, just some text that is long enough to have a header'.repeat(20))
    await expect(connect(path)).rejects.toThrow(`sqlite: cannot open "${path}": file is not a database; check the DataSource's database path: that file is not a SQLite database`)
  })

  test('a locked file fails instead of waiting', async () => {
    const path = join(dir, 'locked.sqlite')
    const writer = new Database(path)
    writer.exec('CREATE TABLE "t" ("a" integer)')
    writer.exec('BEGIN EXCLUSIVE')
    writer.exec('INSERT INTO "t" VALUES (1)')
    try {
      const error = await connect(path).then(() => undefined, (err: Error) => err)
      expect(error?.message).toBe(`sqlite: cannot open "${path}": database is locked; another connection holds a write lock on it: run again once it is released`)
      expect(error?.cause).toHaveProperty('code', 'SQLITE_BUSY')
    } finally {
      writer.exec('ROLLBACK')
      writer.close()
    }
  })

  test('other DataSource types are refused', async () => {
    await expect(sqliteDialect.connect({ type: 'postgres', database: 'x' })).rejects.toThrow('sqlite: cannot serve a DataSource of type "postgres"')
  })

  test('introspection issues the same number of queries however many tables there are', async () => {
    const counts: number[] = []
    for (const tables of [1, 12]) {
      const path = join(dir, `count-${tables}.sqlite`)
      const writer = new Database(path)
      for (let i = 0; i < tables; i++) {
        writer.exec(`CREATE TABLE "t${i}" ("id" integer PRIMARY KEY, "p" integer REFERENCES "t0" ("id"), "u" text UNIQUE)`)
        writer.exec(`CREATE INDEX "i${i}" ON "t${i}" ("p")`)
      }
      writer.close()
      const connection = await connect(path)
      const model = await sqliteDialect.introspect(connection, { ignoreTables: [] })
      expect(model.tables).toHaveLength(tables)
      counts.push(connection.queryCount)
      await connection.close()
    }
    expect(counts[0]).toBe(counts[1])
    expect(counts[0]).toBe(4)
  })
})
