import { createConnection, type Connection } from 'mysql2/promise'
import { connectMysql } from '../../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import {
  checksQuery, columnsQuery, foreignKeysQuery, indexesQuery, tablesQuery, triggersQuery, viewsQuery,
} from '../../../src/dialect/mysql/mysql-catalog-queries'
import { mysqlServerOf } from '../../../src/dialect/mysql/mysql-server'
import type { SchemaModel } from '../../../src/model/schema-model'
import { createMariaDbDatabase, mariadbServer, type TestDatabase } from '../../support/test-database'

// MariaDB answers a join of information_schema tables by opening the tables of every database of the server
// unless each side is bound to one database: on a shared server that is every tenant's tables, and a database
// another session is dropping (its schema locked) stops the read until that drop is done.
describe('MariaDB catalog queries read only the connection\'s database', () => {
  let db: TestDatabase
  let busy: TestDatabase
  let referenced: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('catalog_scope')
    busy = await createMariaDbDatabase('catalog_busy')
    referenced = await createMariaDbDatabase('catalog_ref')
    await referenced.query('CREATE TABLE accounts (id int PRIMARY KEY)')
    await db.query('CREATE TABLE parents (id int PRIMARY KEY)')
    await db.query('CREATE TABLE children (id int PRIMARY KEY, parentId int, CONSTRAINT fk_parent FOREIGN KEY (parentId) REFERENCES parents (id), CONSTRAINT chk_id CHECK (id > 0))')
    await db.query(`CREATE TABLE payments (id int PRIMARY KEY, accountId int, CONSTRAINT fk_account FOREIGN KEY (accountId) REFERENCES \`${referenced.options.database}\`.accounts (id) ON DELETE CASCADE)`)
    await busy.query('CREATE TABLE t (id int PRIMARY KEY)')
  })
  afterAll(async () => {
    await db?.query('DROP TABLE IF EXISTS payments')
    await referenced?.drop()
    await busy?.drop()
    await db?.drop()
  })

  it('scans one database in each query (EXPLAIN)', async () => {
    const connection = await connectMysql(db.options)
    try {
      const queries = [tablesQuery, columnsQuery, indexesQuery(connection.server), foreignKeysQuery,
        checksQuery(connection.server)!, viewsQuery, triggersQuery]
      const scans = await Promise.all(queries.map(async (sql) =>
        (await connection.query<{ Extra: string | null }>(`EXPLAIN ${sql}`)).map((row) => row.Extra ?? '')))
      expect(scans.flat().filter((extra) => /Scanned all databases/.test(extra))).toEqual([])
    } finally {
      await connection.close()
    }
  })

  it('binds the joined constraint table to the database on MySQL 8 too, whose checks have no table name', () => {
    const mysql8 = mysqlServerOf('8.0.36', '')
    expect(checksQuery(mysql8)).toContain('cc.CONSTRAINT_SCHEMA = DATABASE()')
    expect(foreignKeysQuery).toContain('r.CONSTRAINT_SCHEMA = DATABASE()')
  })

  it('reads foreign keys and checks while another database is being dropped', async () => {
    const holder = await sessionOn(busy)
    const dropper = await sessionOn(busy)
    let dropped: Promise<unknown> | undefined
    try {
      await holder.query('START TRANSACTION')
      await holder.query('SELECT * FROM t')
      dropped = dropper.query(`DROP DATABASE \`${busy.options.database}\``).catch(() => undefined)
      await waitForLockWait(busy.options.database as string)
      const model = await withinSeconds(5, introspect(db))
      const children = model.tables.find((t) => t.name === 'children')!
      expect(children.foreignKeys.map((fk) => fk.name)).toEqual(['fk_parent'])
      expect(children.checks.map((check) => check.name)).toEqual(['chk_id'])
      expect(model.tables.find((t) => t.name === 'payments')!.foreignKeys).toEqual([expect.objectContaining({
        name: 'fk_account', referencedSchema: referenced.options.database, referencedTable: 'accounts', onDelete: 'CASCADE',
      })])
    } finally {
      await holder.query('COMMIT')
      await dropped
      await holder.end()
      await dropper.end()
    }
  })
})

async function introspect(db: TestDatabase): Promise<SchemaModel> {
  const connection = await connectMysql(db.options)
  try {
    return await mysqlDialectAt(connection.server).introspect(connection, { ignoreTables: [] })
  } finally {
    await connection.close()
  }
}

function sessionOn(db: TestDatabase): Promise<Connection> {
  return createConnection({ ...mariadbServer, database: db.options.database as string })
}

async function waitForLockWait(database: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const rows = await db0Query(`SELECT 1 FROM information_schema.PROCESSLIST WHERE STATE = 'Waiting for table metadata lock' AND INFO LIKE 'DROP DATABASE%${database}%'`)
    if (rows.length > 0) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the DROP DATABASE never waited')
}

async function db0Query(sql: string): Promise<unknown[]> {
  const connection = await createConnection(mariadbServer)
  try {
    const [rows] = await connection.query(sql)
    return rows as unknown[]
  } finally {
    await connection.end()
  }
}

function withinSeconds<T>(seconds: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still reading after ${seconds} s: waiting on another database's lock`)), seconds * 1000)
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}
