import 'reflect-metadata'
import {
  Check,
  Column,
  CreateDateColumn,
  DataSource,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm'
import { sqliteDialect } from '../../../src/dialect/sqlite/sqlite-dialect'
import type { SchemaModel, TableModel } from '../../../src/model/schema-model'
import { readEntities } from '../../../src/source/entity-metadata'
import { type ScratchDatabase, createAll, schema, scratchDatabase } from './sqlite-fixtures'
import { canonicalOnly } from '../../support/model-builders'
import { changeSetOf } from '../../../src/plan/change-set'

@Entity('authors')
class Author {
  @PrimaryGeneratedColumn('increment') id!: number
  @Column('varchar', { length: 120, unique: true }) name!: string
  @Column('simple-enum', { enum: ['draft', 'live'], default: 'draft' }) state!: string
  @Column('boolean', { default: true }) active!: boolean
  @Column('decimal', { precision: 8, scale: 2, nullable: true }) fee!: number | null
  @Column({ type: 'text', nullable: true, collation: 'NOCASE' }) bio!: string | null
  @Column({ type: 'varchar', generatedType: 'STORED', asExpression: `upper("name")`, nullable: true }) shout!: string | null
  @CreateDateColumn() created!: Date
  @UpdateDateColumn() updated!: Date
  @VersionColumn() version!: number
}

@Entity('books')
@Unique('UQ_books_title_author', ['title', 'author'])
@Check('CHK_books_pages', '"pages" > 0')
@Index('IDX_books_pages', ['pages'], { where: '"pages" > 100' })
class Book {
  @PrimaryColumn('varchar', { length: 36 }) id!: string
  @Column('varchar', { length: 200 }) title!: string
  @Column('integer', { default: 1 }) pages!: number
  @ManyToOne(() => Author, { onDelete: 'CASCADE', nullable: false }) @JoinColumn({ name: 'authorId' }) author!: Author
}

describe('sqlite: reading a database made by TypeORM synchronize', () => {
  let db: ScratchDatabase
  let names: { fk: string; authorName: string }
  let tables: readonly TableModel[]
  let entities: SchemaModel

  beforeAll(async () => {
    db = scratchDatabase()
    const dataSource = new DataSource({ type: 'better-sqlite3', database: db.path, entities: [Author, Book], synchronize: true, logging: false })
    await dataSource.initialize()
    entities = (await readEntities(dataSource)).model
    names = {
      fk: dataSource.getMetadata(Book).foreignKeys[0].name,
      authorName: dataSource.getMetadata(Author).uniques[0].name,
    }
    await dataSource.destroy()
    tables = (await db.read(['typeorm_metadata'])).tables
  })
  afterAll(() => db.remove())

  const named = (name: string) => tables.find((t) => t.name === name) as TableModel

  test('reads every table TypeORM made', () => {
    expect(tables.map((t) => t.name)).toEqual(['authors', 'books'])
  })

  test('columns in their canonical form', () => {
    expect(canonicalOnly(named('authors').columns)).toEqual([
      { name: 'id', type: 'integer', nullable: false, generated: { kind: 'increment' } },
      { name: 'name', type: 'varchar', length: 120, nullable: false },
      { name: 'state', type: 'varchar', nullable: false, default: "'draft'", enumValues: ['draft', 'live'] },
      { name: 'active', type: 'boolean', nullable: false, default: '1' },
      { name: 'fee', type: 'decimal', precision: 8, scale: 2, nullable: true },
      { name: 'bio', type: 'text', nullable: true, collation: 'NOCASE' },
      { name: 'shout', type: 'varchar', nullable: true, computed: { expression: 'upper(name)', stored: true } },
      { name: 'created', type: 'datetime', nullable: false, default: 'CURRENT_TIMESTAMP' },
      { name: 'updated', type: 'datetime', nullable: false, default: 'CURRENT_TIMESTAMP' },
      { name: 'version', type: 'integer', nullable: false },
    ])
    expect(canonicalOnly(named('books').columns)).toEqual([
      { name: 'id', type: 'varchar', length: 36, nullable: false },
      { name: 'title', type: 'varchar', length: 200, nullable: false },
      { name: 'pages', type: 'integer', nullable: false, default: '1' },
      { name: 'authorId', type: 'integer', nullable: false },
    ])
  })

  test('keys, uniques, checks, foreign keys and indexes under the names TypeORM gave them', () => {
    expect(named('authors')).toMatchObject({ primaryKey: { columns: ['id'] }, uniques: [{ name: names.authorName, columns: ['name'] }], checks: [] })
    expect(named('books')).toMatchObject({
      primaryKey: { columns: ['id'] },
      uniques: [{ name: 'UQ_books_title_author', columns: ['title', 'authorId'] }],
      checks: [{ name: 'CHK_books_pages', expression: 'pages > 0' }],
      foreignKeys: [
        { name: names.fk, columns: ['authorId'], referencedTable: 'authors', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
      ],
      indexes: [{ name: 'IDX_books_pages', columns: ['pages'], unique: false, where: 'pages > 100' }],
    })
  })

  test('the entities, normalized, read the same as the database TypeORM made from them', async () => {
    expect(await db.read(['typeorm_metadata'])).toEqual(sqliteDialect.normalize(entities))
  })

  test('our own CREATE TABLEs for the entities read back as the entities', async () => {
    const ours = scratchDatabase()
    try {
      const desired = sqliteDialect.normalize(entities)
      ours.apply(sqliteDialect.compile(changeSetOf(schema(), createAll(desired))))
      expect(await ours.read()).toEqual(desired)
    } finally {
      ours.remove()
    }
  })

  test('ignoreTables leaves tables out', async () => {
    expect((await db.read(['typeorm_metadata', 'authors'])).tables.map((t) => t.name)).toEqual(['books'])
  })
})
