import { atLeast, mysqlServerOf, strictMode } from '../../../src/dialect/mysql/mysql-server'

// The server a connection reads once: product and version from VERSION() as MariaDB and MySQL 8 spell it,
// strictness from sql_mode. MySQL 8 cannot run here, so its branches are read from its version strings.

describe('mysqlServerOf', () => {
  it.each([
    ['10.11.6-MariaDB-0+deb12u1', 'mariadb', [10, 11, 6]],
    ['10.5.23-MariaDB-log', 'mariadb', [10, 5, 23]],
    ['5.5.5-10.11.6-MariaDB', 'mariadb', [5, 5, 5]],
    ['8.0.36', 'mysql', [8, 0, 36]],
    ['8.4.0-commercial', 'mysql', [8, 4, 0]],
    ['8.0.36-0ubuntu0.22.04.1', 'mysql', [8, 0, 36]],
    ['not a version', 'mysql', [0, 0, 0]],
  ])('reads %s as %s %j', (text, product, version) => {
    expect(mysqlServerOf(text, '')).toEqual({ product, version, sqlMode: [] })
  })

  it('reads sql_mode flags upper case, without blanks', () => {
    expect(mysqlServerOf('8.0.36', 'strict_trans_tables, NO_ZERO_DATE,,ONLY_FULL_GROUP_BY').sqlMode)
      .toEqual(['STRICT_TRANS_TABLES', 'NO_ZERO_DATE', 'ONLY_FULL_GROUP_BY'])
  })
})

describe('atLeast', () => {
  const server = mysqlServerOf('10.11.6-MariaDB', '')
  it.each([
    [10, 11, 6, true], [10, 11, 7, false], [10, 7, 0, true], [10, 12, 0, false], [11, 0, 0, false], [9, 99, 99, true],
  ])('10.11.6 is at least %d.%d.%d: %s', (major, minor, patch, expected) => {
    expect(atLeast(server, major, minor, patch)).toBe(expected)
  })

  it('takes minor and patch as 0 when left out', () => {
    expect(atLeast(mysqlServerOf('8.0.0', ''), 8)).toBe(true)
    expect(atLeast(mysqlServerOf('7.9.9', ''), 8)).toBe(false)
  })
})

describe('strictMode', () => {
  it.each([
    ['STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION', true],
    ['STRICT_ALL_TABLES', true],
    ['ONLY_FULL_GROUP_BY,NO_ENGINE_SUBSTITUTION', false],
    ['', false],
  ])('sql_mode %j is strict: %s', (mode, expected) => {
    expect(strictMode(mysqlServerOf('10.11.6-MariaDB', mode))).toBe(expected)
  })
})
