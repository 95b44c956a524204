import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createConnection } from 'mysql2/promise'
import { inlineParameters } from '../../../src/dialect/inline-parameters'
import { mysqlDialect } from '../../../src/dialect/mysql/mysql-dialect'
import { runnerLockName } from '../../../src/dialect/mysql/mysql-runner-lock'
import { SCRATCH_MARK, scratchName } from '../../../src/dialect/mysql/mysql-scratch-database'
import { createMariaDbDatabase, mariadbServer, type TestDatabase } from '../../support/test-database'

// What the runner asks of the MySQL dialect, on the real MariaDB server: the migrations table, scratch
// databases, the runner lock, backups, script literals and timeouts.

let db: TestDatabase
let name: string
beforeAll(async () => {
  db = await createMariaDbDatabase('parts')
  name = (db.options as { database: string }).database
})
afterAll(async () => {
  await db?.drop()
})

/** session is a plain connection to the test database, as another client would have. */
const session = () => createConnection({ ...mariadbServer, database: name })

describe('appliedMigrations', () => {
  it('is empty without the table, then lists the names in the table the options name', async () => {
    const connection = await mysqlDialect.connect(db.options)
    try {
      expect(await mysqlDialect.appliedMigrations(connection, 'custom_migrations', db.options)).toEqual([])
      await db.query('CREATE TABLE custom_migrations (id int AUTO_INCREMENT PRIMARY KEY, timestamp bigint NOT NULL, name varchar(255) NOT NULL)')
      await db.query("INSERT INTO custom_migrations (timestamp, name) VALUES (1, 'Init1'), (2, 'Next2')")
      expect(await mysqlDialect.appliedMigrations(connection, 'custom_migrations', db.options)).toEqual(['Init1', 'Next2'])
    } finally {
      await connection.close()
    }
  })
})

