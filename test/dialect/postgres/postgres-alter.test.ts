import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import type { ColumnModel, EnumTypeModel, SchemaModel, TableModel } from '../../../src/model/schema-model'
import { applyOperations } from '../../../src/operations/apply'
import type { Operation } from '../../../src/operations/operation'
import { reverseOperations } from '../../../src/operations/reverse'
import { col, createOps, pgSchema, pgTable } from './pg-models'
import { createPgDatabase, type PgTestDatabase } from './pg-test-database'
import { canonicalOnly } from '../../support/model-builders'
import { changeSetOf } from '../../../src/plan/change-set'
import { enumUsers } from '../../../src/diff/enum-users'
import { alterColumn } from '../../../src/plan/column-change'

const orders = { schema: 'public', name: 'orders' }
const statusType = (values: string[]): EnumTypeModel => ({ schema: 'public', name: 'order_status', values })

const base = postgresDialect.normalize(pgSchema([
  pgTable('orders', [
    col('id', 'integer', { generated: { kind: 'increment' } }),
    col('qty', 'integer'),
    col('label', 'character varying', { length: 50, nullable: true }),
    col('note', 'text'),
    col('status', 'enum', { enumName: 'order_status', enumValues: ['new', 'paid', 'void'], default: "'new'" }),
  ], {
    primaryKey: { name: 'PK_orders', columns: ['id'] },
    checks: [{ name: 'CHK_orders_qty', expression: '"qty" > 0' }],
  }),
]))

/** The model after `ops`, with enum columns showing their type's labels, as introspection reads them. */
function expectedAfter(before: SchemaModel, ops: readonly Operation[]): SchemaModel {
  const model = applyOperations(before, ops)
  const labels = (t: TableModel, c: ColumnModel) => model.enums.find((e) => e.schema === t.schema && e.name === c.enumName)?.values
  return {
    ...model,
    tables: model.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) => (c.type === 'enum' ? { ...c, enumValues: [...(labels(t, c) ?? [])] } : c)),
    })),
  }
}

