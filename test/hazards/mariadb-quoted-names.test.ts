import 'reflect-metadata'
import { Check, Column, DataSource, type DataSourceOptions, Entity, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm'
import { mysqlDialectAt } from '../../src/dialect/mysql/mysql-dialect'
import { mysqlServerOf } from '../../src/dialect/mysql/mysql-server'
import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import { sqliteDialect } from '../../src/dialect/sqlite/sqlite-dialect'
import { findHazards } from '../../src/hazards/find-hazards'
import type { Dialect } from '../../src/dialect/dialect'
import type { SchemaModel } from '../../src/model/schema-model'
import type { Operation } from '../../src/operations/operation'
import { changeSetOf } from '../../src/plan/change-set'
import { alterColumn } from '../../src/plan/column-change'
import { readEntities } from '../../src/source/entity-metadata'
import { column, schema, table } from '../support/model-builders'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// NAME_READ_AS_STRING: MySQL and MariaDB read "age" as a string unless sql_mode has ANSI_QUOTES, so a check
// or a generated column written as TypeORM's examples write them tests or computes a constant, and a view returns one.

const defaultMode = mysqlDialectAt(mysqlServerOf('10.11.6-MariaDB', 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'))
const ansiQuotes = mysqlDialectAt(mysqlServerOf('10.11.6-MariaDB', 'STRICT_TRANS_TABLES,ANSI_QUOTES'))
const people = table('people', [
  column('id', 'int'),
  column('age', 'int'),
  column('nickName', 'varchar', { length: 20, nullable: true }),
], { primaryKey: { columns: ['id'] } })
const start: SchemaModel = schema([people])

function findings(dialect: Dialect, ops: Operation[], from: SchemaModel = start): string[] {
  const changes = changeSetOf(from, ops)
  return findHazards({ changes, statements: dialect.compile(changes), dialect }).filter((f) => f.code === 'NAME_READ_AS_STRING').map((f) => f.what)
}

describe('NAME_READ_AS_STRING', () => {
  it('names each column a check or generated column writes in double quotes, as the operation writes it', () => {
    const check = { name: 'CHK_age', expression: '"age">=0 and "nickname"<>\'\'', expressionSql: `"age" >= 0 AND "NICKNAME" <> ''` }
    expect(findings(defaultMode, [{ kind: 'add_check', table: { name: 'people' }, check }])).toEqual([
      'check "CHK_age" on "people" writes "age", "nickName" in double quotes, which this database reads as strings, not the columns: it tests a constant, so it holds for every row or for none (then every insert fails)',
    ])
    const doubled = column('doubled', 'int', { computed: { expression: '"age"*2', expressionSql: '"age" * 2', stored: false } })
    expect(findings(defaultMode, [{ kind: 'add_column', table: { name: 'people' }, column: doubled }])).toEqual([
      'generated column "people"."doubled" writes "age" in double quotes, which this database reads as a string, not the column: it computes from a constant, not from the row',
    ])
    const created = { ...people, name: 'more', checks: [check], columns: [...people.columns, doubled] }
    expect(findings(defaultMode, [{ kind: 'create_table', table: created }])).toHaveLength(2)
    const withDoubled = schema([{ ...people, columns: [...people.columns, { ...doubled, computed: { expression: 'age*3', stored: false } }] }])
    const retyped = alterColumn({ name: 'people' }, withDoubled.tables[0]!.columns[3]!, doubled)
    expect(findings(defaultMode, [retyped], withDoubled)).toHaveLength(1)
  })

  it('names the columns a view created or replaced writes in double quotes, which it returns as text', () => {
    const view = { name: 'adults', definition: 'select "age", nickname as "nickName" from people where "age" >= 18', reads: [] }
    expect(findings(defaultMode, [{ kind: 'create_view', view }])).toEqual([
      'view "adults" writes "age" in double quotes, which this database reads as a string, not the column: it returns the name itself in place of the column\'s values, and a condition on it tests a constant',
    ])
    const before = schema([people], { views: [{ ...view, definition: 'select `age` from people' }] })
    expect(findings(defaultMode, [{ kind: 'replace_view', from: before.views[0]!, to: view }], before)).toHaveLength(1)
    expect(findings(defaultMode, [{ kind: 'create_view', view: { ...view, definition: 'select age as "age" from people' } }])).toEqual([])
    expect(findings(ansiQuotes, [{ kind: 'create_view', view }])).toEqual([])
  })

  it('leaves alone names in backquotes or bare, strings in single quotes, double-quoted text that names no column, and ANSI_QUOTES', () => {
    const check = (expression: string) => ({ kind: 'add_check' as const, table: { name: 'people' }, check: { name: 'c', expression } })
    expect(findings(defaultMode, [check("`age` >= 0 AND nickName <> 'age' AND nickName <> \"unknown\"")])).toEqual([])
    expect(findings(defaultMode, [check("'say \"age\"' <> nickName")])).toEqual([])
    expect(findings(ansiQuotes, [check('"age" >= 0')])).toEqual([])
  })

  it('is never found on PostgreSQL or SQLite, which read double quotes as names', () => {
    for (const dialect of [postgresDialect, sqliteDialect]) {
      const check = { name: 'c', expression: '"age" >= 0' }
      const ownTable = schema([{ ...people, ...(dialect.capabilities.schemas && { schema: 'public' }) }], dialect.capabilities.schemas ? { schemas: ['public'] } : {})
      const name = dialect.capabilities.schemas ? { schema: 'public', name: 'people' } : { name: 'people' }
      expect(findings(dialect, [{ kind: 'add_check', table: name, check }], ownTable)).toEqual([])
    }
  })
})

describe('NAME_READ_AS_STRING on the MariaDB server running here', () => {
  @Entity('quoted_check')
  @Check('CHK_quoted_price', '"price" > 0')
  class QuotedCheck {
    @PrimaryGeneratedColumn() id: number
    @Column('int') price: number
  }

  let db: TestDatabase
  beforeAll(async () => { db = await createMariaDbDatabase('quotednames') })
  afterAll(async () => db?.drop())

  it('finds the check TypeORM writes as its docs do, which then refuses every row', async () => {
    const [server] = await db.query<{ version: string; mode: string }>('SELECT VERSION() AS version, @@GLOBAL.sql_mode AS mode')
    const dialect = mysqlDialectAt(mysqlServerOf(server!.version, server!.mode))
    const options = { ...db.options, entities: [QuotedCheck] } as DataSourceOptions
    const { model } = await readEntities(new DataSource(options))
    const changes = changeSetOf(schema([]), dialect.normalize(model, options).tables.map((t) => ({ kind: 'create_table' as const, table: t })))
    const statements = dialect.compile(changes)
    const found = findHazards({ changes, statements, dialect }).filter((f) => f.code === 'NAME_READ_AS_STRING')
    expect(found.map((f) => f.advice)).toEqual(['write the name bare or in backquotes (`price`) in the entity'])
    // What it warns of, on the real server with its own sql_mode (TypeORM's connection, as migrations run):
    // the check compares the string 'price', which no row passes.
    const typeorm = new DataSource(options)
    await typeorm.initialize()
    try {
      await typeorm.query(statements.find((s) => /CREATE TABLE/i.test(s.sql))!.sql)
      await expect(typeorm.query('INSERT INTO quoted_check (price) VALUES (10)')).rejects.toThrow(/price/)
    } finally {
      await typeorm.destroy()
    }
  })

  it('finds a view whose SQL quotes a column as TypeORM users write it, which then returns the name', async () => {
    @Entity('priced_item')
    class PricedItem {
      @PrimaryGeneratedColumn() id: number
      @Column('int') price: number
    }
    @ViewEntity({ name: 'quoted_prices', expression: 'SELECT id, "price" FROM priced_item' })
    class QuotedPrices {
      @ViewColumn() id: number
      @ViewColumn() price: string
    }
    const [server] = await db.query<{ version: string; mode: string }>('SELECT VERSION() AS version, @@GLOBAL.sql_mode AS mode')
    const dialect = mysqlDialectAt(mysqlServerOf(server!.version, server!.mode))
    const options = { ...db.options, entities: [PricedItem, QuotedPrices] } as DataSourceOptions
    const { model } = await readEntities(new DataSource(options))
    const normalized = dialect.normalize(model, options)
    const changes = changeSetOf(schema([]), [
      ...normalized.tables.map((t) => ({ kind: 'create_table' as const, table: t })),
      ...normalized.views.map((v) => ({ kind: 'create_view' as const, view: v })),
    ])
    const statements = dialect.compile(changes)
    const found = findHazards({ changes, statements, dialect }).filter((f) => f.code === 'NAME_READ_AS_STRING')
    expect(found.map((f) => f.what)).toContainEqual(expect.stringMatching(/^view "quoted_prices" writes "price" in double quotes/))
    const typeorm = new DataSource(options)
    await typeorm.initialize()
    try {
      await typeorm.query(statements.find((s) => /CREATE TABLE/i.test(s.sql))!.sql)
      await typeorm.query('INSERT INTO priced_item (price) VALUES (10)')
      await typeorm.query(statements.find((s) => /CREATE .*VIEW/i.test(s.sql))!.sql)
      expect(await typeorm.query('SELECT price FROM quoted_prices')).toEqual([{ price: 'price' }])
    } finally {
      await typeorm.destroy()
    }
  })
})
