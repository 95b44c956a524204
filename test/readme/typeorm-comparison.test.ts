import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { DataSource, type DataSourceOptions, EntitySchema, type EntitySchemaColumnOptions } from 'typeorm'
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// The README compares the tool with TypeORM's own `migration:generate`. The rows about renames and checks
// are checked here against what TypeORM's schema builder (which `migration:generate` writes out) does.

type Columns = Record<string, EntitySchemaColumnOptions>
const post = (columns: Columns, checks: { name?: string; expression: string }[] = []) => new EntitySchema({
  name: 'Post', tableName: 'post', columns: { id: { type: Number, primary: true, generated: true }, ...columns }, checks,
})

/** typeormUp is the `up` SQL TypeORM's generator writes for going from entity `before` (synchronized) to `after`. */
async function typeormUp(options: DataSourceOptions, before: EntitySchema, after: EntitySchema): Promise<string[]> {
  const first = new DataSource({ ...options, entities: [before], synchronize: true, dropSchema: true })
  await first.initialize()
  await first.destroy()
  const second = new DataSource({ ...options, entities: [after] })
  await second.initialize()
  try {
    return (await second.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)
  } finally {
    await second.destroy()
  }
}

const body = { body: { type: 'varchar', length: 100 } } as Columns
const content = { content: { type: 'varchar', length: 100 } } as Columns
const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8')
const row = (start: string) => readme.split('\n').find((line) => line.startsWith(`| ${start}`)) ?? ''

describe.each([['sqlite'], ['postgres']])('TypeORM 1.x on %s', (label) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = label === 'sqlite' ? await createSqliteDatabase() : await createPostgresDatabase('readme')
  })
  afterAll(async () => db?.drop())
  const up = (before: EntitySchema, after: EntitySchema) => typeormUp(db.options, before, after)

  it('renames a lone renamed column, renaming on PostgreSQL and copying on SQLite', async () => {
    const sql = (await up(post(body), post(content))).join('\n')
    expect(sql).toMatch(label === 'sqlite' ? /INSERT INTO "temporary_post"\("id", "content"\) SELECT "id", "body"/ : /RENAME COLUMN "body" TO "content"/)
    expect(row('Renamed column')).toMatch(/`RENAME COLUMN` on PostgreSQL, a table copy on SQLite/)
  })

  it('renames an unrelated column too, when it is the only one that differs', async () => {
    const sql = (await up(post({ age: { type: 'integer', nullable: true } }), post({ nickname: { type: 'varchar', nullable: true } }))).join('\n')
    expect(sql).toMatch(label === 'sqlite' ? /SELECT "id", "age" FROM "post"/ : /RENAME COLUMN "age" TO "nickname"/)
    expect(row('Renamed column')).toMatch(/even when it is an unrelated column dropped and another added/)
  })

  it('drops and adds a rename that comes with another added column', async () => {
    const sql = await up(post(body), post({ ...content, views: { type: 'integer', default: 0 } }))
    expect(sql.join('\n')).not.toMatch(/RENAME COLUMN|SELECT "id", "body"/)
    expect(row('Renamed column')).toMatch(/a rename beside another added or dropped column of the same table, or two renames in one table, is a drop \+ add/)
  })

  it('misses a changed expression of a named check, not of an unnamed one', async () => {
    const n = { n: { type: 'integer' } } as Columns
    expect(await up(post(n, [{ name: 'CHK_positive', expression: '"n" > 0' }]), post(n, [{ name: 'CHK_positive', expression: '"n" > 1' }]))).toEqual([])
    expect((await up(post(n, [{ expression: '"n" > 0' }]), post(n, [{ expression: '"n" > 1' }]))).join('\n')).toContain('CHECK ("n" > 1)')
    expect(row('Changed expression of a named `@Check`')).toMatch(/\| missed \(compared by name; an unnamed check's name hashes its expression/)
  })
})

describe('TypeORM 1.x on postgres, an index and a check added to a table', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('readme_online')
  })
  afterAll(async () => db?.drop())

  it('builds the index and checks the rows inside the transaction, with no online form', async () => {
    const n = { n: { type: 'integer' } } as Columns
    const indexed = new EntitySchema({ ...post(n, [{ name: 'CHK_positive', expression: '"n" > 0' }]).options, indices: [{ name: 'IDX_n', columns: ['n'] }] })
    const sql = (await typeormUp(db.options, post(n), indexed)).join('\n')
    expect(sql).toContain('CREATE INDEX "IDX_n"')
    expect(sql).toContain('CHECK ("n" > 0)')
    expect(sql).not.toMatch(/CONCURRENTLY|NOT VALID|VALIDATE/)
    expect(row('An index, unique, check or NOT NULL added to a big PostgreSQL table')).toMatch(/\| inside the migration's transaction, holding a lock that stops writes/)
  })
})

it('the README names nothing outside the repository', () => {
  expect(readme).not.toMatch(/\.\.\/[\w.-]/)
})