describe('postgres ALTER sequences on tables holding rows', () => {
  let db: PgTestDatabase
  const rows = () => db.exec('SELECT id, qty, label, note, status::text AS status FROM orders ORDER BY id')
  const ordersTable = (model: SchemaModel) => model.tables.find((t) => t.name === 'orders')!
  const column = (model: SchemaModel, name: string) => ordersTable(model).columns.find((c) => c.name === name)!

  /** migrate applies `ops` to the live database, checks the schema, then applies the reverse and checks it is back. */
  async function migrate(ops: (before: SchemaModel) => Operation[], whileMigrated?: () => Promise<void>): Promise<void> {
    const before = await db.introspect()
    const dataBefore = await rows()
    const up = ops(before)
    await db.apply(postgresDialect.compile(changeSetOf(before, up)))
    const after = await db.introspect()
    expect(canonicalOnly(after)).toEqual(canonicalOnly(expectedAfter(before, up)))
    await whileMigrated?.()
    await db.apply(postgresDialect.compile(changeSetOf(after, reverseOperations(up))))
    expect(await db.introspect()).toEqual(before)
    expect(await rows()).toEqual(dataBefore)
  }

  beforeAll(async () => {
    db = await createPgDatabase('alter')
    await db.apply(postgresDialect.compile(changeSetOf(await db.introspect(), createOps(base, await db.introspect()))))
    await db.exec(`INSERT INTO orders (qty, label, note, status) VALUES (1, 'one', 'a', 'new'), (2, 'two', 'b', 'paid'), (3, 'three', 'c', 'paid')`)
  })
  afterAll(async () => {
    await db.drop()
  })

  it('starts from the schema it was created with', async () => {
    expect(canonicalOnly(await db.introspect())).toEqual(canonicalOnly(base))
  })

  it('widens integer to bigint keeping the values', async () => {
    await migrate((before) => [alterColumn(orders, column(before, 'qty'), { ...column(before, 'qty'), type: 'bigint' })], async () => {
      expect(column(await db.introspect(), 'qty').type).toBe('bigint')
      expect((await rows()).map((r) => Number(r.qty))).toEqual([1, 2, 3])
    })
  })

  it('widens the serial key to bigint with its sequence', async () => {
    await migrate((before) => [alterColumn(orders, column(before, 'id'), { ...column(before, 'id'), type: 'bigint' })], async () => {
      const [seq] = await db.exec<{ data_type: string }>(`SELECT data_type FROM information_schema.sequences WHERE sequence_name = 'orders_id_seq'`)
      expect(seq!.data_type).toBe('bigint')
    })
  })

  it('turns varchar(50) NULL into varchar(100) NOT NULL keeping the data', async () => {
    await migrate((before) => [alterColumn(orders, column(before, 'label'), { ...column(before, 'label'), length: 100, nullable: false })], async () => {
      expect((await rows()).map((r) => r.label)).toEqual(['one', 'two', 'three'])
      await expect(db.exec(`INSERT INTO orders (qty, note) VALUES (4, 'x')`)).rejects.toThrow(/null value in column "label"/)
    })
  })

  it('refuses a shorter varchar while a value is longer, cutting nothing (an explicit cast to varchar(n) would)', async () => {
    const before = await db.introspect()
    const dataBefore = await rows()
    const label = column(before, 'label')
    const up = [alterColumn(orders, label, { ...label, length: 4 })]
    await expect(db.apply(postgresDialect.compile(changeSetOf(before, up)))).rejects.toThrow(/value too long for type character varying\(4\)/)
    expect(await rows()).toEqual(dataBefore)
    expect(await db.introspect()).toEqual(before)
  })

  it('refuses a shorter bit string while a value is longer, cutting no bit (an explicit cast to bit(n) would)', async () => {
    await db.exec(`CREATE TABLE flags (id integer PRIMARY KEY, b bit(8), v varbit(8))`)
    await db.exec(`INSERT INTO flags VALUES (1, B'10101111', B'101011'), (2, NULL, B'1')`)
    const flagRows = () => db.exec('SELECT id, b::text AS b, v::text AS v FROM flags ORDER BY id')
    try {
      const before = await db.introspect()
      const dataBefore = await flagRows()
      const flags = { schema: 'public', name: 'flags' }
      const flag = (name: string) => before.tables.find((t) => t.name === 'flags')!.columns.find((c) => c.name === name)!
      const narrow = async (name: string, to: Partial<ColumnModel>, refusal: RegExp) => {
        const up = [alterColumn(flags, flag(name), { ...flag(name), ...to })]
        await expect(db.apply(postgresDialect.compile(changeSetOf(before, up)))).rejects.toThrow(refusal)
        expect(await flagRows()).toEqual(dataBefore)
        expect(await db.introspect()).toEqual(before)
      }
      await narrow('b', { length: 4 }, /bit string length 8 does not match type bit\(4\)/)
      await narrow('v', { length: 4 }, /bit string too long for type bit varying\(4\)/)
      await narrow('v', { type: 'bit', length: 4 }, /bit string length 6 does not match type bit\(4\)/)
    } finally {
      await db.exec('DROP TABLE flags')
    }
  })

  it('makes a NOT NULL column nullable and back', async () => {
    await migrate((before) => [alterColumn(orders, column(before, 'note'), { ...column(before, 'note'), nullable: true })])
  })

  it('adds an enum value in place', async () => {
    await migrate((before) => [{ kind: 'alter_enum', from: before.enums[0]!, to: statusType(['new', 'paid', 'shipped', 'void']), users: enumUsers(before, before.enums[0]!) }], async () => {
      await db.exec(`UPDATE orders SET status = 'shipped' WHERE id = 3`)
      await db.exec(`UPDATE orders SET status = 'paid' WHERE id = 3`)
    })
  })

  it('refuses to drop an enum value that rows still hold, naming it', async () => {
    const before = await db.introspect()
    const up: Operation[] = [{ kind: 'alter_enum', from: before.enums[0]!, to: statusType(['new', 'void']), users: enumUsers(before, before.enums[0]!) }]
    await expect(db.apply(postgresDialect.compile(changeSetOf(before, up))))
      .rejects.toThrow(`enum "order_status" loses value 'paid', which 2 of the rows of "public"."orders"."status" still hold`)
    expect(await db.introspect()).toEqual(before)
  })

  it('drops an enum value no row holds, rebuilding the type, and puts it back', async () => {
    await migrate((before) => [{ kind: 'alter_enum', from: before.enums[0]!, to: statusType(['paid', 'new']), users: enumUsers(before, before.enums[0]!) }], async () => {
      const [type] = await db.exec<{ labels: string[] }>(`SELECT enum_range(NULL::order_status)::text[] AS labels`)
      expect(type!.labels).toEqual(['paid', 'new'])
    })
  })

  it('renames the table with its serial sequence', async () => {
    await migrate((before) => [{ kind: 'rename_table', from: orders, to: { schema: 'public', name: 'purchases' }, table: ordersTable(before) }], async () => {
      const [row] = await db.exec<{ seq: string }>(`SELECT pg_get_serial_sequence('purchases', 'id') AS seq`)
      expect(row!.seq).toBe('public.purchases_id_seq')
      await db.exec(`INSERT INTO purchases (qty, note, status) VALUES (9, 'n', 'new')`)
      await db.exec(`DELETE FROM purchases WHERE qty = 9`)
    })
  })

  it('changes a check expression', async () => {
    await migrate((before) => {
      const old = ordersTable(before).checks[0]!
      return [
        { kind: 'drop_check', table: orders, check: old },
        { kind: 'add_check', table: orders, check: { name: 'CHK_orders_qty', expression: 'qty >= 0 AND qty < 1000' } },
      ]
    }, async () => {
      expect(canonicalOnly(ordersTable(await db.introspect()).checks)).toEqual([{ name: 'CHK_orders_qty', expression: 'qty >= 0 AND qty < 1000' }])
      await expect(db.exec(`UPDATE orders SET qty = 5000 WHERE id = 1`)).rejects.toThrow(/CHK_orders_qty/)
    })
  })
})

