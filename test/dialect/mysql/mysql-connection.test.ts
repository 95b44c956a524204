import { mysqlClientConfig } from '../../../src/dialect/mysql/mysql-connection'
import { mysqlDialect } from '../../../src/dialect/mysql/mysql-dialect'
import type { MysqlConnection } from '../../../src/dialect/mysql/mysql-connection'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'

// The dialect's own connection to MariaDB: read-only, from host options or a mysql:// or mariadb:// url, and
// errors that name server, database and user but never the password.

describe('mysql connection', () => {
  let db: TestDatabase
  let name: string
  beforeAll(async () => {
    db = await createMariaDbDatabase('connection')
    name = (db.options as { database: string }).database
    await db.query('CREATE TABLE t (id integer)')
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('is read-only, counts its statements and knows the server', async () => {
    const connection = await mysqlDialect.connect(db.options) as MysqlConnection
    try {
      expect(connection.server.product).toBe('mariadb')
      expect(connection.server.version[0]).toBeGreaterThanOrEqual(10)
      expect(connection.queryCount).toBe(0)
      expect(await connection.query('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: '0' }])
      await expect(connection.query('INSERT INTO t VALUES (1)')).rejects.toThrow(/READ ONLY transaction/i)
      expect(connection.queryCount).toBe(2)
    } finally {
      await connection.close()
    }
  })

  it.each(['mysql', 'mariadb'])('connects from a %s:// url, whose parts win over host options as in TypeORM', async (scheme) => {
    const connection = await mysqlDialect.connect({ type: 'mariadb', host: 'no-such-host.invalid', database: 'elsewhere', url: `${scheme}://root@127.0.0.1:3306/${name}` })
    try {
      expect(await connection.query('SELECT DATABASE() AS name')).toEqual([{ name }])
    } finally {
      await connection.close()
    }
  })

  it('describes the target without a password, the socket in place of host and port', () => {
    expect(mysqlDialect.describeTarget({ type: 'mariadb', url: 'mariadb://app:s3cret@db.example:3307/shop' }, []).description).toBe('mariadb db.example:3307/shop as app')
    expect(mysqlDialect.describeTarget({ type: 'mysql', socketPath: '/run/mysqld/mysqld.sock', username: 'app', password: 's3cret', database: 'shop' }, []).description)
      .toBe('mysql /run/mysqld/mysqld.sock/shop as app')
    expect(mysqlDialect.describeTarget({ type: 'mysql' }, []).description).toBe('mysql localhost:3306/(none) as (default)')
  })

  it('connects to the replication master with its connect timeout, and a url\'s escaped password', () => {
    expect(mysqlClientConfig({
      type: 'mysql', connectTimeout: 2500, database: 'shop',
      replication: { master: { host: 'primary', port: 3307, username: 'app', password: 'pw' }, slaves: [{ host: 'replica' }] },
    })).toMatchObject({ host: 'primary', port: 3307, user: 'app', password: 'pw', database: 'shop', connectTimeout: 2500 })
    expect(mysqlClientConfig({ type: 'mariadb', url: 'mariadb://a%40b:p%2Fw@[::1]:3308/my%20db' }))
      .toMatchObject({ host: '::1', port: 3308, user: 'a@b', password: 'p/w', database: 'my db' })
  })

  const failure = (options: Parameters<typeof mysqlDialect.connect>[0]) => mysqlDialect.connect(options).then(() => undefined, (err: Error) => err.message)

  it('names the server, database and user for a wrong password, never the password', async () => {
    const message = await failure({ type: 'mariadb', host: '127.0.0.1', port: 3306, username: 'root', password: 'pw-not-to-print', database: name })
    expect(message).toMatch(new RegExp(`^mariadb: cannot connect to 127\\.0\\.0\\.1:3306/${name} as root: Access denied for user 'root'.*; check the DataSource's url or host, port, database and credentials$`))
    expect(message).not.toContain('pw-not-to-print')
    const fromUrl = await failure({ type: 'mysql', url: `mysql://root:pw%2Dnot%2Dto%2Dprint@127.0.0.1:3306/${name}` })
    expect(fromUrl).toMatch(new RegExp(`^mysql: cannot connect to 127\\.0\\.0\\.1:3306/${name} as root: Access denied`))
    expect(fromUrl).not.toMatch(/pw-not-to-print|pw%2Dnot/)
  })

  it('names an unknown database', async () => {
    expect(await failure({ type: 'mariadb', host: '127.0.0.1', port: 3306, username: 'root', database: 'autogen_no_such_database' }))
      .toMatch(/^mariadb: cannot connect to 127\.0\.0\.1:3306\/autogen_no_such_database as root: Unknown database 'autogen_no_such_database'; check/)
  })

  it('names the server when nothing listens on its port', async () => {
    expect(await failure({ type: 'mariadb', host: '127.0.0.1', port: 1, username: 'root', password: 'pw-not-to-print', database: name }))
      .toMatch(new RegExp(`^mariadb: cannot connect to 127\\.0\\.0\\.1:1/${name} as root: connect ECONNREFUSED 127\\.0\\.0\\.1:1; check`))
  })
})
