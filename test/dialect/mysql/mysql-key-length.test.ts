import { connectMysql, type MysqlConnection } from '../../../src/dialect/mysql/mysql-connection'
import { keysTooLong } from '../../../src/dialect/mysql/mysql-key-length'
import { refuseAll } from '../../../src/source/refusals'
import type { MysqlServer } from '../../../src/dialect/mysql/mysql-server'
import { column, schema, table } from '../../support/model-builders'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'

const refuseKeysTooLong = async (...args: Parameters<typeof keysTooLong>): Promise<void> => refuseAll(await keysTooLong(...args))

// Which keys of string columns past InnoDB's 3072 bytes each server refuses, the charsets read from the
// database: a unique is refused on MySQL only (MariaDB keeps it as a HASH key), a one-column index on neither
// (both index a prefix of the column).

const mysql8: MysqlServer = { product: 'mysql', version: [8, 0, 36], sqlMode: ['STRICT_TRANS_TABLES'] }
const mariadb: MysqlServer = { product: 'mariadb', version: [10, 11, 0], sqlMode: ['STRICT_TRANS_TABLES'] }
const strings = (...names: string[]) => names.map((n) => column(n, 'varchar', { length: 255, nullable: false }))

let db: TestDatabase
let connection: MysqlConnection
beforeAll(async () => {
  db = await createMariaDbDatabase('keylength')
  await db.query('CREATE TABLE narrow (a varchar(255), b varchar(255), c varchar(255), d varchar(255)) CHARSET latin1')
  connection = await connectMysql(db.options)
})
afterAll(async () => {
  await connection?.close()
  await db?.drop()
})

describe('mysql: keys too long for InnoDB', () => {
  const unique = schema([table('t', strings('a', 'b', 'c', 'd'), { uniques: [{ name: 'UQ_t', columns: ['a', 'b', 'c', 'd'] }] })])
  const oneColumn = schema([table('t', [column('url', 'varchar', { length: 1000, nullable: false })], { indexes: [{ name: 'IDX_t', columns: ['url'], unique: false }] })])
  const primary = schema([table('t', strings('a', 'b', 'c', 'd'), { primaryKey: { columns: ['a', 'b', 'c', 'd'] } })])

  it('a unique over 4080 bytes: refused on MySQL, kept on MariaDB', async () => {
    await expect(refuseKeysTooLong(unique, connection, mysql8)).rejects.toThrow('"t": unique "UQ_t" (a, b, c, d) takes 4080 bytes in utf8mb4, over the 3072 InnoDB allows in a key')
    await expect(refuseKeysTooLong(unique, connection, mariadb)).resolves.toBeUndefined()
  })

  it('a one-column index over 3072 bytes: kept on both', async () => {
    await expect(refuseKeysTooLong(oneColumn, connection, mysql8)).resolves.toBeUndefined()
    await expect(refuseKeysTooLong(oneColumn, connection, mariadb)).resolves.toBeUndefined()
  })

  it('a primary key over 4080 bytes: refused on both, unless its table is latin1 in the database (then it reads the charsets once)', async () => {
    await expect(refuseKeysTooLong(primary, connection, mariadb)).rejects.toThrow('"t": its primary key (a, b, c, d) takes 4080 bytes in utf8mb4')
    const before = connection.queryCount
    await expect(refuseKeysTooLong(schema([{ ...primary.tables[0]!, name: 'narrow' }]), connection, mysql8)).resolves.toBeUndefined()
    expect(connection.queryCount - before).toBe(1)
  })

  it('a TEXT or BLOB column keyed whole with others takes all of it: refused on both; keyed alone, or tinytexts that fit, kept', async () => {
    const withText = (indexColumns: string[], columns = [column('userId', 'int'), column('body', 'text')], method?: string) =>
      schema([table('t', columns, { indexes: [{ name: 'IDX_t', columns: indexColumns, unique: false, ...(method !== undefined && { method }) }] })])
    for (const server of [mariadb, mysql8]) {
      await expect(refuseKeysTooLong(withText(['userId', 'body']), connection, server))
        .rejects.toThrow('"t": index "IDX_t" (userId, body) takes 262140 bytes in utf8mb4, over the 3072 InnoDB allows in a key, so the server would refuse it: ' +
          'give "body" a varchar type with a length (type: \'varchar\', length: 255), or key it alone, which the server indexes by a prefix, then run again')
    }
    await expect(refuseKeysTooLong(withText(['userId', 'digest'], [column('userId', 'int'), column('digest', 'blob')]), connection, mariadb)).rejects.toThrow('takes 65535 bytes')
    await expect(refuseKeysTooLong(withText(['body']), connection, mariadb)).resolves.toBeUndefined()
    await expect(refuseKeysTooLong(withText(['a', 'b'], [column('a', 'tinytext'), column('b', 'tinytext')]), connection, mariadb)).resolves.toBeUndefined()
    await expect(refuseKeysTooLong(withText(['userId', 'body'], undefined, 'fulltext'), connection, mariadb)).resolves.toBeUndefined()
  })

  it('keys that fit whatever the charset ask nothing of the database', async () => {
    const before = connection.queryCount
    await refuseKeysTooLong(schema([table('t', strings('a', 'b', 'c'), { primaryKey: { columns: ['a', 'b', 'c'] } })]), connection, mysql8)
    expect(connection.queryCount).toBe(before)
  })
})
