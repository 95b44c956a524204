import { storedTemporalDefault } from '../../../src/dialect/mysql/mysql-temporal-defaults'

describe('storedTemporalDefault', () => {
  it.each([
    ["'2020-01-01'", 'datetime', undefined, "'2020-01-01 00:00:00'"],
    ["'2020-01-01 00:00:00.000'", 'datetime', 6, "'2020-01-01 00:00:00.000000'"],
    ["'2020-01-01T10:00:00'", 'timestamp', 3, "'2020-01-01 10:00:00.000'"],
    ["'2020-01-01 10:00:00.000'", 'datetime', undefined, "'2020-01-01 10:00:00'"],
    ["'2020-1-2'", 'date', undefined, "'2020-01-02'"],
    ["'2020-01-01 00:00:00'", 'date', undefined, "'2020-01-01'"],
    ["'10:00'", 'time', undefined, "'10:00:00'"],
    ["'100:00:01.5'", 'time', 2, "'100:00:01.50'"],
    ["'-1:02:03'", 'time', undefined, "'-01:02:03'"],
    // What MySQL rounds and MariaDB truncates, and what is no date, stay as written.
    ["'2020-01-01 10:00:00.7'", 'datetime', undefined, "'2020-01-01 10:00:00.7'"],
    ["'2020-01-01 10:00:00'", 'date', undefined, "'2020-01-01 10:00:00'"],
    ["'0'", 'time', undefined, "'0'"],
    ['CURRENT_TIMESTAMP(3)', 'datetime', 3, 'CURRENT_TIMESTAMP(3)'],
    ["'2020-01-01'", 'varchar', undefined, "'2020-01-01'"],
  ])('%s on %s(%s) is %s', (canonical, type, precision, expected) => {
    expect(storedTemporalDefault(canonical, type, precision)).toBe(expected)
  })
})
