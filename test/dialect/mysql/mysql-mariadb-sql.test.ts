import { connectMysql } from '../../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import type { MysqlServer } from '../../../src/dialect/mysql/mysql-server'
import type { Dialect } from '../../../src/dialect/dialect'
import type { Statement } from '../../../src/dialect/statement'
import type { SchemaModel, TableModel } from '../../../src/model/schema-model'
import type { Operation } from '../../../src/operations/operation'
import { changeSetOf, reverseChangeSet } from '../../../src/plan/change-set'
import { alterColumn } from '../../../src/plan/column-change'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'
import { col, myTable, mySchema } from './my-models'

// Every statement here runs on the real MariaDB server, and what it did is read back from information_schema
// and SHOW CREATE TABLE (not through the introspector).

const team = myTable('team', [col('id'), col('name', 'varchar', { length: 20 })], { primaryKey: { columns: ['id'] } })
const member = myTable('member', [
  col('id', 'int', { generated: { kind: 'increment' } }),
  col('team_id'),
  col('title', 'varchar', { length: 20, nullable: true }),
  col('mood', 'enum', { enumValues: ['a', 'b'], nullable: true }),
  col('seen', 'timestamp', { nullable: true }),
  col('score', 'int', { default: '0' }),
], {
  primaryKey: { columns: ['id'] },
  indexes: [
    { name: 'FK_member_team', columns: ['team_id'], unique: false },
    { name: 'IDX_score', columns: ['score'], unique: false },
  ],
  uniques: [{ name: 'UQ_title', columns: ['title'] }],
  checks: [{ name: 'CHK_score', expression: '`score` >= 0' }],
  foreignKeys: [{ name: 'FK_member_team', columns: ['team_id'], referencedTable: 'team', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }],
})
const schema = mySchema([member, team])
const column = (name: string) => member.columns.find((c) => c.name === name)!