describe('createScratchDatabase', () => {
  it('names it after the target within 64 characters', () => {
    expect(scratchName('shop')).toMatch(new RegExp(`^shop${SCRATCH_MARK}[0-9a-f]{8}$`))
    const long = scratchName('x'.repeat(80))
    expect(long).toHaveLength(64)
    expect(long).toMatch(new RegExp(`^x{47}${SCRATCH_MARK}[0-9a-f]{8}$`))
  })

  it('makes an empty database with the target\'s charset and collation, and drops it even while in use', async () => {
    await db.query('ALTER DATABASE CHARACTER SET latin1 COLLATE latin1_swedish_ci')
    const scratch = await mysqlDialect.createScratchDatabase(db.options)
    const scratchDb = (scratch.options as { database: string }).database
    expect(scratchDb).toMatch(new RegExp(`^${name}${SCRATCH_MARK}[0-9a-f]{8}$`))
    expect(scratch.description).toBe(`mariadb 127.0.0.1:3306/${scratchDb}`)
    const [schema] = await db.query<{ charset: string; collation: string }>(
      `SELECT DEFAULT_CHARACTER_SET_NAME AS charset, DEFAULT_COLLATION_NAME AS collation FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${scratchDb}'`)
    expect(schema).toEqual({ charset: 'latin1', collation: 'latin1_swedish_ci' })
    const user = await createConnection({ ...mariadbServer, database: scratchDb })
    await user.query('CREATE TABLE t (id int)')
    await user.query('BEGIN')
    await user.query('SELECT * FROM t')
    await scratch.drop()
    await user.end().catch(() => undefined)
    expect(await db.query(`SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${scratchDb}'`)).toEqual([])
    await db.query('ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci')
  })

  it('makes one on the server of --shadow-url, and says to give one when the user may not create databases', async () => {
    const scratch = await mysqlDialect.createScratchDatabase({ type: 'mariadb', host: 'no-such-host.invalid', database: 'app' }, 'mariadb://root@127.0.0.1:3306/unused')
    try {
      expect(scratch.description).toMatch(new RegExp(`^mariadb 127\\.0\\.0\\.1:3306/unused${SCRATCH_MARK}[0-9a-f]{8}$`))
      const connection = await scratch.connect(undefined as never)
      expect(await connection.query('SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()')).toEqual([{ n: '0' }])
      await connection.close()
    } finally {
      await scratch.drop()
    }
    const user = `autogen_nocreate_${process.pid}`
    await db.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'pw-not-to-print'`)
    try {
      const refused = await mysqlDialect.createScratchDatabase({ type: 'mariadb', host: '127.0.0.1', port: 3306, username: user, password: 'pw-not-to-print', database: 'app' })
        .then(() => undefined, (err: Error) => err.message)
      expect(refused).toMatch(new RegExp(`^cannot create a scratch database on 127\\.0\\.0\\.1:3306 as ${user}: Access denied .*; give a server where you may with --shadow-url URL$`))
      expect(refused).not.toContain('pw-not-to-print')
    } finally {
      await db.query(`DROP USER '${user}'@'%'`)
    }
  })
})

describe('lockRunner', () => {
  it('keys the lock by database and table, hashed past 64 characters', () => {
    expect(runnerLockName('shop', 'migrations')).toBe('typeorm-autogen shop.migrations')
    const long = runnerLockName('d'.repeat(40), 'migrations')
    expect(long).toMatch(/^typeorm-autogen [0-9a-f]{40}$/)
    expect(long).not.toBe(runnerLockName('d'.repeat(40), 'other_migrations'))
  })

  it('makes a second run wait until the first releases, or give up after waitMs', async () => {
    const first = await mysqlDialect.lockRunner(db.options, 'migrations', 1000)
    expect(first.waited).toBe(false)
    const started = performance.now()
    await expect(mysqlDialect.lockRunner(db.options, 'migrations', 300)).rejects.toThrow(/held the migrations lock for more than 0\.3 s/)
    expect(performance.now() - started).toBeGreaterThanOrEqual(250)
    await expect(mysqlDialect.lockRunner(db.options, 'migrations', 0)).rejects.toThrow(/more than 0 s/)
    const other = await mysqlDialect.lockRunner(db.options, 'other_migrations', 0)
    await other.release()
    const second = mysqlDialect.lockRunner(db.options, 'migrations', 5000)
    setTimeout(() => void first.release(), 200)
    const got = await second
    expect(got.waited).toBe(true)
    await got.release()
  })

  it('is given up by a session that ends without releasing it', async () => {
    const crashed = await session()
    await crashed.query('SELECT GET_LOCK(?, 0)', [runnerLockName(name, 'migrations')])
    crashed.destroy()
    const lock = await mysqlDialect.lockRunner(db.options, 'migrations', 5000)
    await lock.release()
  })
})

describe('backup', () => {
  it('dumps to a file that restores the rows, the password kept out of the command line', async () => {
    await db.query('CREATE TABLE kept (id int PRIMARY KEY, note text)')
    await db.query("INSERT INTO kept VALUES (1, 'before'), (2, 'it''s \\\\ here')")
    await db.query('CREATE TRIGGER kept_trigger BEFORE INSERT ON kept FOR EACH ROW SET NEW.note = UPPER(NEW.note)')
    const file = join(db.dir, mysqlDialect.backupName(db.options, '20260101T000000Z').file)
    expect(file).toBe(join(db.dir, `${name}.20260101T000000Z.sql`))
    expect(await mysqlDialect.backup(db.options, file)).toBe(true)
    expect(readFileSync(file, 'utf8')).toContain('kept_trigger')
    const target = await createMariaDbDatabase('restore')
    try {
      const restore = spawnSync('mariadb', ['-h', '127.0.0.1', '-u', 'root', (target.options as { database: string }).database], { input: readFileSync(file), encoding: 'utf8' })
      expect(restore.stderr).toBe('')
      expect(await target.query('SELECT id, note FROM kept ORDER BY id')).toEqual([{ id: 1, note: 'before' }, { id: 2, note: "it's \\ here" }])
      expect(await target.query("SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()")).toEqual([{ name: 'kept_trigger' }])
    } finally {
      await target.drop()
    }
  })

  it('names the failing tool and leaves no file when the dump fails', async () => {
    const file = join(db.dir, 'failed.sql')
    const failed = await mysqlDialect.backup({ ...db.options, password: 'pw-not-to-print' } as typeof db.options, file).then(() => undefined, (err: Error) => err.message)
    expect(failed).toMatch(new RegExp(`^mariadb-dump could not back up ${name}: .*Access denied.*; nothing was run$`))
    expect(failed).not.toContain('pw-not-to-print')
    expect(existsSync(file)).toBe(false)
  })

  it('names the packages to install when neither dump tool is on the PATH', async () => {
    const path = process.env.PATH
    process.env.PATH = join(db.dir, 'no-such-folder')
    try {
      await expect(mysqlDialect.backup(db.options, join(db.dir, 'missing.sql'))).rejects.toThrow(
        '--backup needs mariadb-dump or mysqldump, neither of which is on the PATH: install the MariaDB client (the mariadb-client package) or the MySQL client (mysql-client), or leave --backup out; nothing was run')
    } finally {
      process.env.PATH = path
    }
  })
})

describe('migrationScript', () => {
  const inline = (sql: string, parameters: unknown[]) => inlineParameters(sql, parameters, mysqlDialect.migrationScript.parameters)

  it('writes `?` parameters as literals, skipping those in strings, names and comments', () => {
    expect(inline("INSERT INTO `m?` (a, b, c, d) VALUES (?, ?, '?', ?) -- ?", [1, 'it\'s', true, null])).toBe("INSERT INTO `m?` (a, b, c, d) VALUES (1, 'it''s', '?', TRUE) -- ?")
    expect(inline('SELECT ?', [Buffer.from([0, 255])])).toBe("SELECT X'00ff'")
    expect(inline('SELECT ?', [new Date(0)])).toBeUndefined()
    expect(mysqlDialect.migrationScript.beforeMigration).toEqual([])
    expect(mysqlDialect.migrationScript.afterMigration).toEqual([])
  })

  it.each(['', 'NO_BACKSLASH_ESCAPES'])('writes strings the server reads back unchanged with sql_mode %j', async (mode) => {
    const values = ["it's", 'back\\slash', "\\' mixed \\\\ ''", 'naïve ✓', '\\n']
    const connection = await session()
    try {
      await connection.query(`SET SESSION sql_mode = '${mode}'`)
      for (const value of values) {
        const [rows] = await connection.query(inline('SELECT ? AS v', [value])!)
        expect(rows).toEqual([{ v: value }])
      }
    } finally {
      await connection.end()
    }
  })
})

describe('timeoutStatements', () => {
  const statements = mysqlDialect.timeoutStatements!

  it('sets the lock timeouts in whole seconds and MariaDB\'s statement time, and resets them to the defaults', () => {
    expect(statements({ lockMs: 1200, statementMs: 500 }, true)).toEqual({
      set: ['SET SESSION lock_wait_timeout = 2', 'SET SESSION innodb_lock_wait_timeout = 2', 'SET SESSION max_statement_time = 0.5'],
      reset: ['SET SESSION lock_wait_timeout = DEFAULT', 'SET SESSION innodb_lock_wait_timeout = DEFAULT', 'SET SESSION max_statement_time = DEFAULT'],
    })
    expect(statements({ lockMs: 0, statementMs: 0 }, false).set).toEqual([
      'SET SESSION lock_wait_timeout = 31536000', 'SET SESSION innodb_lock_wait_timeout = 31536000', 'SET SESSION max_statement_time = 0'])
  })

  it('bounds statements on the server', async () => {
    const connection = await session()
    try {
      const { set, reset } = statements({ lockMs: 1000, statementMs: 200 }, false)
      for (const sql of set) await connection.query(sql)
      await expect(connection.query('SELECT SLEEP(0.01) AS slept').then(([rows]) => rows)).resolves.toEqual([{ slept: 0 }])
      await expect(connection.query('CREATE TABLE slow AS SELECT SLEEP(2) AS s')).rejects.toThrow(/max_statement_time exceeded/)
      for (const sql of reset) await connection.query(sql)
      const [rows] = await connection.query('SELECT @@SESSION.lock_wait_timeout = @@GLOBAL.lock_wait_timeout AS same, @@SESSION.max_statement_time AS t')
      expect(rows).toEqual([{ same: 1, t: 0 }])
    } finally {
      await connection.end()
    }
  })
})
