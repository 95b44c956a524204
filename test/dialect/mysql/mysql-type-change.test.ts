import { classifyMysqlTypeChange } from '../../../src/dialect/mysql/mysql-type-change'
import { mysqlTypeFamilies, mysqlTypeLimits } from '../../../src/dialect/mysql/mysql-type-families'
import type { ColumnModel } from '../../../src/model/schema-model'

const c = (type: string, extra: Partial<ColumnModel> = {}): ColumnModel => ({ name: 'x', type, nullable: true, ...extra })

describe('classifyMysqlTypeChange', () => {
  it.each([
    ['longer varchar within one length byte in any charset (63 characters of 4 bytes)', c('varchar', { length: 20 }), c('varchar', { length: 63 }), 'safe'],
    ['longer varchar within one length byte in latin1', c('varchar', { length: 50, charset: 'latin1' }), c('varchar', { length: 255, charset: 'latin1' }), 'safe'],
    ['longer varchar past 255 bytes in utf8mb4 (50 to 100 characters: copy)', c('varchar', { length: 50, charset: 'utf8mb4' }), c('varchar', { length: 100, charset: 'utf8mb4' }), 'rewrite'],
    ['longer varchar past 255 bytes on both sides in utf8mb4', c('varchar', { length: 255, charset: 'utf8mb4' }), c('varchar', { length: 500, charset: 'utf8mb4' }), 'safe'],
    ['longer varchar of the table\'s charset, which may pass 255 bytes', c('varchar', { length: 50 }), c('varchar', { length: 255 }), 'rewrite'],
    ['longer varbinary within one length byte', c('varbinary', { length: 50 }), c('varbinary', { length: 255 }), 'safe'],
    ['longer varchar past 255 (the length prefix grows: copy)', c('varchar', { length: 100 }), c('varchar', { length: 300 }), 'rewrite'],
    ['longer varchar past 255 on both sides', c('varchar', { length: 300 }), c('varchar', { length: 1000 }), 'safe'],
    ['shorter varchar', c('varchar', { length: 50 }), c('varchar', { length: 20 }), 'narrowing'],
    ['varchar to text', c('varchar', { length: 50 }), c('text'), 'rewrite'],
    ['longtext to text', c('longtext'), c('text'), 'narrowing'],
    ['text to varchar', c('text'), c('varchar', { length: 255 }), 'narrowing'],
    ['int to bigint', c('int'), c('bigint'), 'rewrite'],
    ['bigint to int', c('bigint'), c('int'), 'narrowing'],
    ['int to int unsigned', c('int'), c('int unsigned'), 'narrowing'],
    ['int unsigned to int', c('int unsigned'), c('int'), 'narrowing'],
    ['int unsigned to bigint', c('int unsigned'), c('bigint'), 'rewrite'],
    ['int to int unsigned zerofill', c('int unsigned'), c('int unsigned zerofill'), 'rewrite'],
    ['tinyint(1) to int', c('tinyint', { length: 1 }), c('int'), 'rewrite'],
    ['decimal more digits', c('decimal', { precision: 8, scale: 2 }), c('decimal', { precision: 10, scale: 2 }), 'rewrite'],
    ['decimal fewer decimals', c('decimal', { precision: 8, scale: 2 }), c('decimal', { precision: 8, scale: 1 }), 'narrowing'],
    ['int to decimal(12,2)', c('int'), c('decimal', { precision: 12, scale: 2 }), 'rewrite'],
    ['int to decimal(5,0)', c('int'), c('decimal', { precision: 5, scale: 0 }), 'narrowing'],
    ['float to double', c('float'), c('double'), 'rewrite'],
    ['double to float', c('double'), c('float'), 'narrowing'],
    ['datetime(6) to datetime', c('datetime', { precision: 6 }), c('datetime'), 'narrowing'],
    ['datetime to datetime(6)', c('datetime'), c('datetime', { precision: 6 }), 'rewrite'],
    ['datetime to timestamp (smaller range)', c('datetime'), c('timestamp'), 'narrowing'],
    ['timestamp to datetime', c('timestamp'), c('datetime'), 'rewrite'],
    ['date to datetime', c('date'), c('datetime'), 'rewrite'],
    ['varchar to int', c('varchar', { length: 10 }), c('int'), 'cast_may_fail'],
    ['varchar to datetime', c('varchar', { length: 30 }), c('datetime'), 'cast_may_fail'],
    ['text to json', c('text'), c('json'), 'cast_may_fail'],
    ['json to longtext (no document is longer)', c('json'), c('longtext'), 'rewrite'],
    ['json to text', c('json'), c('text'), 'narrowing'],
    ['int to varchar(20)', c('int'), c('varchar', { length: 20 }), 'rewrite'],
    ['bigint to varchar(5)', c('bigint'), c('varchar', { length: 5 }), 'narrowing'],
    ['varchar(10) in utf8mb4 to varbinary(40) (its bytes fit)', c('varchar', { length: 10, charset: 'utf8mb4' }), c('varbinary', { length: 40 }), 'rewrite'],
    ['varchar(10) in utf8mb4 to binary(10) (counted in bytes)', c('varchar', { length: 10, charset: 'utf8mb4' }), c('binary', { length: 10 }), 'narrowing'],
    ['double to binary(24) (its longest text)', c('double'), c('binary', { length: 24 }), 'rewrite'],
    ['bit(8) to varchar(3) (255 is its longest number)', c('bit', { length: 8 }), c('varchar', { length: 3 }), 'rewrite'],
    ['enum gains a label at the end', c('enum', { enumValues: ['a', 'b'] }), c('enum', { enumValues: ['a', 'b', 'c'] }), 'safe'],
    ['enum labels reordered (stored indexes change)', c('enum', { enumValues: ['a', 'b'] }), c('enum', { enumValues: ['b', 'a'] }), 'rewrite'],
    ['enum loses a label', c('enum', { enumValues: ['a', 'b'] }), c('enum', { enumValues: ['a'] }), 'cast_may_fail'],
    ['varchar to enum', c('varchar', { length: 5 }), c('enum', { enumValues: ['a'] }), 'cast_may_fail'],
    ['enum to varchar', c('enum', { enumValues: ['a', 'bb'] }), c('varchar', { length: 10 }), 'rewrite'],
    ['int to enum (a number is read as a label\'s position)', c('int'), c('enum', { enumValues: ['a', 'b'] }), 'label_positions'],
    ['tinyint unsigned to enum', c('tinyint unsigned'), c('enum', { enumValues: ['a'] }), 'label_positions'],
    ['decimal to enum', c('decimal', { precision: 5, scale: 2 }), c('enum', { enumValues: ['a'] }), 'label_positions'],
    ['enum to bigint (a label is stored as its position)', c('enum', { enumValues: ['a', 'b'] }), c('bigint'), 'label_positions'],
    ['enum to double', c('enum', { enumValues: ['a'] }), c('double'), 'label_positions'],
    ['int to set (a number is read as a bit mask of labels)', c('int'), c('set', { enumValues: ['a'] }), 'label_bits'],
    ['decimal to set', c('decimal', { precision: 5, scale: 2 }), c('set', { enumValues: ['a', 'b'] }), 'label_bits'],
    ['set to bigint unsigned (a set is stored as the sum of its bits)', c('set', { enumValues: ['a', 'b'] }), c('bigint unsigned'), 'label_bits'],
    ['varchar to set', c('varchar', { length: 5 }), c('set', { enumValues: ['a'] }), 'cast_may_fail'],
    ['char longer', c('char', { length: 2 }), c('char', { length: 3 }), 'rewrite'],
    ['varbinary to blob', c('varbinary', { length: 16 }), c('blob'), 'rewrite'],
    ['blob to tinyblob', c('blob'), c('tinyblob'), 'narrowing'],
    ['uuid to bigint (its text parsed as a number)', c('uuid'), c('bigint'), 'cast_may_fail'],
    ['uuid to decimal', c('uuid'), c('decimal', { precision: 40, scale: 0 }), 'cast_may_fail'],
    ['uuid to double', c('uuid'), c('double'), 'cast_may_fail'],
    ['uuid to datetime', c('uuid'), c('datetime'), 'cast_may_fail'],
    ['bigint to uuid', c('bigint'), c('uuid'), 'cast_may_fail'],
    ['datetime to uuid', c('datetime'), c('uuid'), 'cast_may_fail'],
    ['uuid to varchar(36)', c('uuid'), c('varchar', { length: 36 }), 'rewrite'],
    ['uuid to varchar(20)', c('uuid'), c('varchar', { length: 20 }), 'narrowing'],
    ['year to smallint (0 and 1901..2155 fit)', c('year'), c('smallint'), 'rewrite'],
    ['year to int unsigned', c('year'), c('int unsigned'), 'rewrite'],
    ['year to tinyint unsigned (2155 does not fit)', c('year'), c('tinyint unsigned'), 'narrowing'],
    ['year to varchar(4)', c('year'), c('varchar', { length: 4 }), 'rewrite'],
    ['year to varchar(3)', c('year'), c('varchar', { length: 3 }), 'narrowing'],
    ['smallint to year (only 0 and 1901..2155 are kept as they are)', c('smallint'), c('year'), 'narrowing'],
    ['decimal to year', c('decimal', { precision: 6, scale: 1 }), c('year'), 'narrowing'],
    ['varchar to year (its text parsed as a year)', c('varchar', { length: 4 }), c('year'), 'cast_may_fail'],
    ['decimal made unsigned (negative values do not fit)', c('decimal', { precision: 5, scale: 2 }), c('decimal unsigned', { precision: 7, scale: 2 }), 'narrowing'],
    ['decimal unsigned made signed and wider', c('decimal unsigned', { precision: 5, scale: 2 }), c('decimal', { precision: 7, scale: 2 }), 'rewrite'],
    ['double made unsigned', c('double'), c('double unsigned'), 'narrowing'],
    ['float to double unsigned', c('float'), c('double unsigned'), 'narrowing'],
    ['int to decimal(12,2) unsigned', c('int'), c('decimal unsigned', { precision: 12, scale: 2 }), 'narrowing'],
    ['int unsigned to decimal(12,2) unsigned', c('int unsigned'), c('decimal unsigned', { precision: 12, scale: 2 }), 'rewrite'],
  ])('%s', (_what, from, to, expected) => {
    expect(classifyMysqlTypeChange(from, to)).toBe(expected)
  })

  it.each([
    ['255 to 320 characters in a utf8mb4 table: two length bytes on both sides (MariaDB changes it INSTANT)', 'utf8mb4', 255, 320, 'safe'],
    ['50 to 100 characters in a utf8mb4 table: 200 bytes to 400, the prefix grows (a copy)', 'utf8mb4', 50, 100, 'rewrite'],
    ['50 to 250 characters in a latin1 table: one length byte on both sides', 'latin1', 50, 250, 'safe'],
    ['100 to 200 characters in a utf8mb3 table: 300 bytes to 600', 'utf8mb3', 100, 200, 'safe'],
  ])('a longer varchar naming no charset has the table\'s: %s', (_what, charset, from, to, expected) => {
    expect(classifyMysqlTypeChange(c('varchar', { length: from }), c('varchar', { length: to }), { charset })).toBe(expected)
  })

  it("a varchar's own charset wins over the table's", () => {
    const [from, to] = [c('varchar', { length: 50, charset: 'latin1' }), c('varchar', { length: 250, charset: 'latin1' })]
    expect(classifyMysqlTypeChange(from, to, { charset: 'utf8mb4' })).toBe('safe')
  })
})

describe('mysql type families and limits', () => {
  it('integers signed, unsigned and zerofill are one family; unsigned ranges start at 0', () => {
    expect(mysqlTypeFamilies.find((f) => f.includes('int'))).toEqual(expect.arrayContaining(['tinyint', 'bigint unsigned', 'int unsigned zerofill']))
    expect(mysqlTypeLimits.integerRanges['int unsigned']).toEqual(['0', '4294967295'])
    expect(mysqlTypeLimits.integerRanges['bigint unsigned zerofill']).toEqual(['0', '18446744073709551615'])
    expect(mysqlTypeLimits.integerRanges.mediumint).toEqual(['-8388608', '8388607'])
    expect(mysqlTypeLimits.decimalTypes).toEqual(['decimal', 'decimal unsigned', 'decimal unsigned zerofill'])
    expect(mysqlTypeLimits.unsignedDecimalTypes).toEqual(['decimal unsigned', 'decimal unsigned zerofill'])
  })
})
