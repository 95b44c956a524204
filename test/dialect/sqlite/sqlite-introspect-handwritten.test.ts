import { DefaultNamingStrategy } from 'typeorm'
import { parseDeclaredType } from '../../../src/dialect/sqlite/sqlite-column-type'
import { parseCreateTable } from '../../../src/dialect/sqlite/sqlite-create-table-parser'
import { parseIndexKeys } from '../../../src/dialect/sqlite/sqlite-create-index-parser'
import { canonicalDefault } from '../../../src/dialect/sqlite/sqlite-normalize'
import { canonicalSql } from '../../../src/dialect/sqlite/sqlite-sql-text'
import type { TableModel } from '../../../src/model/schema-model'
import { type ScratchDatabase, scratchDatabase } from './sqlite-fixtures'
import { canonicalOnly } from '../../support/model-builders'

describe('sqlite text rules', () => {
  test('canonicalSql collapses whitespace outside quotes and strips redundant outer parentheses', () => {
    expect(canonicalSql('  ((  "a"   >  0 ))  ')).toBe('a > 0')
    expect(canonicalSql(`( 'a   b' || "c  d" )`)).toBe(`'a   b' || "c  d"`)
    // A name that reads the same bare is unquoted; one that does not keeps its quotes.
    expect(canonicalSql(`"Amount" + "order" + "total_2"`)).toBe(`"Amount" + "order" + total_2`)
    expect(canonicalSql('(a) + (b)')).toBe('(a) + (b)')
    expect(canonicalSql("datetime( 'now' )")).toBe("datetime('now')")
    expect(canonicalSql(`(')')`)).toBe(`')'`)
  })

  test('canonicalDefault: NULL is no default, booleans are 1/0, CURRENT_* upper case', () => {
    expect([canonicalDefault('NULL'), canonicalDefault('(null)'), canonicalDefault('TRUE'), canonicalDefault('false')]).toEqual([undefined, undefined, '1', '0'])
    expect(canonicalDefault('current_timestamp')).toBe('CURRENT_TIMESTAMP')
    expect(canonicalDefault("('abc')")).toBe("'abc'")
  })

  test('parseDeclaredType splits parameters; a lone one is a precision only for numeric and date types', () => {
    expect(parseDeclaredType('VARCHAR(255)')).toEqual({ type: 'varchar', length: 255 })
    expect(parseDeclaredType('decimal(10, 2)')).toEqual({ type: 'decimal', precision: 10, scale: 2 })
    expect(parseDeclaredType('DATETIME(3)')).toEqual({ type: 'datetime', precision: 3 })
    expect(parseDeclaredType('double  precision')).toEqual({ type: 'double precision' })
    expect(parseDeclaredType('')).toEqual({ type: '' })
  })

  test('parseIndexKeys reads each key as written, without its COLLATE and direction', () => {
    expect(parseIndexKeys(`CREATE INDEX "i(x" ON [t] ("a" COLLATE nocase DESC, lower(b || ','), (c + 1) asc, substr(d, 1, 2) collate "binary") WHERE e > 0`))
      .toEqual(['"a"', "lower(b || ',')", '(c + 1)', 'substr(d, 1, 2)'])
  })

  test('parseCreateTable reads inline and table constraints, quoted every way, around comments', () => {
    const parsed = parseCreateTable(`CREATE TABLE [odd] (
      id INTEGER PRIMARY KEY AUTOINCREMENT, -- the key
      \`kind\` text CONSTRAINT kind_uq UNIQUE CHECK (kind IN ('a', 'b')) COLLATE nocase,
      parent integer CONSTRAINT fk_parent REFERENCES odd (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
      /* a generated one */ g integer GENERATED ALWAYS AS (id + 1) STORED,
      CONSTRAINT "my check" CHECK (length(kind) > 0),
      UNIQUE (parent, kind),
      late text
    ) WITHOUT ROWID`)
    expect(parsed.withoutRowid).toBe(true)
    expect(parsed.columns.get('id')).toEqual({ autoincrement: true })
    expect(parsed.columns.get('kind')).toEqual({ autoincrement: false, enumValues: ['a', 'b'], collation: 'nocase' })
    expect(parsed.columns.get('g')).toEqual({ autoincrement: false, computed: { expression: 'id + 1', stored: true } })
    expect(parsed.columns.has('late')).toBe(true)
    expect(parsed.uniques).toEqual([{ name: 'kind_uq', columns: ['kind'] }, { columns: ['parent', 'kind'] }])
    expect(parsed.checks).toEqual([{ name: 'my check', expression: 'length(kind) > 0' }])
    expect(parsed.foreignKeys).toEqual([{ name: 'fk_parent', columns: ['parent'], referencedTable: 'odd', deferrable: 'INITIALLY DEFERRED' }])
  })
})

