import { sqliteDialect } from '../../../src/dialect/sqlite/sqlite-dialect'
import type { SchemaModel, TableModel } from '../../../src/model/schema-model'
import { applyOperations } from '../../../src/operations/apply'
import type { Operation } from '../../../src/operations/operation'
import { reverseOperations } from '../../../src/operations/reverse'
import { type ScratchDatabase, col, createAll, schema, scratchDatabase, table } from './sqlite-fixtures'
import { canonicalOnly } from '../../support/model-builders'
import { changeSetOf } from '../../../src/plan/change-set'
import { alterColumn } from '../../../src/plan/column-change'

/** kinds has a column of every kind; some values are spelled off-canonical on purpose, for normalize. */
const kinds = table('kinds', {
  columns: [
    col('id', 'INTEGER', { generated: { kind: 'increment' }, comment: 'the key' }),
    col('small', 'smallint', { default: '(-1)' }),
    col('big', 'bigint', { nullable: true }),
    col('label', 'varchar', { length: 50, default: "'it''s  here'" }),
    col('body', 'text', { nullable: true, collation: 'nocase' }),
    col('flag', 'boolean', { default: 'true' }),
    col('created', 'datetime', { default: "datetime('now')" }),
    col('touched', 'datetime', { nullable: true, default: 'current_timestamp' }),
    col('day', 'date', { nullable: true }),
    col('price', 'decimal', { precision: 10, scale: 2, default: '0.5' }),
    col('ratio', 'real', { nullable: true }),
    col('raw', 'blob', { nullable: true }),
    col('doc', 'json', { nullable: true, default: `'{"a":1}'` }),
    col('mood', 'varchar', { length: 20, enumValues: ['happy', "it's ok", 'sad'], default: "'happy'" }),
    col('uuid', 'varchar', { generated: { kind: 'uuid' } }),
    col('twice', 'integer', { nullable: true, computed: { expression: '"small"  *  2', stored: false } }),
    col('upper', 'text', { nullable: true, computed: { expression: 'upper("label")', stored: true } }),
    col('gone', 'Numeric', { nullable: true, default: 'NULL' }),
  ],
  primaryKey: { name: 'PK_ignored', columns: ['id'] },
  uniques: [{ name: 'UQ_kinds_label', columns: ['label'] }],
  checks: [{ name: 'CHK_kinds_price', expression: ' ( "price"   >= 0 ) ' }],
  indexes: [
    { name: 'IDX_kinds_partial', columns: ['mood', 'day'], unique: false, where: '("day" IS NOT NULL)' },
    { name: 'IDX_kinds_uuid', columns: ['uuid'], unique: true, method: 'btree' },
  ],
  comment: 'tables keep no comments',
})

const teams = table('teams', {
  columns: [col('id', 'varchar', { length: 36 }), col('name', 'varchar', { length: 100 })],
  primaryKey: { columns: ['id'] },
  uniques: [{ name: 'UQ_teams_name', columns: ['name'] }],
})

const members = table('members', {
  columns: [col('teamId', 'varchar', { length: 36 }), col('kindId', 'integer'), col('role', 'varchar', { enumValues: ['owner', 'guest'] }), col('since', 'date', { nullable: true })],
  primaryKey: { columns: ['teamId', 'kindId'] },
  uniques: [{ name: 'UQ_members_role', columns: ['teamId', 'role'] }],
  checks: [{ name: 'CHK_members_since', expression: `"since" > '2000-01-01'` }],
  foreignKeys: [
    { name: 'FK_members_team', columns: ['teamId'], referencedTable: 'teams', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'cascade' as never },
    { name: 'FK_members_kind', columns: ['kindId'], referencedTable: 'kinds', referencedColumns: ['id'], onDelete: 'SET NULL', onUpdate: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' },
  ],
  indexes: [{ name: 'IDX_members_kind', columns: ['kindId'], unique: false }],
})

const normalize = (model: SchemaModel) => sqliteDialect.normalize(model)
const start = normalize(schema(kinds, teams, members))

const ROWS = {
  kinds: 'SELECT id, small, label, body, flag, price, mood, uuid, twice, upper FROM kinds ORDER BY id',
  teams: 'SELECT * FROM teams ORDER BY id',
  members: 'SELECT * FROM members ORDER BY teamId, kindId',
}

function seed(db: ScratchDatabase): void {
  db.db.exec(`
    INSERT INTO kinds (label, body, price, mood, uuid) VALUES ('one', 'first', 1.25, 'sad', 'u-1'), ('two', NULL, 2, 'it''s ok', 'u-2');
    INSERT INTO teams (id, name) VALUES ('t-1', 'red'), ('t-2', 'blue');
    INSERT INTO members (teamId, kindId, role, since) VALUES ('t-1', 1, 'owner', '2020-05-01'), ('t-2', 2, 'guest', NULL);
  `)
}

function rows(db: ScratchDatabase): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(ROWS).map(([name, sql]) => [name, db.db.prepare(sql).all()]))
}

