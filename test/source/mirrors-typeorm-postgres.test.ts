import { DataSource } from 'typeorm'
import type { TableModel } from '../../src/model/schema-model'
import { postgresEntities } from './fixtures/postgres-entities'
import { fullType } from './helpers/full-type'
import { type ReadProject, readProject } from './helpers/load-entities'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'
import { type TempProject, tempProject } from '../support/temp-project'

interface ColumnRow {
  schema: string
  table: string
  name: string
  type: string
  typtype: string
  notnull: boolean
  default: string | null
  identity: string
  generated: string
  comment: string | null
  collation: string | null
}
interface ConstraintRow {
  schema: string
  table: string
  name: string
  type: string
  definition: string
}
interface IndexRow {
  schema: string
  table: string
  name: string
  unique: boolean
  method: string
}

// The model must describe exactly the database TypeORM's own synchronize builds from the same entities.
describe('the PostgreSQL model mirrors the database TypeORM builds', () => {
  let project: TempProject
  let read: ReadProject
  let db: TestDatabase
  let columns: ColumnRow[]
  let constraints: ConstraintRow[]
  let indexes: IndexRow[]

  beforeAll(async () => {
    db = await createPostgresDatabase('source_mirror')
    // No PostGIS here: this copy of the entities has no geometry column.
    const entities = Object.fromEntries(
      Object.entries(postgresEntities).map(([file, text]) => [file, text.replace(/.*'geometry'.*\n/, '')]),
    )
    project = tempProject({
      ...entities,
      'ormconfig.ts': `
import { DataSource } from 'typeorm'
import * as path from 'node:path'
export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [path.join(__dirname, 'entities', '*.ts')] })
`,
    })
    read = await readProject(project)
    expect(read.loaded.dataSource.isInitialized).toBe(false)
    await db.query('CREATE SCHEMA billing')
    const built = new DataSource({ ...read.loaded.dataSource.options, synchronize: true, logging: false } as never)
    await built.initialize()
    await built.destroy()
    columns = await db.query<ColumnRow>(`
      SELECT n.nspname AS schema, c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
             t.typtype, a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity,
             a.attgenerated AS generated, col_description(c.oid, a.attnum) AS comment,
             CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      LEFT JOIN pg_collation co ON co.oid = a.attcollation
      WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname IN ('public', 'billing')
        AND c.relname <> 'typeorm_metadata'
      ORDER BY n.nspname, c.relname, a.attnum`)
    constraints = await db.query<ConstraintRow>(`
      SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype AS type,
             pg_get_constraintdef(con.oid) AS definition
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'billing')`)
    indexes = await db.query<IndexRow>(`
      SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, ix.indisunique AS unique, am.amname AS method
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname IN ('public', 'billing')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid)`)
  })
  afterAll(async () => {
    await db?.drop()
    project?.remove()
  })

  const schemaOf = (table: TableModel) => table.schema ?? 'public'
  const of = <Row extends { schema: string; table: string }>(rows: Row[], table: TableModel) =>
    rows.filter((row) => row.schema === schemaOf(table) && row.table === table.name)

  test('the same tables', () => {
    const tables = [...new Set(columns.map((c) => `${c.schema}.${c.table}`))].sort()
    expect(tables).toEqual(read.model.tables.map((t) => `${schemaOf(t)}.${t.name}`).sort())
  })

  test('the same columns: names, order, types with parameters, nullability, generation, comments, collations', () => {
    for (const table of read.model.tables) {
      const actual = of(columns, table)
      expect({ table: table.name, columns: actual.map((c) => c.name) }).toEqual({
        table: table.name,
        columns: table.columns.map((c) => c.name),
      })
      table.columns.forEach((model, i) => {
        const row = actual[i]
        const expected = {
          column: `${table.name}.${model.name}`,
          type: model.enumValues !== undefined ? 'an enum type' : fullType(model),
          notnull: !model.nullable,
          identity: model.generated?.kind === 'identity' ? (model.generated.always ? 'a' : 'd') : '',
          serial: model.generated?.kind === 'increment',
          computed: model.computed?.stored === true,
          hasDefault: model.default !== undefined,
          comment: model.comment ?? null,
          collation: model.collation ?? null,
        }
        expect({
          ...expected,
          type: row.typtype === 'e' ? 'an enum type' : row.type,
          notnull: row.notnull,
          identity: row.identity,
          serial: row.default?.startsWith('nextval(') === true,
          computed: row.generated === 's',
          hasDefault: row.default !== null && row.generated === '' && !row.default.startsWith('nextval(') && !row.default.startsWith('uuid_generate'),
          comment: row.comment,
          collation: row.collation,
        }).toEqual(expected)
      })
    }
  })

  test('the same primary key, unique, check, foreign key and exclusion constraints, by name', () => {
    for (const table of read.model.tables) {
      const named = (type: string) => of(constraints, table).filter((c) => c.type === type).map((c) => c.name).sort()
      expect({ table: table.name, pk: named('p') }).toEqual({ table: table.name, pk: [table.primaryKey?.name] })
      expect({ table: table.name, uniques: named('u') }).toEqual({ table: table.name, uniques: table.uniques.map((u) => u.name) })
      expect({ table: table.name, checks: named('c') }).toEqual({ table: table.name, checks: table.checks.map((c) => c.name) })
      expect({ table: table.name, fks: named('f') }).toEqual({ table: table.name, fks: table.foreignKeys.map((f) => f.name) })
      expect({ table: table.name, exclusions: named('x') }).toEqual({ table: table.name, exclusions: (table.exclusions ?? []).map((x) => x.name) })
    }
    const fk = constraints.find((c) => c.name === 'FK_89cf170c6771515b780b428338b')
    expect(fk?.definition).toBe(
      'FOREIGN KEY ("accountId") REFERENCES billing.account(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED',
    )
    expect(constraints.filter((c) => c.type === 'x').map((c) => c.name)).toEqual(['EXCL_invoice_period'])
  })

  test('the same indexes, by name, uniqueness and method', () => {
    for (const table of read.model.tables) {
      const actual = of(indexes, table)
        .map((i) => ({ name: i.name, unique: i.unique, method: i.method }))
        .sort((a, b) => (a.name < b.name ? -1 : 1))
      expect({ table: table.name, indexes: actual }).toEqual({
        table: table.name,
        indexes: table.indexes.map((i) => ({ name: i.name, unique: i.unique, method: i.method ?? 'btree' })),
      })
    }
  })

  test('the same enum labels and the declared enum name', async () => {
    const enums = await db.query<{ name: string; labels: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`)
    const account = read.table('account')
    const [status, tier] = ['status', 'tier'].map((n) => account.columns.find((c) => c.name === n))
    expect(enums).toEqual([
      { name: 'account_status_enum', labels: status?.enumValues },
      { name: tier?.enumName, labels: tier?.enumValues },
    ])
  })
})
