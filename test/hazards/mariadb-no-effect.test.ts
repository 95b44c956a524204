import 'reflect-metadata'
import { Column, DataSource, type DataSourceOptions, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { mysqlDialectAt } from '../../src/dialect/mysql/mysql-dialect'
import { mysqlServerOf } from '../../src/dialect/mysql/mysql-server'
import { findHazards } from '../../src/hazards/find-hazards'
import type { HazardFinding } from '../../src/hazards/hazard-finding'
import { changeSetOf } from '../../src/plan/change-set'
import { readEntities } from '../../src/source/entity-metadata'
import { schema } from '../support/model-builders'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// NO_SCHEMA_EFFECT on MariaDB, from entities read as generate reads them, for the server running here.

@Entity('maker')
class Maker {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'uuid' }) code: string
}

@Entity('gadget')
class Gadget {
  @PrimaryGeneratedColumn('uuid') id: string
  @ManyToOne(() => Maker) maker: Maker
}

@Entity('entry')
@Index('IDX_entry_open', ['postedAt'], { where: 'closed = 0' })
@Index('IDX_entry_all', ['closed'])
class Entry {
  @PrimaryGeneratedColumn() id: number
  @Column() postedAt: Date
  @Column() closed: boolean
}

// TypeORM's own example of a partial unique index: on MySQL a unique index over every row, which is a unique constraint.
@Entity('example')
@Index('IDX_example_pair', ['nonNullable', 'nullable'], { unique: true, where: '"nullable" IS NOT NULL' })
class Example {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'varchar', length: 40 }) nonNullable: string
  @Column({ type: 'varchar', length: 40, nullable: true }) nullable: string | null
}

@Entity('sticker', { comment: '贴纸 🚀' })
class Sticker {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20, comment: '表情 ✅🚀' }) face: string
  @Column({ type: 'int', comment: '数量 ✅' }) count: number
}

let db: TestDatabase
beforeAll(async () => { db = await createMariaDbDatabase('noeffect') })
afterAll(async () => db?.drop())

/** createFindings are the findings of creating every table the entities map, on the server behind `db`. */
async function createFindings(entities: DataSourceOptions['entities']): Promise<readonly HazardFinding[]> {
  const [server] = await db.query<{ version: string; mode: string }>('SELECT VERSION() AS version, @@sql_mode AS mode')
  const dialect = mysqlDialectAt(mysqlServerOf(server!.version, server!.mode))
  const options = { ...db.options, entities } as DataSourceOptions
  const { model } = await readEntities(new DataSource(options))
  const changes = changeSetOf(schema([]), dialect.normalize(model, options).tables.map((table) => ({ kind: 'create_table' as const, table })))
  return findHazards({ changes, statements: dialect.compile(changes), dialect, declared: model })
}

describe('NO_SCHEMA_EFFECT on mariadb', () => {
  // A length the entity writes on a native uuid is refused instead, as TypeORM does (mariadb-native-uuid-length).
  it('notes nothing of the 36 TypeORM gives uuid keys and the foreign keys to them', async () => {
    const notes = (await createFindings([Maker, Gadget])).filter((f) => f.code === 'NO_SCHEMA_EFFECT').map((f) => f.what)
    expect(notes).toEqual([])
  })

  it('notes an index declared with a WHERE, which the server creates over every row', async () => {
    const notes = (await createFindings([Entry])).filter((f) => f.code === 'NO_SCHEMA_EFFECT').map((f) => f.what)
    expect(notes).toEqual(['index "IDX_entry_open" on "entry" declares WHERE closed = 0, which the database does not support: the index covers every row'])
    // An index added to an existing table, by its own statement.
    const dialect = mysqlDialectAt(undefined)
    const { model } = await readEntities(new DataSource({ ...db.options, entities: [Entry] } as DataSourceOptions))
    const table = dialect.normalize(model).tables[0]!
    const added = (name: string) => {
      const changes = changeSetOf(schema([{ ...table, indexes: [] }]), [{ kind: 'create_index', table: { name: 'entry' }, index: table.indexes.find((i) => i.name === name)! }])
      return findHazards({ changes, statements: dialect.compile(changes), dialect, declared: model }).map((f) => f.what)
    }
    expect(added('IDX_entry_open')).toEqual([notes[0]])
    expect(added('IDX_entry_all')).toEqual([])
  })

  it('notes a unique index declared with a WHERE, which the server makes a unique key over every row', async () => {
    const notes = (await createFindings([Example])).filter((f) => f.code === 'NO_SCHEMA_EFFECT').map((f) => f.what)
    expect(notes).toEqual(['index "IDX_example_pair" on "example" declares WHERE "nullable" IS NOT NULL, which the database does not support: the index covers every row'])
  })

  it('notes a comment with a character the server stores as ?, on a new table, a new column and a changed comment', async () => {
    const notes = (await createFindings([Sticker])).filter((f) => f.code === 'NO_SCHEMA_EFFECT').map((f) => f.what)
    expect(notes).toEqual([
      `the comment of "sticker" is declared '贴纸 🚀', which the database stores as '贴纸 ?': it cannot keep some of its characters`,
      `the comment of "sticker"."face" is declared '表情 ✅🚀', which the database stores as '表情 ✅?': it cannot keep some of its characters`,
    ])
    const dialect = mysqlDialectAt(undefined)
    const { model } = await readEntities(new DataSource({ ...db.options, entities: [Sticker] } as DataSourceOptions))
    const table = dialect.normalize(model).tables[0]!
    const face = table.columns.find((c) => c.name === 'face')!
    const count = table.columns.find((c) => c.name === 'count')!
    const noted = (ops: Parameters<typeof changeSetOf>[1]) => {
      const changes = changeSetOf(schema([{ ...table, columns: table.columns.filter((c) => c.name !== 'face') }]), ops)
      return findHazards({ changes, statements: dialect.compile(changes), dialect, declared: model }).filter((f) => f.code === 'NO_SCHEMA_EFFECT').map((f) => f.what)
    }
    expect(noted([{ kind: 'add_column', table: { name: 'sticker' }, column: face }])).toEqual([notes[1]])
    expect(noted([{ kind: 'alter_table_comment', table: { name: 'sticker' }, to: table.comment! }])).toEqual([notes[0]])
    expect(noted([{ kind: 'alter_column', table: { name: 'sticker' }, from: { ...face, comment: 'old' }, to: face, changes: ['comment'] }])).toEqual([notes[1]])
    // A comment the server keeps as declared, and a column change that leaves the comment alone, note nothing.
    expect(noted([{ kind: 'alter_column', table: { name: 'sticker' }, from: { ...count, comment: 'old' }, to: count, changes: ['comment'] }])).toEqual([])
    expect(noted([{ kind: 'alter_column', table: { name: 'sticker' }, from: { ...face, type: 'text' }, to: face, changes: ['type'] }])).toEqual([])
  })
})
