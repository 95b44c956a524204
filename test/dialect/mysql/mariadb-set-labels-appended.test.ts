import { connectMysql } from '../../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import type { Dialect } from '../../../src/dialect/dialect'
import type { TableModel } from '../../../src/model/schema-model'
import { changeSetOf } from '../../../src/plan/change-set'
import { alterColumn } from '../../../src/plan/column-change'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'
import { col, myTable, mySchema } from './my-models'

// A SET stores one bit per label in 1, 2, 3, 4 or 8 bytes (up to 8, 16, 24, 32 and 64 labels). Labels added at the end
// were claimed ALGORITHM=INSTANT up to 255 labels, ENUM's one byte, but MariaDB 10.11 changes a SET instantly only
// while its bytes stay the same: set('a',...,'h') given a ninth label failed with "ALGORITHM=INSTANT is not supported.
// Reason: Cannot change column type. Try ALGORITHM=COPY". Found on taozhi1010/nest-admin's sys_user.tags.

const labels = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i))

describe('MariaDB: SET labels added at the end', () => {
  let db: TestDatabase
  let dialect: Dialect
  beforeAll(async () => {
    db = await createMariaDbDatabase('set_labels')
    const connection = await connectMysql(db.options)
    dialect = mysqlDialectAt(connection.server)
    await connection.close()
  })
  afterAll(async () => db?.drop())

  const cases: [string, number, number, boolean][] = [
    ['3 to 4 labels (one byte both)', 3, 4, true],
    ['4 to 8 labels (one byte both)', 4, 8, true],
    ['8 to 9 labels (one byte to two)', 8, 9, false],
    ['9 to 11 labels (two bytes both)', 9, 11, true],
    ['16 to 17 labels (two bytes to three)', 16, 17, false],
  ]
  it.each(cases)('%s: INSTANT claimed only where the bytes stay, and the ALTER runs on a table with rows', async (_, before, after, instant) => {
    const name = `tags_${before}_${after}`
    const tags = col('tags', 'set', { enumValues: labels(before), default: "'b'" })
    const table: TableModel = myTable(name, [col('id'), tags], { primaryKey: { columns: ['id'] } })
    for (const statement of dialect.compile(changeSetOf(mySchema([]), [{ kind: 'create_table', table }]))) await db.query(statement.sql)
    await db.query(`INSERT INTO ${name} (id, tags) VALUES (1, 'a,${labels(before).at(-1)}'), (2, '')`)
    const statements = dialect.compile(changeSetOf(mySchema([table]), [alterColumn(table, tags, { ...tags, enumValues: labels(after) })]))
    const alter = statements.map((s) => s.sql).find((sql) => sql.startsWith('ALTER TABLE'))!
    expect(alter.includes('ALGORITHM=INSTANT')).toBe(instant)
    for (const statement of statements) await db.query(statement.sql)
    expect(await db.query(`SELECT tags FROM ${name} ORDER BY id`)).toEqual([{ tags: `a,${labels(before).at(-1)}` }, { tags: '' }])
  })
})
