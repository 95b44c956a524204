import { connectMysql } from '../../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import type { SchemaModel, TableModel } from '../../../src/model/schema-model'
import { viewOf } from '../../../src/dialect/mysql/mysql-catalog-rows'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'
import { canonicalOnly } from '../../support/model-builders'

const ddl = [
  "CREATE TABLE parents (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, code char(3), KEY idx_code (code)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='the parents'",
  `CREATE TABLE things (
    id bigint NOT NULL AUTO_INCREMENT,
    a int(11) zerofill DEFAULT 5,
    b tinyint(1) NOT NULL DEFAULT 0,
    c varchar(40) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT 'it''s',
    c2 varchar(40) CHARACTER SET latin1,
    c3 varchar(40) COLLATE utf8mb4_bin,
    d decimal(8,2) DEFAULT 1.50,
    d2 numeric,
    e datetime(6) DEFAULT CURRENT_TIMESTAMP(6),
    f timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    f2 timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
    g enum('a','b''c') DEFAULT 'a',
    h set('x','y') DEFAULT 'x,y',
    j json,
    j0 json,
    k point NOT NULL,
    l int GENERATED ALWAYS AS (a + 1) VIRTUAL,
    m int AS (a * 2) STORED COMMENT 'twice',
    n text,
    o uuid DEFAULT uuid(),
    q float DEFAULT 1.5,
    r double(10,3),
    s varchar(10) DEFAULT (concat('a','b')),
    u smallint unsigned DEFAULT NULL,
    v mediumint NOT NULL,
    w bit(3) DEFAULT b'101',
    pid int unsigned,
    pcode char(3) COLLATE utf8mb4_unicode_ci,
    PRIMARY KEY (id),
    UNIQUE KEY uq_b_c (b, c),
    UNIQUE KEY uq_prefix (n(20)),
    KEY idx_c (c(10) DESC, d),
    KEY idx_pid_code (pid, pcode),
    FULLTEXT KEY ft_n (n),
    SPATIAL KEY sp_k (k),
    CONSTRAINT fk_parent FOREIGN KEY (pid) REFERENCES parents (id) ON DELETE CASCADE,
    CONSTRAINT fk_code FOREIGN KEY (pcode) REFERENCES parents (code) ON UPDATE SET NULL,
    CONSTRAINT chk_d CHECK (d > 0)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  // The json check of a renamed column keeps the column's first name.
  'ALTER TABLE things RENAME COLUMN j0 TO j1',
  'CREATE TABLE ignored_one (id int PRIMARY KEY)',
  'CREATE VIEW parent_codes AS SELECT p.id, p.code FROM parents p WHERE p.id > 1',
]

describe('mysql introspection of hand-written DDL (MariaDB)', () => {
  let db: TestDatabase
  let model: SchemaModel
  let queries: number
  beforeAll(async () => {
    db = await createMariaDbDatabase('introspect')
    for (const statement of ddl) await db.query(statement)
    const connection = await connectMysql(db.options)
    try {
      const before = connection.queryCount
      model = await mysqlDialectAt(connection.server).introspect(connection, { ignoreTables: ['ignored_one'] })
      queries = connection.queryCount - before
    } finally {
      await connection.close()
    }
  })
  afterAll(async () => {
    await db?.drop()
  })

  const table = (name: string): TableModel => model.tables.find((t) => t.name === name)!
  const column = (name: string) => table('things').columns.find((c) => c.name === name)
  const columns = (...names: string[]) => canonicalOnly(names.map(column))

  it('reads the tables of the database but the ignored ones, in seven queries', () => {
    expect(model.tables.map((t) => t.name)).toEqual(['parents', 'things'])
    expect(queries).toBe(7)
    expect(model.schemas).toEqual([])
  })

  it('types: unsigned, zerofill, tinyint(1), widths dropped, lengths, decimal defaults, fractional seconds, spatial, uuid, bit', () => {
    expect(columns('id', 'a', 'b', 'u', 'v')).toEqual([
      { name: 'id', type: 'bigint', nullable: false, generated: { kind: 'increment' } },
      { name: 'a', type: 'int unsigned zerofill', length: 11, nullable: true, default: '5' },
      { name: 'b', type: 'tinyint', length: 1, nullable: false, default: '0' },
      { name: 'u', type: 'smallint unsigned', nullable: true },
      { name: 'v', type: 'mediumint', nullable: false },
    ])
    expect(columns('d', 'd2', 'q', 'r', 'e', 'k', 'o', 'w')).toEqual([
      { name: 'd', type: 'decimal', precision: 8, scale: 2, nullable: true, default: '1.5' },
      { name: 'd2', type: 'decimal', precision: 10, scale: 0, nullable: true },
      { name: 'q', type: 'float', nullable: true, default: '1.5' },
      { name: 'r', type: 'double', precision: 10, scale: 3, nullable: true },
      { name: 'e', type: 'datetime', precision: 6, nullable: true, default: 'CURRENT_TIMESTAMP(6)' },
      { name: 'k', type: 'point', nullable: false },
      { name: 'o', type: 'uuid', nullable: true, default: '(uuid())' },
      { name: 'w', type: 'bit', length: 3, nullable: true, default: "b'101'" },
    ])
  })

  it('charsets and collations only where they differ from the table, a charset of its own with its default collation unnamed', () => {
    expect(columns('c', 'c2', 'c3', 'n')).toEqual([
      { name: 'c', type: 'varchar', length: 40, nullable: true, default: "'it''s'", charset: 'latin1', collation: 'latin1_bin' },
      { name: 'c2', type: 'varchar', length: 40, nullable: true, charset: 'latin1' },
      { name: 'c3', type: 'varchar', length: 40, nullable: true, collation: 'utf8mb4_bin' },
      { name: 'n', type: 'text', nullable: true },
    ])
    expect(column('c')!.defaultSql).toBe("'it''s'")
  })

  it('ON UPDATE, enum and set labels, json (longtext with json_valid) folded, expression defaults, generated columns and comments', () => {
    expect(columns('f', 'f2', 'g', 'h', 'j', 'j1', 's')).toEqual([
      { name: 'f', type: 'timestamp', precision: 3, nullable: false, default: 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' },
      { name: 'f2', type: 'timestamp', nullable: true, onUpdate: 'CURRENT_TIMESTAMP' },
      { name: 'g', type: 'enum', nullable: true, default: "'a'", enumValues: ['a', "b'c"] },
      { name: 'h', type: 'set', nullable: true, default: "'x,y'", enumValues: ['x', 'y'] },
      { name: 'j', type: 'json', nullable: true },
      { name: 'j1', type: 'json', nullable: true },
      { name: 's', type: 'varchar', length: 10, nullable: true, default: "(concat('a','b'))" },
    ])
    expect(columns('l', 'm')).toEqual([
      { name: 'l', type: 'int', nullable: true, computed: { expression: 'a+1', stored: false } },
      { name: 'm', type: 'int', nullable: true, computed: { expression: 'a*2', stored: true }, comment: 'twice' },
    ])
  })

  it('keys: primary unnamed, plain unique indexes as uniques, prefix / DESC / FULLTEXT / SPATIAL indexes, FK indexes as they are', () => {
    const things = canonicalOnly(table('things'))
    expect(things.primaryKey).toEqual({ columns: ['id'] })
    expect(things.uniques).toEqual([{ name: 'uq_b_c', columns: ['b', 'c'] }])
    expect(things.indexes).toEqual([
      { name: 'fk_code', columns: ['pcode'], unique: false },
      { name: 'ft_n', columns: ['n'], unique: false, method: 'fulltext' },
      { name: 'idx_c', columns: ['c', 'd'], unique: false, keyOptions: [{ descending: true, length: 10 }, {}] },
      { name: 'idx_pid_code', columns: ['pid', 'pcode'], unique: false },
      { name: 'sp_k', columns: ['k'], unique: false, method: 'spatial' },
      { name: 'uq_prefix', columns: ['n'], unique: true, keyOptions: [{ length: 20 }] },
    ])
    expect(things.foreignKeys).toEqual([
      { name: 'fk_code', columns: ['pcode'], referencedTable: 'parents', referencedColumns: ['code'], onDelete: 'RESTRICT', onUpdate: 'SET NULL' },
      { name: 'fk_parent', columns: ['pid'], referencedTable: 'parents', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'RESTRICT' },
    ])
    expect(things.checks).toEqual([{ name: 'chk_d', expression: 'd>0' }])
  })

  it('table engine, default charset and collation and comment; the view without the database name, and what it reads', () => {
    expect({ ...table('parents'), columns: [] }).toEqual({
      name: 'parents', columns: [], primaryKey: { columns: ['id'] }, indexes: [{ name: 'idx_code', columns: ['code'], unique: false }],
      uniques: [], foreignKeys: [], checks: [], comment: 'the parents', engine: 'InnoDB',
      charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci',
    })
    expect(table('parents').columns[1]).toEqual({ name: 'code', type: 'char', length: 3, nullable: true })
    expect(model.views).toEqual([{
      name: 'parent_codes',
      definition: 'select p.id as id,p.code as code from parents p where p.id>1',
      definitionSql: 'select `p`.`id` AS `id`,`p`.`code` AS `code` from `parents` `p` where `p`.`id` > 1',
      reads: [{ name: 'parents', columns: ['code', 'id'] }],
    }])
  })

  it('reads the columns a view names of each table, through aliases or qualified with the database', () => {
    const relations = new Set(['t', 'u'])
    const joined = viewOf({ name: 'r2', database: 'app', definition: 'select `x`.`id` AS `id`,`y`.`c` AS `yc` from (`app`.`t` `x` join `app`.`u` `y` on(`x`.`id` = `y`.`id`))' }, relations)
    expect(joined.reads).toEqual([{ name: 't', columns: ['id'] }, { name: 'u', columns: ['c', 'id'] }])
    const plain = viewOf({ name: 'r', database: 'app', definition: 'select `app`.`t`.`id` AS `id`,`app`.`t`.`c` AS `label` from `app`.`t` where `app`.`t`.`d` > 0' }, relations)
    expect(plain.reads).toEqual([{ name: 't', columns: ['c', 'd', 'id'] }])
    const counted = viewOf({ name: 'n', database: 'app', definition: 'select count(0) AS `n` from `app`.`u`' }, relations)
    expect(counted.reads).toEqual([{ name: 'u', columns: [] }])
  })
})

describe('mysql introspection query count', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('count')
  })
  afterAll(async () => {
    await db.drop()
  })

  async function countFor(tables: number): Promise<number> {
    for (let i = 0; i < tables; i++) {
      await db.query(`CREATE TABLE t${i} (id int AUTO_INCREMENT PRIMARY KEY, name varchar(20) DEFAULT 'x' UNIQUE, kind enum('a','b'),
        doc json, parent int, CONSTRAINT fk_t${i} FOREIGN KEY (parent) REFERENCES t${i} (id), CONSTRAINT chk_t${i} CHECK (parent > 0))`)
    }
    const connection = await connectMysql(db.options)
    try {
      const before = connection.queryCount
      const model = await mysqlDialectAt(connection.server).introspect(connection, { ignoreTables: [] })
      expect(model.tables).toHaveLength(tables)
      return connection.queryCount - before
    } finally {
      await connection.close()
    }
  }

  it('is the same for 1 table and for 20 tables', async () => {
    const one = await countFor(1)
    await db.query('DROP TABLE t0')
    const twenty = await countFor(20)
    expect(twenty).toBe(one)
    expect(one).toBe(7)
  })
})