describe('mysql SQL on MariaDB 10.11', () => {
  let db: TestDatabase
  let server: MysqlServer
  let dialect: Dialect

  const run = async (statements: readonly Statement[]) => {
    for (const statement of statements) await db.query(statement.sql)
  }
  const compile = (ops: Operation[], from: SchemaModel = schema) => dialect.compile(changeSetOf(from, ops))
  const createTable = (table: TableModel) => run(compile([{ kind: 'create_table', table }], mySchema([])))
  // The test session's ANSI_QUOTES makes SHOW CREATE TABLE quote names with double quotes.
  const showCreate = async (table: string) => (await db.query<{ 'Create Table': string }>(`SHOW CREATE TABLE \`${table}\``))[0]!['Create Table'].replace(/"/g, '`')
  const columnsOf = (table: string) => db.query<{ COLUMN_NAME: string; COLUMN_TYPE: string; IS_NULLABLE: string; COLUMN_DEFAULT: string | null; COLUMN_COMMENT: string }>(
    `SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, COLUMN_COMMENT FROM information_schema.COLUMNS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table}' ORDER BY ORDINAL_POSITION`)
  const indexNames = async (table: string) => (await db.query<{ INDEX_NAME: string }>(
    `SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table}' ORDER BY INDEX_NAME`)).map((r) => r.INDEX_NAME)
  const constraintNames = async (table: string) => (await db.query<{ CONSTRAINT_NAME: string; CONSTRAINT_TYPE: string }>(
    `SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table}'
     ORDER BY CONSTRAINT_TYPE, CONSTRAINT_NAME`)).map((r) => `${r.CONSTRAINT_TYPE} ${r.CONSTRAINT_NAME}`)

  beforeEach(async () => {
    db = await createMariaDbDatabase('mysql_sql')
    const connection = await connectMysql(db.options)
    server = connection.server
    await connection.close()
    dialect = mysqlDialectAt(server)
    await createTable(team)
    await createTable({ ...member, foreignKeys: [] })
    await run(compile([{ kind: 'add_foreign_key', table: member, foreignKey: member.foreignKeys[0]! }], mySchema([team, { ...member, foreignKeys: [] }])))
    await db.query("INSERT INTO team (id, name) VALUES (1, 'red'), (2, 'blue')")
    await db.query("INSERT INTO member (team_id, title, mood, score) VALUES (1, 'x', 'a', 1), (2, 'y', 'b', 2), (2, NULL, 'a', 3)")
  })
  afterEach(() => db.drop())

  it('reads a MariaDB 10.5+ server', () => {
    expect(server.product).toBe('mariadb')
    expect(server.version[0]! * 100 + server.version[1]!).toBeGreaterThanOrEqual(1005)
  })

  it('creates a table with every column attribute as written, backslashes and quotes in literals kept', async () => {
    const table = myTable('everything', [
      col('id', 'bigint unsigned', { generated: { kind: 'increment' } }),
      col('code', 'int unsigned zerofill', { nullable: true }),
      col('active', 'tinyint', { length: 1, default: '1' }),
      col('name', 'varchar', { length: 100, charset: 'latin1', collation: 'latin1_bin', comment: "the user's \\ name" }),
      col('price', 'decimal', { precision: 10, scale: 2, default: '0' }),
      col('path', 'varchar', { length: 20, default: "'C:\\dir''s'" }),
      col('mood', 'set', { enumValues: ['a\\b', "it's"], nullable: true }),
      col('updated', 'datetime', { precision: 6, default: 'CURRENT_TIMESTAMP(6)', onUpdate: 'CURRENT_TIMESTAMP(6)' }),
      col('total', 'decimal', { precision: 12, scale: 2, nullable: true, computed: { expression: '`price` * 2', stored: true } }),
      col('bio', 'text', { nullable: true }),
    ], {
      primaryKey: { columns: ['id'] },
      uniques: [{ name: 'UQ_name', columns: ['name'] }],
      indexes: [{ name: 'IDX_bio', columns: ['bio', 'price'], unique: false, keyOptions: [{ length: 10 }, { descending: true }] }],
      checks: [{ name: 'CHK_price', expression: '`price` >= 0' }],
      engine: 'InnoDB',
      comment: 'people',
    })
    await createTable(table)
    const text = await showCreate('everything')
    for (const part of [
      '`id` bigint(20) unsigned NOT NULL AUTO_INCREMENT',
      '`code` int(10) unsigned zerofill DEFAULT NULL',
      '`active` tinyint(1) NOT NULL DEFAULT 1',
      "`name` varchar(100) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL COMMENT 'the user''s \\\\ name'",
      "`path` varchar(20) NOT NULL DEFAULT 'C:\\\\dir''s'",
      "`mood` set('a\\\\b','it''s') DEFAULT NULL",
      '`updated` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6)',
      '`total` decimal(12,2) GENERATED ALWAYS AS (`price` * 2) STORED',
      'UNIQUE KEY `UQ_name` (`name`)',
      'KEY `IDX_bio` (`bio`(10),`price` DESC)',
      'CONSTRAINT `CHK_price` CHECK (`price` >= 0)',
      ") ENGINE=InnoDB",
      "COMMENT='people'",
    ]) expect(text).toContain(part)
    await db.query("INSERT INTO everything (name, mood) VALUES ('n', 'a\\\\b')")
    expect(await db.query("SELECT path, mood FROM everything")).toEqual([{ path: "C:\\dir's", mood: 'a\\b' }])
  })

  // Each ALTER asserting an ALGORITHM runs on rows: MariaDB refuses an ALGORITHM it cannot keep.
  const asserted: Array<[string, Operation[], string, (db: TestDatabase) => Promise<unknown>, unknown]> = [
    ['adds a column', [{ kind: 'add_column', table: member, column: col('bio', 'text', { nullable: true }) }], 'ALGORITHM=INSTANT',
      async (d) => (await d.query("SELECT COUNT(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'bio'"))[0], { n: '1' }],
    ['drops an unindexed column', [{ kind: 'drop_column', table: member, column: column('seen') }], 'ALGORITHM=INSTANT',
      async (d) => (await d.query("SELECT COUNT(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'seen'"))[0], { n: '0' }],
    ['renames a column', [{ kind: 'rename_column', table: member, from: 'title', to: 'headline', column: column('title') }], 'ALGORITHM=INSTANT',
      (d) => d.query('SELECT headline FROM member ORDER BY id'), [{ headline: 'x' }, { headline: 'y' }, { headline: null }]],
    ['changes a default, a comment and ON UPDATE', [alterColumn(member, column('seen'), { ...column('seen'), default: 'CURRENT_TIMESTAMP', onUpdate: 'CURRENT_TIMESTAMP', comment: 'seen' })],
      'ALGORITHM=INSTANT', async (d) => (await d.query("SELECT COLUMN_DEFAULT AS d, EXTRA AS e, COLUMN_COMMENT AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'seen'"))[0],
      { d: 'current_timestamp()', e: 'on update current_timestamp()', c: 'seen' }],
    ['makes a column nullable', [alterColumn(member, column('team_id'), { ...column('team_id'), nullable: true })], 'ALGORITHM=INPLACE, LOCK=NONE',
      async (d) => (await d.query("SELECT IS_NULLABLE AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'team_id'"))[0], { n: 'YES' }],
    ['makes an unindexed column nullable', [alterColumn(team, team.columns[1]!, { ...team.columns[1]!, nullable: true })], 'ALGORITHM=INPLACE, LOCK=NONE',
      async (d) => (await d.query("SELECT IS_NULLABLE AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'name'"))[0], { n: 'YES' }],
    ['makes a column NOT NULL', [alterColumn(member, column('mood'), { ...column('mood'), nullable: false, default: "'a'" })],
      'ALGORITHM=INPLACE, LOCK=NONE', async (d) => (await d.query("SELECT IS_NULLABLE AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'mood'"))[0], { n: 'NO' }],
    ['adds ENUM labels at the end', [alterColumn(member, column('mood'), { ...column('mood'), enumValues: ['a', 'b', 'c'] })], 'ALGORITHM=INSTANT',
      async (d) => (await d.query("SELECT COLUMN_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'mood'"))[0], { t: "enum('a','b','c')" }],
    ['creates, drops and renames indexes and uniques', [
      { kind: 'create_index', table: member, index: { name: 'IDX_title', columns: ['title'], unique: false, keyOptions: [{ length: 5, descending: true }] } },
      { kind: 'drop_unique', table: member, unique: member.uniques[0]! },
      { kind: 'add_unique', table: member, unique: { name: 'UQ_title_score', columns: ['title', 'score'] } },
      { kind: 'drop_index', table: member, index: member.indexes[1]! },
      { kind: 'rename_index', table: member, from: 'FK_member_team', to: 'IDX_team', index: member.indexes[0]! },
    ], 'ALGORITHM=INPLACE, LOCK=NONE', (d) => indexNames('member'), ['IDX_team', 'IDX_title', 'PRIMARY', 'UQ_title_score']],
    ['drops a foreign key and a check', [
      { kind: 'drop_foreign_key', table: member, foreignKey: member.foreignKeys[0]! },
      { kind: 'drop_check', table: member, check: member.checks[0]! },
    ], 'ALGORITHM=INSTANT', () => constraintNames('member'), ['PRIMARY KEY PRIMARY', 'UNIQUE UQ_title']],
    ['comments the table', [{ kind: 'alter_table_comment', table: member, to: 'people' }], 'ALGORITHM=INSTANT',
      async (d) => (await d.query("SELECT TABLE_COMMENT AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'member'"))[0], { c: 'people' }],
  ]
  it.each(asserted)('%s with the ALGORITHM it asserts, which MariaDB accepts', async (_name, ops, clause, read, expected) => {
    const statements = compile(ops)
    expect(statements.some((s) => s.sql.endsWith(clause))).toBe(true)
    await run(statements)
    expect(await read(db)).toEqual(expected)
  })

  it('writes no ALGORITHM where MariaDB copies the table, and says it copies it', async () => {
    const copies: Operation[][] = [
      [alterColumn(member, column('score'), { ...column('score'), type: 'bigint' })],
      [alterColumn(member, column('mood'), { ...column('mood'), enumValues: ['b', 'a'] })],
      [{ kind: 'add_check', table: member, check: { name: 'CHK_title', expression: "`title` <> ''" } }],
      [{ kind: 'drop_primary_key', table: member, primaryKey: member.primaryKey! }, { kind: 'add_primary_key', table: member, primaryKey: { columns: ['id', 'team_id'] } }],
    ]
    for (const [i, ops] of copies.entries()) {
      // The check of the rows a new CHECK refuses (see checkGuard) goes first; the ALTER follows.
      const statements = compile(ops).filter((s) => s.failIfRows === undefined)
      expect(statements.map((s) => [s.sql.includes('ALGORITHM'), s.rebuild])).toEqual([[false, 'member']])
      // MariaDB refuses to do it without a copy (a primary key is rebuilt in place: a rewrite all the same).
      if (i < 3) await expect(db.query(`${statements[0]!.sql}, ALGORITHM=INPLACE`)).rejects.toThrow(/ALGORITHM=INPLACE is not supported/)
      await run(statements)
    }
    expect(await db.query('SELECT COUNT(*) AS n FROM member')).toEqual([{ n: '3' }])
  })

  it('claims no ALGORITHM MariaDB refuses: a virtual column beside other changes, a per-row default, nullability beside a STORED column', async () => {
    const gauge = myTable('gauge', [col('id'), col('a', 'int', { nullable: true }), col('s', 'int', { nullable: true, computed: { expression: '`a` + 1', stored: true } })], { primaryKey: { columns: ['id'] } })
    await run(compile([{ kind: 'create_table', table: gauge }], mySchema([])))
    await db.query('INSERT INTO gauge (id, a) VALUES (1, 1), (2, 2)')
    const virtual = col('v', 'int', { nullable: true, computed: { expression: '`id` * 2', stored: false } })
    const withV = { ...gauge, columns: [...gauge.columns, virtual] }
    const steps: [Operation[], SchemaModel][] = [
      [[{ kind: 'add_column', table: gauge, column: virtual }, { kind: 'add_column', table: gauge, column: col('x', 'int', { nullable: true }) }], mySchema([gauge])],
      [[{ kind: 'drop_column', table: withV, column: virtual }, { kind: 'create_index', table: withV, index: { name: 'IDX_a', columns: ['a'], unique: false } }], mySchema([withV])],
      [[{ kind: 'add_column', table: gauge, column: col('u', 'uuid', { nullable: true, default: '(uuid())' }) }], mySchema([gauge])],
      [[alterColumn(gauge, gauge.columns[1]!, { ...gauge.columns[1]!, nullable: false, default: '0' })], mySchema([gauge])],
    ]
    for (const [ops, from] of steps) {
      const statements = compile(ops, from)
      expect(statements.map((s) => /ALGORITHM=(INSTANT|INPLACE)/.test(s.sql))).toEqual(statements.map(() => false))
      await run(statements)
    }
    expect(await db.query('SELECT id, a, s FROM gauge ORDER BY id')).toEqual([{ id: 1, a: 1, s: 2 }, { id: 2, a: 2, s: 3 }])
  })

  it('drops a column ahead of a VIRTUAL column beside another change with no ALGORITHM (INSTANT refused there)', async () => {
    const virtual = col('v', 'int', { nullable: true, computed: { expression: '`a` * 2', stored: false } })
    const dial = myTable('dial', [col('id'), col('a', 'int', { nullable: true }), col('s', 'varchar', { nullable: true, length: 20 }), virtual], { primaryKey: { columns: ['id'] } })
    await run(compile([{ kind: 'create_table', table: dial }], mySchema([])))
    await db.query("INSERT INTO dial (id, a, s) VALUES (1, 1, 'x'), (2, 2, 'y')")
    const s = dial.columns[2]!
    const together = compile([{ kind: 'drop_column', table: dial, column: s }, { kind: 'add_column', table: dial, column: col('x', 'text', { nullable: true }) }], mySchema([dial]))
    expect(together.map((t) => /ALGORITHM=/.test(t.sql))).toEqual(together.map(() => false))
    await run(together)
    expect(await db.query('SELECT id, a, v FROM dial ORDER BY id')).toEqual([{ id: 1, a: 1, v: 2 }, { id: 2, a: 2, v: 4 }])
  })

  it('adds and drops a unique key over a TEXT column (a HASH key on a hidden column) with no ALGORITHM: MariaDB copies', async () => {
    const note = myTable('note', [col('id'), col('body', 'text', { nullable: true }), col('tag', 'varchar', { length: 10, nullable: true })], { primaryKey: { columns: ['id'] } })
    await createTable(note)
    const unique = { name: 'UQ_body_tag', columns: ['body', 'tag'] }
    // The check of the values a new unique key refuses (see uniqueGuard) goes first; the ALTER follows.
    const added = compile([{ kind: 'add_unique', table: note, unique }], mySchema([note])).filter((s) => s.failIfRows === undefined)
    expect(added.map((s) => [s.sql.includes('ALGORITHM'), s.rebuild])).toEqual([[false, 'note']])
    await expect(db.query(`${added[0]!.sql}, ALGORITHM=INPLACE`)).rejects.toThrow(/ALGORITHM=INPLACE is not supported/)
    await run(added)
    const withUnique = { ...note, uniques: [unique] }
    const dropped = compile([{ kind: 'drop_unique', table: withUnique, unique }], mySchema([withUnique]))
    expect(dropped.map((s) => s.sql.includes('ALGORITHM'))).toEqual([false])
    await run(dropped)
    expect(await indexNames('note')).toEqual(['PRIMARY'])
  })

  it('while a table holds such a HASH unique key, every ALTER of it copies it, a default\'s or a comment\'s change too', async () => {
    const note = myTable('note', [col('id'), col('body', 'text', { nullable: true })], { primaryKey: { columns: ['id'] }, uniques: [{ name: 'UQ_body', columns: ['body'] }] })
    await createTable(note)
    const seen = col('seen', 'int', { nullable: true })
    const withSeen = { ...note, columns: [...note.columns, seen] }
    const index = { name: 'IDX_seen', columns: ['seen'], unique: false }
    const indexed = { ...withSeen, indexes: [index] }
    const check = { name: 'CHK_seen', expression: '`seen` >= 0' }
    const checked = { ...withSeen, checks: [check] }
    const fk = { name: 'FK_note_team', columns: ['seen'], referencedTable: 'team', referencedColumns: ['id'], onDelete: 'NO ACTION' as const, onUpdate: 'NO ACTION' as const }
    const linked = { ...withSeen, foreignKeys: [fk] }
    const defaulted = { ...seen, default: '0' }
    const steps: [Operation, SchemaModel][] = [
      [{ kind: 'add_column', table: note, column: seen }, mySchema([note])],
      [{ kind: 'create_index', table: withSeen, index }, mySchema([withSeen])],
      [{ kind: 'rename_index', table: indexed, from: 'IDX_seen', to: 'IDX_seen2', index: { ...index, name: 'IDX_seen2' } }, mySchema([indexed])],
      [{ kind: 'drop_index', table: withSeen, index: { ...index, name: 'IDX_seen2' } }, mySchema([{ ...withSeen, indexes: [{ ...index, name: 'IDX_seen2' }] }])],
      [alterColumn(withSeen, seen, defaulted), mySchema([withSeen])],
      [alterColumn(withSeen, defaulted, { ...defaulted, comment: 'seen' }), mySchema([{ ...withSeen, columns: [note.columns[0]!, note.columns[1]!, defaulted] }])],
      [{ kind: 'alter_table_comment', table: withSeen, from: undefined, to: 'notes' }, mySchema([withSeen])],
      [{ kind: 'add_check', table: withSeen, check }, mySchema([withSeen])],
      [{ kind: 'drop_check', table: checked, check }, mySchema([checked])],
      [{ kind: 'add_foreign_key', table: withSeen, foreignKey: fk }, mySchema([team, withSeen])],
      [{ kind: 'drop_foreign_key', table: linked, foreignKey: fk }, mySchema([team, linked])],
      [{ kind: 'rename_column', table: withSeen, from: 'seen', to: 'viewed', column: { ...seen, name: 'viewed' } }, mySchema([withSeen])],
      [{ kind: 'drop_column', table: withSeen, column: { ...seen, name: 'viewed' } }, mySchema([{ ...withSeen, columns: [note.columns[0]!, note.columns[1]!, { ...seen, name: 'viewed' }] }])],
    ]
    for (const [op, from] of steps) {
      const statements = compile([op], from)
      expect([op.kind, statements.map((s) => s.sql.includes('ALGORITHM'))]).toEqual([op.kind, statements.map(() => false)])
      await run(statements)
    }
    expect(await indexNames('note')).toEqual(['PRIMARY', 'UQ_body'])
  })

  it.each([
    ['utf8mb4', 'a HASH key: every ALTER copies the table, and claims no ALGORITHM', false],
    ['latin1', 'a plain key: an ALTER claims its ALGORITHM', true],
  ] as const)('a unique key over a varchar(1000) in %s (4000 or 1000 bytes of InnoDB\'s 3072) is %s', async (charset, _what, claims) => {
    const page = myTable('page', [col('id'), col('url', 'varchar', { length: 1000 }), col('hits', 'int', { default: '0' })], {
      primaryKey: { columns: ['id'] }, uniques: [{ name: 'UQ_url', columns: ['url'] }], charset,
    })
    await createTable(page)
    const hits = page.columns[2]!
    const steps: Operation[] = [
      { kind: 'add_column', table: page, column: col('seen', 'int', { nullable: true }) },
      alterColumn(page, hits, { ...hits, default: '1' }),
      { kind: 'rename_column', table: page, from: 'hits', to: 'views', column: { ...hits, name: 'views' } },
    ]
    for (const op of steps) {
      const statements = compile([op], mySchema([page]))
      expect([op.kind, statements.map((s) => s.sql.includes('ALGORITHM'))]).toEqual([op.kind, statements.map(() => claims)])
      await run(statements)
    }
    await db.query('DROP TABLE page')
  })

  it('an index dropped and added again under its name (other columns): the ADD, without IF NOT EXISTS, is not skipped', async () => {
    const index = member.indexes.find((i) => i.name === 'IDX_score')!
    const statements = compile([
      { kind: 'drop_index', table: member, index },
      { kind: 'create_index', table: member, index: { ...index, columns: ['score', 'title'] } },
    ])
    expect(statements.map((s) => s.sql).join('\n')).not.toMatch(/ADD (UNIQUE )?INDEX IF NOT EXISTS `IDX_score`/)
    await run(statements)
    expect((await db.query<{ c: string }>(
      "SELECT COLUMN_NAME AS c FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'IDX_score' ORDER BY SEQ_IN_INDEX",
    )).map((r) => r.c)).toEqual(['score', 'title'])
  })

  it('runs a down again after it failed halfway: every drop and add takes IF [NOT] EXISTS', async () => {
    const ops: Operation[] = [
      { kind: 'drop_foreign_key', table: member, foreignKey: member.foreignKeys[0]! },
      { kind: 'drop_check', table: member, check: member.checks[0]! },
      { kind: 'drop_index', table: member, index: member.indexes[1]! },
      { kind: 'drop_column', table: member, column: column('seen') },
      { kind: 'add_column', table: team, column: col('color', 'varchar', { length: 10, nullable: true }) },
      { kind: 'create_index', table: team, index: { name: 'IDX_color', columns: ['color'], unique: false } },
      { kind: 'rename_column', table: team, from: 'name', to: 'label', column: team.columns[1]! },
      { kind: 'create_table', table: myTable('extra', [col('id')]) },
      { kind: 'drop_view', view: { name: 'nothing', definition: 'SELECT 1', reads: [] } },
    ]
    const statements = compile(ops)
    await run(statements)
    await run(statements)
    expect(await indexNames('team')).toEqual(['IDX_color', 'PRIMARY'])
    expect((await columnsOf('team')).map((c) => c.COLUMN_NAME)).toEqual(['id', 'label', 'color'])
    expect(await constraintNames('member')).toEqual(['PRIMARY KEY PRIMARY', 'UNIQUE UQ_title'])
    const back = dialect.compile(changeSetOf(mySchema([team, { ...member, foreignKeys: [] }]), [
      { kind: 'add_foreign_key', table: member, foreignKey: member.foreignKeys[0]! },
      { kind: 'add_check', table: member, check: member.checks[0]! },
    ]))
    await run(back)
    await run(back)
    expect(await constraintNames('member')).toEqual(['CHECK CHK_score', 'FOREIGN KEY FK_member_team', 'PRIMARY KEY PRIMARY', 'UNIQUE UQ_title'])
  })

  it('runs an up again after it failed past a table it renamed', async () => {
    const box = myTable('box', [col('id')], { primaryKey: { columns: ['id'] } })
    await run(compile([{ kind: 'create_table', table: box }], mySchema([])))
    const statements = compile([{ kind: 'rename_table', from: { name: 'box' }, to: { name: 'crate' }, table: box }], mySchema([box]))
    expect(statements.map((s) => s.sql)).toEqual(['RENAME TABLE IF EXISTS `box` TO `crate`'])
    await run(statements)
    await run(statements)
    expect(await db.query("SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('box', 'crate')")).toEqual([{ t: 'crate' }])
  })

  it('runs an up again after it failed past a table it dropped, whose foreign key it dropped first', async () => {
    const ops: Operation[] = [
      { kind: 'drop_foreign_key', table: member, foreignKey: member.foreignKeys[0]! },
      { kind: 'drop_table', table: member },
      { kind: 'add_column', table: team, column: col('color', 'varchar', { length: 10, nullable: true }) },
    ]
    const statements = compile(ops)
    await run(statements)
    await run(statements)
    expect(await db.query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'member'")).toEqual([])
    expect((await columnsOf('team')).map((c) => c.COLUMN_NAME)).toEqual(['id', 'name', 'color'])
  })

  it('changes the type of columns a foreign key joins, dropping the key before and adding it after', async () => {
    const statements = compile([
      alterColumn(team, team.columns[0]!, { ...team.columns[0]!, type: 'bigint' }),
      alterColumn(member, column('team_id'), { ...column('team_id'), type: 'bigint' }),
    ])
    await run(statements)
    expect(await constraintNames('member')).toContain('FOREIGN KEY FK_member_team')
    expect((await columnsOf('team'))[0]!.COLUMN_TYPE).toBe('bigint(20)')
    expect((await columnsOf('member'))[1]!.COLUMN_TYPE).toBe('bigint(20)')
    // Without the drop, MariaDB refuses the change.
    await expect(db.query('ALTER TABLE `team` MODIFY COLUMN `id` int NOT NULL')).rejects.toThrow(/used in a foreign key constraint/)
  })

  it('lengthens and shortens a VARCHAR with MODIFY COLUMN, keeping the rows', async () => {
    await run(compile([alterColumn(member, column('title'), { ...column('title'), length: 200 })]))
    await run(compile([alterColumn(member, { ...column('title'), length: 200 }, { ...column('title'), length: 5 })]))
    expect(await db.query('SELECT title FROM member ORDER BY id')).toEqual([{ title: 'x' }, { title: 'y' }, { title: null }])
    expect((await columnsOf('member'))[2]!.COLUMN_TYPE).toBe('varchar(5)')
  })

  it('changes a uuid column to bigint and back through a varchar: NULLs survive; a value that does not convert fails with the server\'s error', async () => {
    const ref = col('ref', 'uuid', { nullable: true })
    await run(compile([{ kind: 'add_column', table: member, column: ref }]))
    const withRef = mySchema([{ ...member, columns: [...member.columns, ref] }, team])
    const toBigint = changeSetOf(withRef, [alterColumn(member, ref, { ...ref, type: 'bigint' })])
    const refs = async () => (await db.query<{ ref: unknown }>('SELECT ref FROM member ORDER BY id')).map((r) => r.ref)
    const refType = async () => (await columnsOf('member')).find((c) => c.COLUMN_NAME === 'ref')!.COLUMN_TYPE
    await run(dialect.compile(toBigint))
    expect([await refType(), await refs()]).toEqual(['bigint(20)', [null, null, null]])
    await run(dialect.compile(reverseChangeSet(toBigint)))
    expect([await refType(), await refs()]).toEqual(['uuid', [null, null, null]])
    // Without the varchar between, MariaDB refuses the change even with no value to convert.
    await expect(db.query('ALTER TABLE `member` MODIFY COLUMN `ref` bigint NULL')).rejects.toThrow(/Cannot cast 'uuid' as 'bigint'/)
    await db.query("UPDATE member SET ref = '123e4567-e89b-12d3-a456-426614174000' WHERE id = 1")
    await expect(run(dialect.compile(toBigint))).rejects.toThrow(/Truncated incorrect INTEGER value: '123e4567-e89b-12d3-a456-426614174000'/)
    await db.query("UPDATE member SET seen = '2024-01-02 03:04:05' WHERE id = 2")
    const seen = column('seen')
    await expect(run(compile([alterColumn(member, seen, { ...seen, type: 'uuid' })]))).rejects.toThrow(/Incorrect uuid value: '2024-01-02 03:04:05'/)
  })

  it('measures what the hazards say: outside strict mode a narrowing truncates silently; a NOT NULL column added fills implicit defaults even in strict mode', async () => {
    await db.query("UPDATE member SET title = 'abcdefghij' WHERE id = 1")
    const narrow = compile([alterColumn(member, column('title'), { ...column('title'), length: 3 })]).at(-1)!.sql
    await expect(db.query(narrow)).rejects.toThrow(/Data too long|truncated/i)
    await db.query(`SET SESSION sql_mode = ''; ${narrow}`).catch(() => undefined)
    const loose = await import('mysql2/promise').then((m) => m.createConnection({ host: '127.0.0.1', user: 'root', database: (db.options as { database: string }).database }))
    try {
      await loose.query("SET SESSION sql_mode = ''")
      await loose.query(narrow)
      const [rows] = await loose.query('SELECT title FROM member WHERE id = 1')
      expect(rows).toEqual([{ title: 'abc' }])
    } finally {
      await loose.end()
    }
    await run(compile([
      { kind: 'add_column', table: team, column: col('rank') },
      { kind: 'add_column', table: team, column: col('since', 'date') },
      { kind: 'add_column', table: team, column: col('code', 'varchar', { length: 5 }) },
    ]))
    expect(await db.query('SELECT `rank`, since, code FROM team ORDER BY id')).toEqual([
      { rank: 0, since: '0000-00-00', code: '' }, { rank: 0, since: '0000-00-00', code: '' },
    ])
  })

  it('runs up and then down back to the same table, SHOW CREATE TABLE for SHOW CREATE TABLE', async () => {
    const original = await showCreate('member')
    const ops: Operation[] = [
      { kind: 'drop_foreign_key', table: member, foreignKey: member.foreignKeys[0]! },
      { kind: 'add_column', table: member, column: col('bio', 'text', { nullable: true, comment: 'about' }) },
      { kind: 'create_index', table: member, index: { name: 'IDX_bio', columns: ['bio'], unique: false, keyOptions: [{ length: 20 }] } },
      alterColumn(member, column('title'), { ...column('title'), length: 60, default: "'none'" }),
      { kind: 'drop_check', table: member, check: member.checks[0]! },
      { kind: 'add_check', table: member, check: { name: 'CHK_positive', expression: '`score` > 0' } },
      { kind: 'rename_column', table: member, from: 'score', to: 'points', column: column('score') },
      { kind: 'rename_index', table: member, from: 'IDX_score', to: 'IDX_points', index: member.indexes[1]! },
      { kind: 'alter_table_comment', table: member, to: 'members' },
    ]
    const changes = changeSetOf(schema, ops)
    await run(dialect.compile(changes))
    expect(await showCreate('member')).not.toBe(original)
    await run(dialect.compile(reverseChangeSet(changes)))
    expect(await showCreate('member')).toBe(original)
    expect(await db.query('SELECT score FROM member ORDER BY id')).toEqual([{ score: 1 }, { score: 2 }, { score: 3 }])
  })

  it('creates, replaces and drops views; a renamed column breaks a view at query time, so renames are views breaking', async () => {
    const view = { name: 'titles', definition: 'SELECT `id`, `title` FROM `member`', reads: [{ name: 'member', columns: ['id', 'title'] }] }
    await run(compile([{ kind: 'create_view', view }]))
    await run(compile([{ kind: 'replace_view', from: view, to: { ...view, definition: 'SELECT `title` FROM `member` WHERE `id` > 1' } }]))
    expect(await db.query('SELECT * FROM titles')).toEqual([{ title: 'y' }, { title: null }])
    const rename: Operation[] = [{ kind: 'rename_column', table: member, from: 'title', to: 'headline', column: column('title') }]
    expect(dialect.viewBreakingChanges(changeSetOf(schema, rename))).toEqual([{ name: 'member', columns: ['title'] }])
    await run(compile(rename))
    await expect(db.query('SELECT * FROM titles')).rejects.toThrow(/invalid table\(s\) or column\(s\)/)
    await run(compile([{ kind: 'drop_view', view }]))
    await run(compile([{ kind: 'drop_view', view }]))
    expect(await db.query("SELECT COUNT(*) AS n FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()")).toEqual([{ n: '0' }])
  })

  it('writes SQL for an unknown server that MariaDB accepts too, ALGORITHM and LOCK included', async () => {
    const unknown = mysqlDialectAt(undefined)
    const first: Operation[] = [
      { kind: 'rename_column', table: member, from: 'title', to: 'headline', column: column('title') },
      { kind: 'rename_index', table: member, from: 'IDX_score', to: 'IDX_points', index: member.indexes[1]! },
      { kind: 'drop_foreign_key', table: member, foreignKey: member.foreignKeys[0]! },
      { kind: 'create_index', table: member, index: { name: 'IDX_mood', columns: ['mood'], unique: false } },
    ]
    const changes = changeSetOf(schema, first)
    const statements = unknown.compile(changes)
    expect(statements.map((s) => s.sql)).toEqual([
      'ALTER TABLE `member` RENAME COLUMN `title` TO `headline`, ALGORITHM=INPLACE, LOCK=NONE',
      'ALTER TABLE `member` RENAME INDEX `IDX_score` TO `IDX_points`, ALGORITHM=INPLACE, LOCK=NONE',
      'ALTER TABLE `member` DROP FOREIGN KEY `FK_member_team`, ADD INDEX `IDX_mood` (`mood`), ALGORITHM=INPLACE, LOCK=NONE',
    ])
    await run(statements)
    // MySQL 8 asserts nothing for a check dropped or a column added, so neither does an unknown server.
    const second = unknown.compile(changeSetOf(changes.schemaAt(first.length), [
      { kind: 'drop_check', table: member, check: member.checks[0]! },
      { kind: 'add_column', table: member, column: col('bio', 'text', { nullable: true }) },
    ]))
    expect(second.map((s) => s.sql)).toEqual(['ALTER TABLE `member` DROP CONSTRAINT `CHK_score`, ADD COLUMN `bio` text NULL'])
    await run(second)
    expect(await indexNames('member')).toEqual(['FK_member_team', 'IDX_mood', 'IDX_points', 'PRIMARY', 'UQ_title'])
    expect(await constraintNames('member')).toEqual(['PRIMARY KEY PRIMARY', 'UNIQUE UQ_title'])
  })
})
