import { storedCurrentTimestamp } from '../../../src/dialect/mysql/mysql-current-timestamp'
import { mysqlServerOf } from '../../../src/dialect/mysql/mysql-server'
import { canonicalMysqlColumn } from '../../../src/dialect/mysql/mysql-canonical-table'
import { columnDefinitionSql } from '../../../src/dialect/mysql/mysql-column-sql'
import type { ColumnModel } from '../../../src/model/schema-model'

const mariadb = mysqlServerOf('10.11.6-MariaDB-0+deb12u1', 'STRICT_TRANS_TABLES')
const mysql8 = mysqlServerOf('8.0.36', 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION')

// Measured on MariaDB 10.11: `datetime(6) DEFAULT now()` reads back current_timestamp(6), `datetime(6) DEFAULT now(3)`
// current_timestamp(3), `datetime(3) DEFAULT current_timestamp(6)` current_timestamp(3). MySQL 8 refuses all but
// the column's precision (ERROR 1067, Invalid default value).
describe('storedCurrentTimestamp', () => {
  it.each([
    ['CURRENT_TIMESTAMP', 6, 'CURRENT_TIMESTAMP(6)'],
    ['CURRENT_TIMESTAMP', 3, 'CURRENT_TIMESTAMP(3)'],
    ['CURRENT_TIMESTAMP', undefined, 'CURRENT_TIMESTAMP'],
    ['CURRENT_TIMESTAMP(3)', 6, 'CURRENT_TIMESTAMP(3)'],
    ['CURRENT_TIMESTAMP(6)', 3, 'CURRENT_TIMESTAMP(3)'],
    ['CURRENT_TIMESTAMP(6)', undefined, 'CURRENT_TIMESTAMP'],
    ["'2020-01-01 00:00:00'", 6, "'2020-01-01 00:00:00'"],
  ])('on MariaDB, %s on a column of %s digits is %s', (expression, precision, expected) => {
    expect(storedCurrentTimestamp(expression, precision, mariadb)).toBe(expected)
  })

  it.each([mysql8, undefined])('on MySQL 8, or before the server is known, no digits stay none (MySQL refuses them on a column with some)', (server) => {
    expect(storedCurrentTimestamp('CURRENT_TIMESTAMP', 6, server)).toBe('CURRENT_TIMESTAMP')
    expect(storedCurrentTimestamp('CURRENT_TIMESTAMP(6)', 6, server)).toBe('CURRENT_TIMESTAMP(6)')
    expect(storedCurrentTimestamp('CURRENT_TIMESTAMP(6)', 3, server)).toBe('CURRENT_TIMESTAMP(3)')
  })

  it('leaves no expression as none', () => {
    expect(storedCurrentTimestamp(undefined, 6, mariadb)).toBeUndefined()
  })
})

// fantasticit/wipi's `@CreateDateColumn({ type: 'datetime' })` given `precision: 3`: TypeORM's default for it is
// CURRENT_TIMESTAMP(6) whatever the precision. The model compared it as CURRENT_TIMESTAMP(3), but the migration wrote
// `datetime(3) ... DEFAULT CURRENT_TIMESTAMP(6)` as declared, which MySQL 8 refuses (ERROR 1067). It writes the column's digits.
describe('the written default of a CURRENT_TIMESTAMP with more digits than its column', () => {
  const created = (precision: number): ColumnModel => ({ name: 'create_at', type: 'datetime', precision, nullable: false, default: 'CURRENT_TIMESTAMP(6)', defaultSql: 'CURRENT_TIMESTAMP(6)' })
  it.each([mysql8, mariadb])('has the column\'s digits (%#)', (server) => {
    expect(canonicalMysqlColumn(created(3), server)).toMatchObject({ default: 'CURRENT_TIMESTAMP(3)', defaultSql: 'CURRENT_TIMESTAMP(3)' })
    expect(columnDefinitionSql(canonicalMysqlColumn(created(3), server), server)).toContain('DEFAULT CURRENT_TIMESTAMP(3)')
    expect(canonicalMysqlColumn(created(6), server)).toMatchObject({ default: 'CURRENT_TIMESTAMP(6)', defaultSql: 'CURRENT_TIMESTAMP(6)' })
  })
})