function up(db: ScratchDatabase, before: SchemaModel, ops: readonly Operation[]): void {
  db.apply(sqliteDialect.compile(changeSetOf(before, ops)))
}

function down(db: ScratchDatabase, before: SchemaModel, ops: readonly Operation[]): void {
  db.apply(sqliteDialect.compile(changeSetOf(applyOperations(before, ops), reverseOperations(ops))))
}

const tableNamed = (model: SchemaModel, name: string): TableModel => model.tables.find((t) => t.name === name) as TableModel

describe('sqlite round trip on real files', () => {
  let db: ScratchDatabase
  beforeEach(() => {
    db = scratchDatabase()
  })
  afterEach(() => db.remove())

  test('created tables read back as the normalized input, and the down migration removes them', async () => {
    const ops = createAll(start)
    up(db, schema(), ops)
    expect(await db.read()).toEqual(start)
    down(db, schema(), ops)
    expect(await db.read()).toEqual(schema())
  })

  test('normalize drops what SQLite keeps no trace of and spells the rest canonically', () => {
    expect(normalize(start)).toEqual(start)
    const k = tableNamed(start, 'kinds')
    expect(k.primaryKey).toEqual({ columns: ['id'] })
    expect(k.comment).toBeUndefined()
    expect(k.columns.find((c) => c.name === 'id')).toEqual({ name: 'id', type: 'integer', nullable: false, generated: { kind: 'increment' } })
    expect(k.columns.find((c) => c.name === 'uuid')).toEqual({ name: 'uuid', type: 'varchar', nullable: false })
    expect(canonicalOnly(k.columns.find((c) => c.name === 'mood'))).toEqual({ name: 'mood', type: 'varchar', nullable: false, default: "'happy'", enumValues: ['happy', "it's ok", 'sad'] })
    expect(k.columns.map((c) => c.default)).toEqual([
      undefined, '-1', undefined, "'it''s  here'", undefined, '1', 'CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP', undefined, '0.5',
      undefined, undefined, `'{"a":1}'`, "'happy'", undefined, undefined, undefined, undefined,
    ])
    expect(canonicalOnly(k.checks)).toEqual([{ name: 'CHK_kinds_price', expression: 'price >= 0' }])
    expect(k.indexes.map((i) => [i.where, i.method])).toEqual([['day IS NOT NULL', undefined], [undefined, undefined]])
    expect(tableNamed(start, 'members').foreignKeys.map((f) => f.onUpdate)).toEqual(['NO ACTION', 'CASCADE'])
  })

  test('a rebuild and in-place changes with rows in the tables, then their reverse', async () => {
    up(db, schema(), createAll(start))
    seed(db)
    const rowsBefore = rows(db)
    const label = tableNamed(start, 'kinds').columns[3]
    const role = tableNamed(start, 'members').columns[2]
    const teams = tableNamed(start, 'teams')
    const columnOf = (t: typeof teams, name: string) => t.columns.find((c) => c.name === name)!
    const ops: Operation[] = [
      // kinds: rebuilt once for the three of them
      alterColumn({ name: 'kinds' }, label, { ...label, length: 80, nullable: true }),
      { kind: 'add_check', table: { name: 'kinds' }, check: { name: 'CHK_kinds_small', expression: '"small" < 100' } },
      { kind: 'drop_unique', table: { name: 'kinds' }, unique: { name: 'UQ_kinds_label', columns: ['label'] } },
      // teams: in place, then renamed (SQLite follows the rename in the members foreign key)
      { kind: 'rename_column', table: { name: 'teams' }, from: 'name', to: 'title', column: columnOf(teams, 'name') },
      { kind: 'add_column', table: { name: 'teams' }, column: col('rank', 'integer', { default: '3' }) },
      { kind: 'create_index', table: { name: 'teams' }, index: { name: 'IDX_teams_rank', columns: ['rank'], unique: false, where: '"rank" > 0' } },
      { kind: 'rename_table', from: { name: 'teams' }, to: { name: 'squads' }, table: teams },
      // members: rebuilt once, following a renamed column (and its check) and the new parent name
      { kind: 'rename_column', table: { name: 'members' }, from: 'since', to: 'joined', column: columnOf(tableNamed(start, 'members'), 'since') },
      { kind: 'drop_check', table: { name: 'members' }, check: { name: 'CHK_members_since', expression: `"since" > '2000-01-01'` } },
      { kind: 'add_check', table: { name: 'members' }, check: { name: 'CHK_members_joined', expression: `"joined" > '2000-01-01'` } },
      alterColumn({ name: 'members' }, role, { ...role, enumValues: ['owner', 'guest', 'admin'], default: "'guest'" }),
      { kind: 'drop_index', table: { name: 'members' }, index: { name: 'IDX_members_kind', columns: ['kindId'], unique: false } },
      { kind: 'add_column', table: { name: 'members' }, column: col('note', 'text', { default: "'none'" }) },
    ]
    up(db, start, ops)
    expect(await db.read()).toEqual(normalize(applyOperations(start, ops)))
    expect(db.db.prepare(ROWS.kinds).all()).toEqual(rowsBefore.kinds)
    expect(db.db.prepare('SELECT id, title, rank FROM squads ORDER BY id').all()).toEqual([
      { id: 't-1', title: 'red', rank: 3 },
      { id: 't-2', title: 'blue', rank: 3 },
    ])
    expect(db.db.prepare('SELECT teamId, kindId, role, joined, note FROM members ORDER BY teamId').all()).toEqual([
      { teamId: 't-1', kindId: 1, role: 'owner', joined: '2020-05-01', note: 'none' },
      { teamId: 't-2', kindId: 2, role: 'guest', joined: null, note: 'none' },
    ])
    down(db, start, ops)
    expect(await db.read()).toEqual(start)
    expect(rows(db)).toEqual(rowsBefore)
  })

  test('a rebuild that leaves rows pointing nowhere fails with its message and changes nothing', async () => {
    up(db, schema(), createAll(start))
    seed(db)
    db.db.pragma('foreign_keys = OFF')
    db.db.exec(`INSERT INTO members (teamId, kindId, role) VALUES ('t-9', 1, 'guest')`)
    db.db.pragma('foreign_keys = ON')
    const since = tableNamed(start, 'members').columns[3]
    const ops: Operation[] = [alterColumn({ name: 'members' }, since, { ...since, type: 'datetime' })]
    expect(() => up(db, start, ops)).toThrow(`Rebuilding "members" broke a foreign key: fix the rows listed by SELECT * FROM pragma_foreign_key_check('members')`)
    expect(await db.read()).toEqual(start)
  })

  test('rebuilding a parent keeps the foreign keys that point at it', async () => {
    up(db, schema(), createAll(start))
    seed(db)
    const body = tableNamed(start, 'kinds').columns[4]
    const ops: Operation[] = [alterColumn({ name: 'kinds' }, body, { ...body, collation: 'RTRIM' })]
    up(db, start, ops)
    expect(await db.read()).toEqual(normalize(applyOperations(start, ops)))
    expect(db.db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    db.db.exec('DELETE FROM teams WHERE id = \'t-1\'')
    expect(db.db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 1 })
  })
})
