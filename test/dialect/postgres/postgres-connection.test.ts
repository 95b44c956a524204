import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import { createPgDatabase, type PgTestDatabase } from './pg-test-database'

describe('postgres connection', () => {
  let db: PgTestDatabase
  beforeAll(async () => {
    db = await createPgDatabase('connection')
    await db.exec('CREATE TABLE t (id integer)')
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('is read-only and counts the statements it issues', async () => {
    const connection = await db.connect()
    try {
      expect(connection.queryCount).toBe(0)
      expect(await connection.query('SELECT count(*)::int AS n FROM t')).toEqual([{ n: 0 }])
      await expect(connection.query('INSERT INTO t VALUES (1)')).rejects.toThrow(/read-only transaction/)
      await expect(connection.query('CREATE TABLE u (id integer)')).rejects.toThrow(/read-only transaction/)
      expect(connection.queryCount).toBe(3)
    } finally {
      await connection.close()
    }
    expect(await db.exec('SELECT count(*)::int AS n FROM t')).toEqual([{ n: 0 }])
  })

  it('connects from a url', async () => {
    const connection = await postgresDialect.connect({ type: 'postgres', url: `postgres://postgres@127.0.0.1:5432/${db.name}` })
    try {
      expect(await connection.query('SELECT current_database() AS name')).toEqual([{ name: db.name }])
    } finally {
      await connection.close()
    }
  })

  it('keeps the session settings of a url or of extra options, and stays read-only', async () => {
    const settings = '-c search_path=app,public -c statement_timeout=1234'
    for (const options of [
      { type: 'postgres' as const, url: `postgres://postgres@127.0.0.1:5432/${db.name}?options=${encodeURIComponent(settings)}` },
      { type: 'postgres' as const, host: '127.0.0.1', port: 5432, username: 'postgres', database: db.name, extra: { options: settings } },
    ]) {
      const connection = await postgresDialect.connect(options)
      try {
        expect(await connection.query(`SELECT current_setting('search_path') AS path, current_setting('statement_timeout') AS timeout`))
          .toEqual([{ path: 'app,public', timeout: '1234ms' }])
        await expect(connection.query('CREATE TABLE u (id integer)')).rejects.toThrow(/read-only transaction/)
      } finally {
        await connection.close()
      }
    }
  })

  it('names server, database and user when it cannot connect, never the password', async () => {
    const attempt = postgresDialect.connect({
      type: 'postgres', host: '127.0.0.1', port: 5432, username: 'postgres', password: 's3cret-pw', database: 'autogen_pg_no_such_db',
    })
    await expect(attempt).rejects.toThrow(/^postgres: cannot connect to 127\.0\.0\.1:5432\/autogen_pg_no_such_db as postgres: .*autogen_pg_no_such_db/)
    const fromUrl = await postgresDialect.connect({ type: 'postgres', url: 'postgres://postgres:s3cret-pw@127.0.0.1:5432/autogen_pg_no_such_db' })
      .then(() => undefined, (err: Error) => err)
    expect(fromUrl?.message).toMatch(/^postgres: cannot connect to 127\.0\.0\.1:5432\/autogen_pg_no_such_db as postgres: /)
    expect(fromUrl?.message).not.toContain('s3cret-pw')
    await attempt.catch((err: Error) => expect(err.message).not.toContain('s3cret-pw'))
  })
})
