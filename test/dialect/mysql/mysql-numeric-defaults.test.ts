import { storedNumericDefault } from '../../../src/dialect/mysql/mysql-numeric-defaults'

describe('storedNumericDefault', () => {
  it.each([
    ['1.5', 'int', undefined, '2'],
    ['2.5', 'tinyint', undefined, '3'],
    ['-0.5', 'bigint', undefined, '-1'],
    ['-0.4', 'int', undefined, '0'],
    ['7.49', 'int unsigned', undefined, '7'],
    ['1.5', 'decimal', 0, '2'],
    ['-2.5', 'decimal', 0, '-3'],
    ['1.005', 'decimal', 2, '1.01'],
    ['9.995', 'decimal', 2, '10'],
    ['99999999999999999999.5', 'decimal', 0, '100000000000000000000'],
    ['0.12', 'decimal', 1, '0.1'],
    // What the column keeps as written, and what is no number or no fixed-point column, stays as it is.
    ['12.3', 'decimal', 2, '12.3'],
    ['5', 'int', undefined, '5'],
    ['1.5', 'double', undefined, '1.5'],
    ['1.5', 'float', undefined, '1.5'],
    ["'1.5'", 'varchar', undefined, "'1.5'"],
    ['(1 + 1)', 'int', undefined, '(1 + 1)'],
  ])('%s on %s (scale %s) is %s', (canonical, type, scale, expected) => {
    expect(storedNumericDefault(canonical, type, scale)).toBe(expected)
  })
})