describe('sqlite introspection of hand-written tables', () => {
  let db: ScratchDatabase
  let tables: readonly TableModel[]
  const naming = new DefaultNamingStrategy()

  beforeAll(async () => {
    db = scratchDatabase()
    db.db.exec(`
      CREATE TABLE parent (id integer primary key, code text not null unique);
      CREATE TABLE child (
        id integer,
        parent_id integer references parent on delete cascade,
        note text check (length(note) < 10) default 'x',
        qty int default (1 + 1),
        primary key (id)
      );
      CREATE INDEX child_expr ON child (lower(note));
      CREATE UNIQUE INDEX child_note ON child (note COLLATE nocase DESC) WHERE qty > 1;
      CREATE VIEW v AS SELECT * FROM child;
      CREATE TABLE migrations (id integer primary key);
    `)
    tables = (await db.read(['migrations'])).tables
  })
  afterAll(() => db.remove())

  test('unnamed constraints take the names TypeORM would give them', () => {
    expect(tables.map((t) => t.name)).toEqual(['child', 'parent'])
    const [child, parent] = tables
    expect(parent.uniques).toEqual([{ name: naming.uniqueConstraintName('parent', ['code']), columns: ['code'] }])
    expect(canonicalOnly(child.checks)).toEqual([{ name: naming.checkConstraintName('child', 'length(note) < 10'), expression: 'length(note) < 10' }])
    expect(child.foreignKeys).toEqual([
      {
        name: naming.foreignKeyName('child', ['parent_id']),
        columns: ['parent_id'],
        referencedTable: 'parent',
        referencedColumns: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      },
    ])
  })

  test('an INTEGER PRIMARY KEY is never null; defaults and partial indexes are canonical; indexes are read whole (issue 8: expressions, DESC, collations)', () => {
    const [child] = tables
    expect(canonicalOnly(child.columns)).toEqual([
      { name: 'id', type: 'integer', nullable: false },
      { name: 'parent_id', type: 'integer', nullable: true },
      { name: 'note', type: 'text', nullable: true, default: "'x'" },
      { name: 'qty', type: 'int', nullable: true, default: '1 + 1' },
    ])
    expect(canonicalOnly(child.indexes)).toEqual([
      { name: 'child_expr', columns: ['lower(note)'], unique: false },
      { name: 'child_note', columns: ['note'], unique: true, where: 'qty > 1', keyOptions: [{ collation: 'NOCASE', descending: true }] },
    ])
  })
})

describe('sqlite AUTOINCREMENT in a table constraint', () => {
  test('PRIMARY KEY ("id" AUTOINCREMENT), as DB Browser for SQLite writes it (Maintainerr\'s migrations), is an increment key', async () => {
    const db = scratchDatabase()
    try {
      db.db.exec(`
        CREATE TABLE "rules" (
          "id"\tinteger NOT NULL,
          "section"\tinteger NOT NULL DEFAULT (0),
          PRIMARY KEY("id" AUTOINCREMENT)
        );
        CREATE TABLE "pair" ("a" integer NOT NULL, "b" integer NOT NULL, PRIMARY KEY ("a", "b"));
      `)
      const [pair, rules] = (await db.read()).tables
      expect(rules.columns.map((c) => [c.name, c.generated])).toEqual([['id', { kind: 'increment' }], ['section', undefined]])
      expect(rules.primaryKey?.columns).toEqual(['id'])
      expect(pair.columns.map((c) => c.generated)).toEqual([undefined, undefined])
    } finally {
      db.remove()
    }
  })
})

