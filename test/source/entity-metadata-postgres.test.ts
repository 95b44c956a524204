import { postgresEntities } from './fixtures/postgres-entities'
import { type ReadProject, readProject } from './helpers/load-entities'
import { type TempProject, tempProject } from '../support/temp-project'

// Port 1 on a host name that does not resolve: any attempt to connect would fail the test.
const unreachableConfig = `
import { DataSource } from 'typeorm'
import * as path from 'node:path'
export default new DataSource({
  type: 'postgres',
  host: 'no-such-host.invalid',
  port: 1,
  username: 'nobody',
  database: 'nowhere',
  entities: [path.join(__dirname, 'entities', '*.ts')],
})
`

describe('readEntities on PostgreSQL entities, from metadata alone', () => {
  let project: TempProject
  let read: ReadProject
  beforeAll(async () => {
    project = tempProject({ ...postgresEntities, 'ormconfig.ts': unreachableConfig })
    read = await readProject(project)
  })
  afterAll(() => project.remove())

  const column = (table: string, name: string) => read.table(table).columns.find((c) => c.name === name)

  test('tables keep their declared schema; others leave it to the dialect', () => {
    // sorted by qualifiedKey: "billing.account" < "counter"
    expect(read.model.tables.map((t) => [t.schema, t.name])).toEqual([
      ['billing', 'account'],
      ['billing', 'invoice'],
      [undefined, 'counter'],
    ])
    expect(read.model.schemas).toEqual(['billing'])
    expect(read.table('account').comment).toBe('paying customers')
  })

  test("types are the driver's spelling, with parameters only where TypeORM writes them", () => {
    expect(column('account', 'email')).toEqual({ name: 'email', type: 'character varying', nullable: false })
    expect(column('account', 'region')).toEqual({
      name: 'region', type: 'character varying', length: 8, nullable: false, default: "'eu'", declared: { stringDefault: 'eu' },
    })
    expect(column('account', 'credit')).toEqual({
      name: 'credit', type: 'numeric', precision: 12, scale: 2, nullable: false, default: "'0'",
    })
    expect(column('account', 'seenAt')).toEqual({
      name: 'seenAt', type: 'timestamp with time zone', nullable: false, default: 'now()',
    })
    expect(column('account', 'createdAt')).toEqual({
      name: 'createdAt', type: 'timestamp without time zone', nullable: false, default: 'now()',
    })
    expect(column('counter', 'ratio')).toEqual({ name: 'ratio', type: 'double precision', nullable: false })
    expect(column('account', 'prefs')).toEqual({ name: 'prefs', type: 'jsonb', nullable: false, default: `'{"a":1}'` })
    expect(column('account', 'vip')).toEqual({ name: 'vip', type: 'boolean', nullable: false, default: 'false' })
  })

  test('identity, serial and uuid generation', () => {
    expect(column('account', 'id')).toEqual({
      name: 'id', type: 'integer', nullable: false, generated: { kind: 'identity', always: true },
    })
    expect(column('counter', 'id')).toEqual({ name: 'id', type: 'bigint', nullable: false, generated: { kind: 'increment' } })
    expect(column('counter', 'seq')).toEqual({
      name: 'seq', type: 'integer', nullable: false, generated: { kind: 'identity', always: false },
    })
    expect(column('invoice', 'id')).toEqual({ name: 'id', type: 'uuid', nullable: false, generated: { kind: 'uuid' } })
    expect(read.table('counter').primaryKey).toEqual({ name: 'PK_78d6ba2dfc16e0fa74e0c748194', columns: ['id', 'seq'] })
  })

  test('enums, arrays, computed columns, comments and collations', () => {
    expect(column('account', 'status')).toEqual({
      name: 'status', type: 'enum', nullable: false, default: "'active'", enumValues: ['active', 'blocked'], declared: { stringDefault: 'active' },
    })
    expect(column('account', 'tier')).toEqual({
      name: 'tier', type: 'enum', nullable: true, enumValues: ['gold', 'silver'], enumName: 'tier_kind',
    })
    expect(column('account', 'labels')).toEqual({
      name: 'labels', type: 'text', isArray: true, nullable: false, default: "'{}'",
    })
    expect(column('account', 'emailKey')).toEqual({
      name: 'emailKey', type: 'character varying', nullable: false, computed: { expression: 'lower(email)', stored: true },
    })
    expect(column('account', 'note')).toEqual({
      name: 'note', type: 'character varying', nullable: true, comment: 'for humans', collation: 'C',
    })
  })

  test('constraints: composite unique, check, deferrable foreign key across schemas, index method', () => {
    const account = read.table('account')
    expect(account.uniques).toEqual([{ name: 'UQ_88ec08337936797900aad726038', columns: ['email', 'region'] }])
    expect(account.checks).toEqual([{ name: 'CHK_95615311ff17b39b0bf3e3acde', expression: '"credit" >= 0' }])
    const invoice = read.table('invoice')
    expect(invoice.foreignKeys).toEqual([
      {
        name: 'FK_89cf170c6771515b780b428338b',
        columns: ['accountId'],
        referencedSchema: 'billing',
        referencedTable: 'account',
        referencedColumns: ['id'],
        onDelete: 'SET NULL',
        onUpdate: 'NO ACTION',
        deferrable: 'INITIALLY DEFERRED',
      },
    ])
    expect(invoice.indexes).toEqual([
      { name: 'IDX_9c45f92308443aff81d1adc1a1', columns: ['place'], unique: false, method: 'spatial' },
      { name: 'IDX_invoice_hash', columns: ['hash'], unique: false, method: 'hash' },
    ])
    expect(read.table('counter').uniques).toEqual([{ name: 'UQ_bb7bb0e9208218ca7b3a4ace595', columns: ['code'] }])
  })

  test('exclusion constraints are read as declared', () => {
    expect(read.warnings).toEqual([])
    expect(read.table('invoice').exclusions).toEqual([{ name: 'EXCL_invoice_period', definition: 'USING gist ("period" WITH &&)' }])
    expect(read.skippedIndexes).toEqual([])
  })

  test('the DataSource schema option places every table that declares none', async () => {
    const other = tempProject({
      ...postgresEntities,
      'ormconfig.ts': unreachableConfig.replace("database: 'nowhere',", "database: 'nowhere', schema: 'app',"),
    })
    try {
      const withSchema = await readProject(other)
      expect(withSchema.model.tables.map((t) => [t.schema, t.name])).toEqual([
        ['app', 'counter'],
        ['billing', 'account'],
        ['billing', 'invoice'],
      ])
      expect(withSchema.model.schemas).toEqual(['app', 'billing'])
    } finally {
      other.remove()
    }
  })
})
