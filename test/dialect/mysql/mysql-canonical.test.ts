import { checksQuery, type ColumnRow, type IndexRow, indexesQuery, type TableRow } from '../../../src/dialect/mysql/mysql-catalog-queries'
import { columnOf, indexesOf, jsonCheckColumn } from '../../../src/dialect/mysql/mysql-catalog-rows'
import { canonicalMysqlColumn } from '../../../src/dialect/mysql/mysql-canonical-table'
import { canonicalMysqlDefault, canonicalNumber, defaultSqlOf } from '../../../src/dialect/mysql/mysql-defaults'
import { canonicalMysqlExpression } from '../../../src/dialect/mysql/mysql-expressions'
import { normalizeMysql, withForeignKeyIndexes } from '../../../src/dialect/mysql/mysql-normalize'
import { mysqlServerOf } from '../../../src/dialect/mysql/mysql-server'
import { canonicalMysqlType } from '../../../src/dialect/mysql/mysql-types'
import type { ColumnModel, TableModel } from '../../../src/model/schema-model'

const mariadb = mysqlServerOf('10.11.6-MariaDB-0+deb12u1', 'STRICT_TRANS_TABLES')
const oldMariadb = mysqlServerOf('10.1.48-MariaDB', '')
const mysql8 = mysqlServerOf('8.0.36', 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION')

describe('canonicalMysqlType', () => {
  it.each([
    ['int(11)', { type: 'int' }],
    ['INTEGER', { type: 'int' }],
    ['int(10) unsigned', { type: 'int unsigned' }],
    ['bigint(20) unsigned zerofill', { type: 'bigint unsigned zerofill', length: 20 }],
    ['int(6) unsigned zerofill', { type: 'int unsigned zerofill', length: 6 }],
    ['int unsigned zerofill', { type: 'int unsigned zerofill', length: 10 }],
    ['tinyint(1)', { type: 'tinyint', length: 1 }],
    ['tinyint(4)', { type: 'tinyint' }],
    ['boolean', { type: 'tinyint', length: 1 }],
    ['varchar(40)', { type: 'varchar', length: 40 }],
    ['character varying(9)', { type: 'varchar', length: 9 }],
    ['nchar(2)', { type: 'char', length: 2 }],
    ['decimal(8,2)', { type: 'decimal', precision: 8, scale: 2 }],
    ['numeric', { type: 'decimal', precision: 10, scale: 0 }],
    ['float', { type: 'float' }],
    ['float(10)', { type: 'float' }],
    ['float(30)', { type: 'double' }],
    ['float(7,3)', { type: 'float', precision: 7, scale: 3 }],
    ['double precision', { type: 'double' }],
    ['double(10,3)', { type: 'double', precision: 10, scale: 3 }],
    ['double(22)', { type: 'double' }],
    ['datetime(6)', { type: 'datetime', precision: 6 }],
    ['timestamp(0)', { type: 'timestamp' }],
    ['bit(3)', { type: 'bit', length: 3 }],
    // Without a length, the server stores char, binary and bit with a length of 1.
    ['char', { type: 'char', length: 1 }],
    ['national char', { type: 'char', length: 1 }],
    ['binary', { type: 'binary', length: 1 }],
    ['bit', { type: 'bit', length: 1 }],
    ['varbinary(16)', { type: 'varbinary', length: 16 }],
    ["enum('a','b''c','d,e')", { type: 'enum', enumValues: ['a', "b'c", 'd,e'] }],
    ["set('x','y')", { type: 'set', enumValues: ['x', 'y'] }],
    ['point', { type: 'point' }],
    ['longtext', { type: 'longtext' }],
  ])('%s', (spelling, expected) => {
    expect(canonicalMysqlType(spelling)).toEqual(expected)
  })

  it('the entity side gives its parameters apart, and enum labels', () => {
    expect(canonicalMysqlType('varchar', { length: 255 })).toEqual({ type: 'varchar', length: 255 })
    expect(canonicalMysqlType('decimal', { precision: 5, scale: 2 })).toEqual({ type: 'decimal', precision: 5, scale: 2 })
    expect(canonicalMysqlType('datetime', { precision: 0 })).toEqual({ type: 'datetime' })
    expect(canonicalMysqlType('enum', {}, ['a', 'b'])).toEqual({ type: 'enum', enumValues: ['a', 'b'] })
    expect(canonicalMysqlType('int unsigned', { length: 11 })).toEqual({ type: 'int unsigned' })
    // `@Column('double', { precision: 22 })`: the server has no double(p), and holds a double.
    expect(canonicalMysqlType('double', { precision: 22 })).toEqual({ type: 'double' })
    expect(canonicalMysqlType('double', { precision: 22, scale: 4 })).toEqual({ type: 'double', precision: 22, scale: 4 })
  })
})

describe('canonicalMysqlDefault', () => {
  it.each([
    ["'abc'", 'varchar', "'abc'"],
    ["'it''s'", 'varchar', "'it''s'"],
    ["'it\\'s'", 'varchar', "'it''s'"],
    ["'1.50'", 'decimal', '1.5'],
    ['1.50', 'decimal', '1.5'],
    ['00000000005', 'int unsigned zerofill', '5'],
    ["'5'", 'int', '5'],
    ['5', 'varchar', "'5'"],
    ['-0.0', 'double', '0'],
    ['NULL', 'int', undefined],
    ['current_timestamp()', 'datetime', 'CURRENT_TIMESTAMP'],
    ['CURRENT_TIMESTAMP', 'timestamp', 'CURRENT_TIMESTAMP'],
    ['current_timestamp(6)', 'datetime', 'CURRENT_TIMESTAMP(6)'],
    ['now(3)', 'datetime', 'CURRENT_TIMESTAMP(3)'],
    ['uuid()', 'uuid', '(uuid())'],
    ["(concat('a', 'b'))", 'varchar', "(concat('a','b'))"],
    ["concat(_utf8mb4'a',_utf8mb4'b')", 'varchar', "(concat('a','b'))"],
    ["b'101'", 'bit', "b'101'"],
    ["'2020-01-01'", 'date', "'2020-01-01'"],
    ["('long text')", 'text', "'long text'"],
    // MySQL 8 reads a literal default written as an expression (TEXT, JSON) with its charset introducer.
    ["(_utf8mb4'long text')", 'text', "'long text'"],
    ["(_utf8mb4'{\"a\": 1}')", 'json', "'{\"a\": 1}'"],
    ["_binary'ab'", 'blob', "'ab'"],
    ['(-1)', 'int', '-1'],
    ['((1 + 2))', 'int', '((1+2))'],
    // MySQL's escapes: a doubled backslash is one, \t a tab, \n a newline; another escaped character is itself.
    ["'C:\\\\temp'", 'varchar', "'C:\\temp'"],
    ["'a\\tb\\nc\\%'", 'varchar', "'a\tb\nc%'"],
  ])('%s on %s', (sql, type, expected) => {
    expect(canonicalMysqlDefault(sql, type)).toBe(expected)
  })

  it('canonicalNumber drops redundant zeros and signs', () => {
    expect(['007', '1.500', '.5', '+3', '-0', '-1.0', '12345678901234567890.10'].map(canonicalNumber))
      .toEqual(['7', '1.5', '0.5', '3', '0', '-1', '12345678901234567890.1'])
  })

  // MariaDB prints 1e-7 as 0.0000001, and a double's default as its binary value in full (found by round trips).
  it('canonicalNumber writes an exponent out, digit for digit', () => {
    expect(['1e-7', '-1.5e-3', '1.5e3', '2.5E+2', '.5e1', '12345678901234567890e2'].map(canonicalNumber))
      .toEqual(['0.0000001', '-0.0015', '1500', '250', '5', '1234567890123456789000'])
  })

  it('compares the default of a float column as the value the column holds', () => {
    expect(canonicalMysqlDefault('1.2345678901234567e19', 'double')).toBe(canonicalMysqlDefault('12345678901234567168', 'double'))
    expect(canonicalMysqlDefault('-1e-7', 'float')).toBe(canonicalMysqlDefault("'-0.0000001'", 'float'))
    expect(canonicalMysqlDefault('1e-7', 'decimal')).toBe('0.0000001')
  })
})

describe('defaults as each server reports them (rows in the form each server documents)', () => {
  const row = (value: string | null, extra: string, type: string) => ({ value, extra, type })
  it('MariaDB 10.2.7+ reports SQL: quoted literals, current_timestamp(), NULL for DEFAULT NULL', () => {
    expect(defaultSqlOf(row("'abc'", '', 'varchar'), mariadb)).toBe("'abc'")
    expect(defaultSqlOf(row('current_timestamp()', 'on update current_timestamp()', 'timestamp'), mariadb)).toBe('current_timestamp()')
    expect(defaultSqlOf(row('NULL', '', 'int'), mariadb)).toBe('NULL')
    expect(defaultSqlOf(row(null, '', 'int'), mariadb)).toBeUndefined()
  })
  it('MySQL 8 reports literals raw and marks expressions DEFAULT_GENERATED', () => {
    expect(defaultSqlOf(row('abc', '', 'varchar'), mysql8)).toBe("'abc'")
    expect(defaultSqlOf(row("it's", '', 'varchar'), mysql8)).toBe("'it''s'")
    expect(defaultSqlOf(row('1.50', '', 'decimal'), mysql8)).toBe('1.50')
    expect(defaultSqlOf(row('5', '', 'varchar'), mysql8)).toBe("'5'")
    expect(defaultSqlOf(row('CURRENT_TIMESTAMP', 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP', 'timestamp'), mysql8)).toBe('CURRENT_TIMESTAMP')
    expect(defaultSqlOf(row("concat(_utf8mb4\\'a\\',_utf8mb4\\'b\\')", 'DEFAULT_GENERATED', 'varchar'), mysql8)).toBe("(concat(_utf8mb4'a',_utf8mb4'b'))")
    expect(defaultSqlOf(row(null, '', 'int'), mysql8)).toBeUndefined()
    // A raw backslash is one character, written doubled as MySQL reads a literal.
    expect(defaultSqlOf(row('C:\\temp', '', 'varchar'), mysql8)).toBe("'C:\\\\temp'")
  })
  it('MariaDB before 10.2.7 reports like MySQL, without DEFAULT_GENERATED', () => {
    expect(defaultSqlOf(row('abc', '', 'varchar'), oldMariadb)).toBe("'abc'")
    expect(defaultSqlOf(row('CURRENT_TIMESTAMP', 'on update CURRENT_TIMESTAMP', 'timestamp'), oldMariadb)).toBe('CURRENT_TIMESTAMP')
  })
  it('both servers reach the same canonical column', () => {
    const table: TableRow = { name: 't', engine: 'InnoDB', collation: 'utf8mb4_0900_ai_ci', charset: 'utf8mb4', comment: '' }
    const columnRow = (over: Partial<ColumnRow>): ColumnRow => ({
      table: 't', name: 'c', position: 1, default_value: null, nullable: 'YES', data_type: 'varchar', column_type: 'varchar(10)',
      charset: 'utf8mb4', collation: 'utf8mb4_0900_ai_ci', charset_collation: 'utf8mb4_0900_ai_ci', extra: '', comment: '', generation_expression: null, ...over,
    })
    const fromMysql = canonicalMysqlColumn(columnOf(columnRow({ default_value: "it's" }), table, mysql8, false), mysql8)
    const fromMariadb = canonicalMysqlColumn(columnOf(columnRow({ default_value: "'it''s'" }), { ...table, collation: 'utf8mb4_0900_ai_ci' }, mariadb, false), mariadb)
    expect(fromMysql).toEqual(fromMariadb)
    expect(fromMysql.default).toBe("'it''s'")
    const pathFromMysql = canonicalMysqlColumn(columnOf(columnRow({ default_value: 'C:\\temp' }), table, mysql8, false), mysql8)
    const pathFromMariadb = canonicalMysqlColumn(columnOf(columnRow({ default_value: "'C:\\\\temp'" }), table, mariadb, false), mariadb)
    expect([pathFromMysql.default, pathFromMariadb.default]).toEqual(["'C:\\temp'", "'C:\\temp'"])
    const stamp = canonicalMysqlColumn(columnOf(columnRow({
      data_type: 'timestamp', column_type: 'timestamp(3)', charset: null, collation: null, charset_collation: null,
      default_value: 'CURRENT_TIMESTAMP(3)', extra: 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)',
    }), table, mysql8, false), mysql8)
    expect(stamp).toEqual({ name: 'c', type: 'timestamp', precision: 3, nullable: true, default: 'CURRENT_TIMESTAMP(3)', defaultSql: 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
    const generated = canonicalMysqlColumn(columnOf(columnRow({ data_type: 'int', column_type: 'int', charset: null, collation: null, extra: 'STORED GENERATED', generation_expression: '(`a` * 2)' }), table, mysql8, false), mysql8)
    expect(generated.computed).toEqual({ expression: '(a*2)', stored: true, expressionSql: '(`a` * 2)' })
  })
  it("MariaDB's json check is recognized only when named after its column", () => {
    expect(jsonCheckColumn({ table: 't', name: 'doc', clause: 'json_valid(`doc`)' })).toBe('doc')
    expect(jsonCheckColumn({ table: 't', name: 'CHK_x', clause: 'json_valid(`doc`)' })).toBeUndefined()
  })
  it("MariaDB's json check of a renamed column keeps the old name: its level (10.5.10+) says it is the column's own", () => {
    expect(jsonCheckColumn({ table: 't', name: 'old', clause: 'json_valid(`doc`)', level: 'Column' })).toBe('doc')
    expect(jsonCheckColumn({ table: 't', name: 'old', clause: 'json_valid(`doc`)', level: 'Table' })).toBeUndefined()
    expect(checksQuery(mariadb)).toContain('cc.LEVEL')
    expect(checksQuery(mysqlServerOf('10.5.9-MariaDB', ''))).not.toContain('cc.LEVEL')
    expect(checksQuery(mysql8)).not.toContain('cc.LEVEL')
  })
})

describe('canonicalMysqlExpression', () => {
  it('unquotes and lower-cases names, drops the database and introducers, keeps literals, normalizes spacing', () => {
    expect(canonicalMysqlExpression('`age` >= 0 AND `age` < 200')).toBe(canonicalMysqlExpression('"age">=0 and age <  200'))
    expect(canonicalMysqlExpression("select `db`.`t`.`id` AS `id` from `db`.`t` where `db`.`t`.`x` = 'A b'", 'db')).toBe("select t.id as id from t where t.x='A b'")
    expect(canonicalMysqlExpression('a != 1.5e3')).toBe('a<>1.5e3')
    expect(canonicalMysqlExpression("x = 'It''s'")).not.toBe(canonicalMysqlExpression("x = 'it''s'"))
  })

  it('folds the spellings MariaDB stores back to the ones entities write', () => {
    expect(canonicalMysqlExpression("`name` in ('it\\'s','a\\\\b')")).toBe(canonicalMysqlExpression("name IN ('it''s', 'a\\\\b')"))
    expect(canonicalMysqlExpression("coalesce(lcase(`name`),'') <> ucase('x')")).toBe("coalesce(lower(name),'')<>upper('x')")
    expect(canonicalMysqlExpression('case when `qty` > 10 then `price` > 0 else 1 end')).toBe(canonicalMysqlExpression('CASE WHEN qty > 10 THEN price > 0 ELSE true END'))
    expect(canonicalMysqlExpression('curdate()')).toBe(canonicalMysqlExpression('CURRENT_DATE'))
    expect(canonicalMysqlExpression('lcase')).toBe('lcase')
  })
})

const column = (name: string, type: string, extra: Partial<ColumnModel> = {}): ColumnModel => ({ name, type, nullable: false, ...extra })
const table = (name: string, extra: Partial<TableModel>): TableModel => ({ name, columns: [], indexes: [], uniques: [], foreignKeys: [], checks: [], ...extra })

describe('normalizeMysql (entity side)', () => {
  const entity = table('t', {
    columns: [
      column('id', 'varchar', { length: 36, declared: { type: 'uuid', impliedLength: true }, generated: { kind: 'uuid' } }),
      column('doc', 'longtext', { declared: { type: 'json' }, nullable: true }),
      column('plain', 'varchar', { declared: { type: 'uuid' } }),
      column('n', 'int', { declared: { unsigned: true }, default: "'7'" }),
      column('name', 'varchar', { length: 20, charset: 'utf8', collation: 'utf8_bin' }),
    ],
    primaryKey: { name: 'PK_t', columns: ['id'] },
  })
  const columnsOn = (server: Parameters<typeof normalizeMysql>[1]) => normalizeMysql({ tables: [entity], enums: [], schemas: [], extensions: [], views: [] }, server).tables[0]!.columns

  it('uuid is native on MariaDB 10.7+ and varchar(36) elsewhere; no generation either way', () => {
    expect(columnsOn(mariadb)[0]).toEqual({ name: 'id', type: 'uuid', nullable: false })
    expect(columnsOn(mysql8)[0]).toEqual({ name: 'id', type: 'varchar', length: 36, nullable: false })
    expect(columnsOn(undefined)[0]).toEqual({ name: 'id', type: 'varchar', length: 36, nullable: false })
  })
  it('a `mysql` DataSource on MariaDB gets what TypeORM writes for it: varchar(36) uuids', () => {
    const model = { tables: [entity], enums: [], schemas: [], extensions: [], views: [] }
    expect(normalizeMysql(model, mariadb, 'mysql').tables[0]!.columns[0]).toEqual({ name: 'id', type: 'varchar', length: 36, nullable: false })
    expect(normalizeMysql(model, mariadb, 'mariadb').tables[0]!.columns[0]).toEqual({ name: 'id', type: 'uuid', nullable: false })
  })
  it('json is json but on MariaDB before 10.4.3 (longtext); unsigned is part of the type; utf8 is utf8mb3 where the server says so', () => {
    expect(columnsOn(mariadb).slice(1)).toEqual([
      { name: 'doc', type: 'json', nullable: true },
      { name: 'plain', type: 'uuid', nullable: false },
      { name: 'n', type: 'int unsigned', nullable: false, default: '7', defaultSql: "'7'" },
      { name: 'name', type: 'varchar', length: 20, nullable: false, charset: 'utf8mb3', collation: 'utf8mb3_bin' },
    ])
    expect(columnsOn(oldMariadb)[1]!.type).toBe('longtext')
    expect(columnsOn(oldMariadb)[4]).toMatchObject({ charset: 'utf8', collation: 'utf8_bin' })
    expect(columnsOn(mysql8)[2]).toEqual({ name: 'plain', type: 'varchar', length: 255, nullable: false })
  })
  it('the primary key is unnamed; a unique index of plain columns is a unique', () => {
    const normalized = normalizeMysql({
      tables: [table('t', { columns: [column('a', 'int'), column('b', 'text')], primaryKey: { name: 'PK', columns: ['a'] }, indexes: [
        { name: 'UQ_a', columns: ['a'], unique: true },
        { name: 'UQ_b', columns: ['b'], unique: true, keyOptions: [{ length: 10 }] },
      ] })], enums: [], schemas: [], extensions: [], views: [],
    }, mariadb).tables[0]!
    expect(normalized.primaryKey).toEqual({ columns: ['a'] })
    expect(normalized.uniques).toEqual([{ name: 'UQ_a', columns: ['a'] }])
    expect(normalized.indexes).toEqual([{ name: 'UQ_b', columns: ['b'], unique: true, keyOptions: [{ length: 10 }] }])
  })
  it('two uniques on the same columns (TypeORM names both IDX_<hash>) are one unique index', () => {
    const twice = { name: 'IDX_a', columns: ['a'], unique: true }
    const normalized = normalizeMysql({
      tables: [table('t', { columns: [column('a', 'int')], indexes: [twice, twice] })], enums: [], schemas: [], extensions: [], views: [],
    }, mariadb).tables[0]!
    expect(normalized.uniques).toEqual([{ name: 'IDX_a', columns: ['a'] }])
  })
  it('two uniques on the same columns in other orders (one name, from the sorted columns) are one unique index, the first', () => {
    const normalized = normalizeMysql({
      tables: [table('t', { columns: [column('a', 'int'), column('b', 'int')], indexes: [
        { name: 'IDX_ab', columns: ['b', 'a'], unique: true },
        { name: 'IDX_ab', columns: ['a', 'b'], unique: true },
      ] })], enums: [], schemas: [], extensions: [], views: [],
    }, mariadb).tables[0]!
    expect(normalized.uniques).toEqual([{ name: 'IDX_ab', columns: ['b', 'a'] }])
  })
})

describe('withForeignKeyIndexes', () => {
  const fk = (name: string, columns: string[]) => ({ name, columns, referencedTable: 'p', referencedColumns: columns.map(() => 'id'), onDelete: 'NO ACTION' as const, onUpdate: 'NO ACTION' as const })
  it('adds the index MySQL creates for a foreign key that no index serves as its leftmost keys', () => {
    const t = withForeignKeyIndexes(table('t', {
      primaryKey: { columns: ['a', 'b'] },
      uniques: [{ name: 'UQ_c_d', columns: ['c', 'd'] }],
      indexes: [{ name: 'IDX_e', columns: ['e'], unique: false, keyOptions: [{ length: 4 }] }, { name: 'IDX_g_f', columns: ['g', 'f'], unique: false }],
      foreignKeys: [fk('FK_a', ['a']), fk('FK_b', ['b']), fk('FK_c', ['c']), fk('FK_d', ['d']), fk('FK_e', ['e']), fk('FK_f', ['f']), fk('FK_g', ['g']), fk('FK_b2', ['b'])],
    }))
    expect(t.indexes.map((i) => i.name)).toEqual(['FK_b', 'FK_d', 'FK_e', 'FK_f', 'IDX_e', 'IDX_g_f'])
  })
})

describe('catalog queries and index rows by server', () => {
  it('functional key parts are read on MySQL 8.0.13+ only; checks where the server has them, per table on MariaDB', () => {
    expect(indexesQuery(mysql8)).toContain('s.EXPRESSION')
    expect(indexesQuery(mariadb)).not.toContain('s.EXPRESSION')
    expect(checksQuery(mariadb)).toContain('cc.TABLE_NAME = tc.TABLE_NAME')
    expect(checksQuery(mysql8)).not.toContain('cc.TABLE_NAME')
    expect(checksQuery(mysqlServerOf('8.0.15', ''))).toBeUndefined()
  })
  it('a MySQL 8 functional key is an expression key; SPATIAL sub-parts are not prefixes', () => {
    const row = (over: Partial<IndexRow>): IndexRow => ({
      table: 't', name: 'i', non_unique: 1, seq: 1, column_name: 'a', expression: null, sub_part: null, collation: 'A', index_type: 'BTREE', index_comment: '', ...over,
    })
    expect(indexesOf([
      row({ name: 'fn', column_name: null, expression: 'lower(`email`)' }),
      row({ name: 'sp', index_type: 'SPATIAL', sub_part: 32 }),
      row({ name: 'PRIMARY', non_unique: 0, column_name: 'id' }),
      row({ name: 'commented', index_comment: 'Space ID Index' }),
    ])).toEqual({
      primaryKey: ['id'],
      indexes: [
        { name: 'fn', columns: ['(lower(`email`))'], unique: false },
        { name: 'sp', columns: ['a'], unique: false, method: 'spatial' },
        { name: 'commented', columns: ['a'], unique: false, comment: 'Space ID Index' },
      ],
    })
  })
})