describe('sqlite defaults of numeric affinity', () => {
  // knex's defaultTo(0) writes DEFAULT '0'; TypeORM writes DEFAULT 0. SQLite's affinity stores the same value for
  // both in a column of numeric affinity, and in a text column; an untyped column (BLOB affinity) keeps each as written.
  let db: ScratchDatabase
  beforeAll(() => {
    db = scratchDatabase()
    db.db.exec(`
      CREATE TABLE quoted (id integer primary key, n integer not null default '0', flag boolean not null default '1',
        ratio float not null default '0.5', at datetime default '2020-01-01', label text not null default '0', raw default '7');
      CREATE TABLE bare (id integer primary key, n integer not null default 0, flag boolean not null default 1,
        ratio float not null default 0.5, at datetime default '2020-01-01', label text not null default 0, raw default 7);
      INSERT INTO quoted (id) VALUES (1); INSERT INTO bare (id) VALUES (1);
    `)
  })
  afterAll(() => db.remove())

  test('a quoted number is the number in an integer, boolean or float column, a bare integer is its text in a text column', async () => {
    const stored = (table: string) => db.db.prepare(`SELECT n, typeof(n), flag, typeof(flag), ratio, typeof(ratio), label, typeof(label), raw, typeof(raw) FROM ${table}`).get()
    const defaults = (table: TableModel) => Object.fromEntries(table.columns.map((c) => [c.name, c.default]))
    const [bare, quoted] = (await db.read()).tables
    // What SQLite stores tells which defaults are the same: all but the untyped column's.
    const [quotedValues, bareValues] = [stored('quoted') as Record<string, unknown>, stored('bare') as Record<string, unknown>]
    expect(Object.keys(quotedValues).filter((k) => quotedValues[k] !== bareValues[k])).toEqual(['raw', 'typeof(raw)'])
    expect(defaults(quoted)).toEqual({ ...defaults(bare), raw: "'7'" })
    expect(defaults(quoted)).toMatchObject({ n: '0', flag: '1', ratio: '0.5', at: "'2020-01-01'", label: "'0'", raw: "'7'" })
    expect(defaults(bare).raw).toBe('7')
  })
})

describe('sqlite introspection of triggers', () => {
  let db: ScratchDatabase
  let tables: readonly TableModel[]

  beforeAll(async () => {
    db = scratchDatabase()
    db.db.exec(`
      CREATE TABLE account (id integer primary key, "Name" text, balance real, flag int);
      CREATE TABLE log (id integer primary key, account_id int, msg text, at text, "the note" text, kept text);
      CREATE TRIGGER account_logged AFTER UPDATE OF flag ON account WHEN new.balance > 0 BEGIN
        INSERT OR IGNORE INTO log AS l (account_id, "msg") VALUES (NEW.id, replace(new.name, 'a', 'b'))
          ON CONFLICT (id) DO UPDATE SET at = 'now';
        UPDATE log SET "the note" = CASE WHEN old.flag THEN 'x' END, (kept, msg) = ('k', 'm') WHERE account_id = old.id;
        REPLACE INTO log VALUES (1, 2, 'a', 'b', 'c', 'd');
        UPDATE OR ROLLBACK account SET balance = (SELECT count(*) FROM log WHERE log.msg = 'x'), missing = 1 WHERE id = new.id;
      END;
    `)
    tables = (await db.read([])).tables
  })
  afterAll(() => db.remove())

  // What TRIGGER_READS_COLUMN and the guard against a rebuild dropping a column read use.
  test('a trigger reads the columns of its table it names as NEW or OLD, and writes those its statements assign', () => {
    const [trigger] = tables.find((t) => t.name === 'account')!.triggers!
    expect(trigger!.reads).toEqual(['id', 'Name', 'balance', 'flag'])
    expect(trigger!.writes).toEqual([
      { table: { name: 'account' }, columns: ['balance'] },
      { table: { name: 'log' }, columns: ['account_id', 'msg', 'at', 'the note', 'kept'] },
    ])
  })
})