describe('postgres changes of type to one table', () => {
  let db: PgTestDatabase
  const money = { schema: 'public', name: 'money' }
  const rows = () => db.exec('SELECT id, a::text AS a, b::text AS b, c::text AS c, d FROM money ORDER BY id')
  /** columnsOf finds a column of `table` in `model` by its name. */
  const columnsOf = (model: SchemaModel, table: string) => (name: string) => model.tables.find((t) => t.name === table)!.columns.find((c) => c.name === name)!
  /** rewrites counts the rewrites of any table so far: an event trigger on `table_rewrite` logs each. */
  const rewrites = async () => Number((await db.exec<{ n: string }>('SELECT count(*) AS n FROM rewrite_log'))[0]!.n)

  beforeAll(async () => {
    db = await createPgDatabase('rewrites')
    await db.exec('CREATE TABLE rewrite_log (at timestamptz NOT NULL DEFAULT now())')
    await db.exec('CREATE FUNCTION log_rewrite() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO rewrite_log DEFAULT VALUES; END $$')
    await db.exec('CREATE EVENT TRIGGER log_rewrites ON table_rewrite EXECUTE FUNCTION log_rewrite()')
    await db.exec(`CREATE TABLE money (id integer PRIMARY KEY, a integer NOT NULL DEFAULT 0, b integer, c integer NOT NULL, d varchar(20))`)
    await db.exec(`INSERT INTO money VALUES (1, 10, NULL, 3, 'x'), (2, 20, 2, 4, 'y')`)
  })
  afterAll(async () => {
    await db.exec('DROP EVENT TRIGGER log_rewrites')
    await db.drop()
  })

  it('are one ALTER TABLE carrying them all, which rewrites the table once; so is their down', async () => {
    const before = await db.introspect()
    const dataBefore = await rows()
    const column = columnsOf(before, 'money')
    const up = [
      ...['a', 'b', 'c'].map((name) => alterColumn(money, column(name), { ...column(name), type: 'bigint' })),
      alterColumn(money, column('d'), { ...column('d'), length: 40, nullable: false }),
    ]
    const statements = postgresDialect.compile(changeSetOf(before, up))
    expect(statements.map((s) => s.sql)).toEqual([
      'ALTER TABLE "public"."money" ALTER COLUMN "a" DROP DEFAULT, ALTER COLUMN "a" TYPE bigint USING "a"::bigint, ALTER COLUMN "a" SET DEFAULT 0, ' +
      'ALTER COLUMN "b" TYPE bigint USING "b"::bigint, ALTER COLUMN "c" TYPE bigint USING "c"::bigint, ' +
      'ALTER COLUMN "d" TYPE varchar(40) USING "d"::varchar, ALTER COLUMN "d" SET NOT NULL',
    ])
    expect(statements[0]!.operations).toEqual(up)
    await db.apply(statements)
    expect(await rewrites()).toBe(1)
    const after = await db.introspect()
    expect(canonicalOnly(after)).toEqual(canonicalOnly(applyOperations(before, up)))
    await db.apply(postgresDialect.compile(changeSetOf(after, reverseOperations(up))))
    expect(await rewrites()).toBe(2)
    expect(await db.introspect()).toEqual(before)
    expect(await rows()).toEqual(dataBefore)
  })

  it('take a serial key made bigint beside other columns into the one ALTER TABLE, its sequence altered after', async () => {
    // An events table of freeCodeCamp/chapter: BaseModel's serial id made bigint, with the chapter_id and venue_id
    // keys that follow it. ALTER SEQUENCE ... AS, written right after the key's clause, cut the ALTER TABLE in two.
    await db.exec('CREATE TABLE events (chapter_id integer, id serial PRIMARY KEY, venue_id integer)')
    await db.exec('INSERT INTO events (chapter_id, venue_id) VALUES (1, 2), (3, NULL)')
    const eventRows = () => db.exec('SELECT id::text AS id, chapter_id::text AS chapter_id, venue_id::text AS venue_id FROM events ORDER BY id')
    const before = await db.introspect()
    const dataBefore = await eventRows()
    const events = { schema: 'public', name: 'events' }
    const column = columnsOf(before, 'events')
    const up = ['chapter_id', 'id', 'venue_id'].map((name) => alterColumn(events, column(name), { ...column(name), type: 'bigint' }))
    const rewritesBefore = await rewrites()
    const statements = postgresDialect.compile(changeSetOf(before, up))
    expect(statements.map((s) => s.sql)).toEqual([
      'ALTER TABLE "public"."events" ALTER COLUMN "chapter_id" TYPE bigint USING "chapter_id"::bigint, ' +
      'ALTER COLUMN "id" TYPE bigint USING "id"::bigint, ALTER COLUMN "venue_id" TYPE bigint USING "venue_id"::bigint',
      'ALTER SEQUENCE "public"."events_id_seq" AS bigint',
    ])
    await db.apply(statements)
    expect(await rewrites()).toBe(rewritesBefore + 1)
    const [sequence] = await db.exec<{ type: string }>(`SELECT format_type(seqtypid, NULL) AS type FROM pg_sequence WHERE seqrelid = 'events_id_seq'::regclass`)
    expect(sequence!.type).toBe('bigint')
    const after = await db.introspect()
    expect(canonicalOnly(after)).toEqual(canonicalOnly(applyOperations(before, up)))
    await db.apply(postgresDialect.compile(changeSetOf(after, reverseOperations(up))))
    expect(await rewrites()).toBe(rewritesBefore + 2)
    expect(await db.introspect()).toEqual(before)
    expect(await eventRows()).toEqual(dataBefore)
  })

  it('leave DROP IDENTITY and DROP EXPRESSION a statement of their own, which a change of type in the same ALTER TABLE fails on', async () => {
    await db.exec('CREATE TABLE shapes (id integer PRIMARY KEY, n integer GENERATED BY DEFAULT AS IDENTITY, g bigint GENERATED ALWAYS AS (id * 2) STORED)')
    await db.exec('INSERT INTO shapes (id) VALUES (1), (2)')
    const shapeRows = () => db.exec('SELECT id, n::text AS n, g::text AS g FROM shapes ORDER BY id')
    const before = await db.introspect()
    const dataBefore = await shapeRows()
    const shapes = { schema: 'public', name: 'shapes' }
    const column = columnsOf(before, 'shapes')
    const { generated: _identity, ...n } = column('n')
    const { computed: _expression, ...g } = column('g')
    const up = [alterColumn(shapes, column('n'), { ...n, type: 'text' }), alterColumn(shapes, column('g'), { ...g, type: 'integer' })]
    await db.apply(postgresDialect.compile(changeSetOf(before, up)))
    const after = await db.introspect()
    expect(canonicalOnly(after)).toEqual(canonicalOnly(applyOperations(before, up)))
    await db.apply(postgresDialect.compile(changeSetOf(after, reverseOperations(up))))
    expect(await db.introspect()).toEqual(before)
    expect(await shapeRows()).toEqual(dataBefore)
  })
})
