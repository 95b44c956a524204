import Database from 'better-sqlite3'
import { DataSource } from 'typeorm'
import { sqliteEntities } from './fixtures/sqlite-entities'
import { fullType } from './helpers/full-type'
import { type ReadProject, readProject } from './helpers/load-entities'
import { type TempProject, sqliteConfig, tempProject } from '../support/temp-project'

interface ColumnInfo {
  name: string
  type: string
  notnull: number
  dflt_value: string | null
  pk: number
  hidden: number
}
interface IndexInfo {
  name: string
  unique: number
  origin: string
  partial: number
}

// The model must describe exactly the database TypeORM's own synchronize builds from the same entities.
describe('the SQLite model mirrors the database TypeORM builds', () => {
  let project: TempProject
  let read: ReadProject
  let db: Database.Database

  beforeAll(async () => {
    // TypeORM cannot create a string default holding a quote, so this copy of the entities has none.
    const entities = Object.fromEntries(
      Object.entries(sqliteEntities).map(([file, text]) => [file, text.replace(`"it's"`, `'hello'`)]),
    )
    project = tempProject({ ...entities, 'ormconfig.ts': sqliteConfig({ entities: "[path.join(__dirname, 'entities', '*.ts')]" }) })
    read = await readProject(project)
    const file = project.file('built.sqlite')
    const built = new DataSource({ ...read.loaded.dataSource.options, database: file, synchronize: true } as never)
    await built.initialize()
    await built.destroy()
    db = new Database(file, { readonly: true })
  })
  afterAll(() => {
    db?.close()
    project.remove()
  })

  const sqlOf = (table: string) =>
    (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }).sql

  test('the same tables', () => {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sqlite_sequence', 'typeorm_metadata')")
      .all()
      .map((row) => (row as { name: string }).name)
      .sort()
    expect(names).toEqual(read.model.tables.map((t) => t.name))
  })

  test('the same columns: names, order, types with parameters, nullability, defaults, primary keys', () => {
    for (const table of read.model.tables) {
      const columns = db.prepare(`PRAGMA table_xinfo("${table.name}")`).all() as ColumnInfo[]
      expect({ table: table.name, columns: columns.map((c) => c.name) }).toEqual({
        table: table.name,
        columns: table.columns.map((c) => c.name),
      })
      table.columns.forEach((model, i) => {
        const actual = columns[i]
        const expected = {
          column: `${table.name}.${model.name}`,
          type: fullType(model),
          notnull: model.nullable ? 0 : 1,
          default: model.default ?? null,
          computed: model.computed !== undefined,
        }
        expect({ ...expected, type: actual.type.toLowerCase(), notnull: actual.notnull, default: actual.dflt_value, computed: actual.hidden > 1 }).toEqual(expected)
      })
      const primary = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name)
      expect({ table: table.name, primary }).toEqual({ table: table.name, primary: table.primaryKey?.columns ?? [] })
    }
  })

  test('the same indexes, by name, uniqueness and partiality', () => {
    for (const table of read.model.tables) {
      const indexes = (db.prepare(`PRAGMA index_list("${table.name}")`).all() as IndexInfo[])
        .filter((index) => index.origin === 'c')
        .map((index) => ({ name: index.name, unique: index.unique === 1, partial: index.partial === 1 }))
        .sort((a, b) => (a.name < b.name ? -1 : 1))
      expect({ table: table.name, indexes }).toEqual({
        table: table.name,
        indexes: table.indexes.map((i) => ({ name: i.name, unique: i.unique, partial: i.where !== undefined })),
      })
    }
  })

  test('the same unique, check and foreign key constraints, by name', () => {
    for (const table of read.model.tables) {
      const sql = sqlOf(table.name)
      const named = (kind: string) => [...sql.matchAll(new RegExp(`CONSTRAINT "([^"]+)" ${kind}`, 'g'))].map((m) => m[1]).sort()
      expect({ table: table.name, uniques: named('UNIQUE') }).toEqual({ table: table.name, uniques: table.uniques.map((u) => u.name) })
      expect({ table: table.name, checks: named('CHECK') }).toEqual({ table: table.name, checks: table.checks.map((c) => c.name) })
      expect({ table: table.name, fks: named('FOREIGN KEY') }).toEqual({ table: table.name, fks: table.foreignKeys.map((f) => f.name) })
      for (const fk of table.foreignKeys) {
        const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ')
        const clause = `CONSTRAINT "${fk.name}" FOREIGN KEY (${quoted(fk.columns)}) REFERENCES "${fk.referencedTable}" (${quoted(fk.referencedColumns)}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`
        expect(sql.toUpperCase()).toContain(clause.toUpperCase())
      }
    }
  })
})
