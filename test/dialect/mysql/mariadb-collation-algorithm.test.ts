import { connectMysql } from '../../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import type { Dialect } from '../../../src/dialect/dialect'
import type { ColumnModel, TableModel } from '../../../src/model/schema-model'
import { changeSetOf } from '../../../src/plan/change-set'
import { alterColumn } from '../../../src/plan/column-change'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'
import { col, myTable, mySchema, mysql8 } from './my-models'

// MariaDB (10.5 and later, checked on 10.11) changes a column's collation within its character set without copying
// the table: instantly where no key holds the column, rebuilding only the index (ALGORITHM=INPLACE, LOCK=NONE)
// where one does. Every such change was claimed a copy, warned of as TABLE_REBUILD ("every row copied"). Found on
// TESOSOFTWARE/momlingo-backend's tags.name made utf8mb4_bin. The primary key's column and a change of character set
// still copy it (MariaDB: "Cannot change column type. Try ALGORITHM=COPY"); MySQL 8 copies the table for both.

const name = (extra: Partial<ColumnModel> = {}) => col('name', 'varchar', { length: 60, ...extra })

function alterSql(dialect: Dialect, table: TableModel, to: ColumnModel) {
  const from = table.columns.find((c) => c.name === to.name)!
  const statements = dialect.compile(changeSetOf(mySchema([table]), [alterColumn(table, from, to)]))
  return statements.find((s) => s.sql.startsWith('ALTER TABLE'))!
}

describe('MariaDB: a column given another collation of its character set', () => {
  let db: TestDatabase
  let dialect: Dialect
  beforeAll(async () => {
    db = await createMariaDbDatabase('collation_algorithm')
    const connection = await connectMysql(db.options)
    dialect = mysqlDialectAt(connection.server)
    await connection.close()
  })
  afterAll(async () => db?.drop())

  const cases: [string, Partial<TableModel>, Partial<ColumnModel>, Partial<ColumnModel>, string | undefined, boolean][] = [
    ['no key holds it: instant', {}, {}, { collation: 'utf8mb4_bin' }, 'ALGORITHM=INSTANT', false],
    ['a unique key holds it: its index rebuilt in place', { uniques: [{ name: 'uq_name', columns: ['name'] }] }, {}, { collation: 'utf8mb4_bin' }, 'ALGORITHM=INPLACE, LOCK=NONE', false],
    ['back to the table\'s collation, under an index', { indexes: [{ name: 'ix_name', columns: ['name'], unique: false }] }, { collation: 'utf8mb4_bin' }, { collation: undefined }, 'ALGORITHM=INPLACE, LOCK=NONE', false],
    ['the primary key\'s column: copied', { primaryKey: { columns: ['name'] } }, {}, { collation: 'utf8mb4_bin' }, undefined, true],
    ['another character set: copied', {}, {}, { charset: 'latin1', collation: 'latin1_bin' }, undefined, true],
  ]
  it.each(cases)('%s, and the ALTER runs on a table with rows', async (label, shape, from, to, clause, rebuild) => {
    const tableName = `t_${cases.findIndex((c) => c[0] === label)}`
    const table: TableModel = myTable(tableName, [col('id'), name(from)], { primaryKey: { columns: ['id'] }, charset: 'utf8mb4', collation: 'utf8mb4_general_ci', ...shape })
    for (const statement of dialect.compile(changeSetOf(mySchema([]), [{ kind: 'create_table', table }]))) await db.query(statement.sql)
    await db.query(`INSERT INTO ${tableName} (id, name) VALUES (1, 'Baby'), (2, 'cat')`)
    const alter = alterSql(dialect, table, name({ ...from, ...to }))
    expect(/ALGORITHM=[A-Z]+(, LOCK=NONE)?$/.exec(alter.sql)?.[0]).toBe(clause)
    expect(alter.rebuild !== undefined).toBe(rebuild)
    await db.query(alter.sql)
    expect(await db.query(`SELECT name FROM ${tableName} ORDER BY id`)).toEqual([{ name: 'Baby' }, { name: 'cat' }])
  })

  it('MySQL 8 copies the table for it, a key holding the column or not', () => {
    const mysql = mysqlDialectAt(mysql8)
    const table = myTable('t_mysql', [col('id'), name()], { primaryKey: { columns: ['id'] }, charset: 'utf8mb4', collation: 'utf8mb4_0900_ai_ci' })
    const alter = alterSql(mysql, table, name({ collation: 'utf8mb4_bin' }))
    expect(alter.sql).not.toContain('ALGORITHM')
    expect(alter.rebuild).toBe('t_mysql')
  })
})
