import * as fs from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { postgresSchemaDump } from '../support/postgres-schema-dump'
import { type TempProject, tempProject } from '../support/temp-project'
import { Client } from 'pg'
import { type TestDatabase, createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, postgresServer } from '../support/test-database'

// `generate --online` on a table that holds rows: its new index, unique, foreign key and check are built without
// blocking writes, in a migration of their own run outside a transaction, in each of TypeORM's transaction modes.

const author = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('author')
export class Author {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}
`

const bookBefore = `
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
@Entity('book')
export class Book {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @Column() isbn: string
  @Column('int') price: number
  @Column('int', { nullable: true }) authorId: number | null
  @Column('int', { nullable: true }) pages: number | null
  @Index('IDX_book_format') @Column('varchar', { nullable: true }) format: string | null
}
`

const bookAfter = `
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { Author } from './author'
@Entity('book')
@Unique('UQ_book_isbn', ['isbn'])
@Check('CHK_book_price', '"price" >= 0')
export class Book {
  @PrimaryGeneratedColumn() id: number
  @Index('IDX_book_title') @Column() title: string
  @Column() isbn: string
  @Column('int') price: number
  @Column('int', { nullable: true }) authorId: number | null
  @Column('int') pages: number
  @Column('varchar', { default: 'paper' }) format: string
  @ManyToOne(() => Author, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'authorId', foreignKeyConstraintName: 'FK_book_author' }) author: Author | null
}
`

// A table the migration creates: its index and foreign key stay as they are (it is empty).
const review = `
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Book } from './book'
@Entity('review')
export class Review {
  @PrimaryGeneratedColumn() id: number
  @Index('IDX_review_stars') @Column('int') stars: number
  @ManyToOne(() => Book) book: Book
}
`

const config = (mode: string) => `
import { DataSource } from 'typeorm'
export default new DataSource({
  type: 'postgres', url: process.env.DATABASE_URL, migrationsTransactionMode: '${mode}',
  entities: [__dirname + '/entities/*.ts'], migrations: [__dirname + '/migrations/*.ts'],
})
`

const cli = (project: TempProject, db: TestDatabase, args: readonly string[]) => runCliInProcess(project.dir, args, { DATABASE_URL: urlOf(db) })
const urlOf = (db: TestDatabase) => {
  const o = db.options as { host: string; port: number; username: string; database: string }
  return `postgres://${o.username}@${o.host}:${o.port}/${o.database}`
}

async function projectWithRows(db: TestDatabase, mode: string): Promise<TempProject> {
  const project = tempProject({ 'ormconfig.ts': config(mode), 'entities/author.ts': author, 'entities/book.ts': bookBefore })
  expect((await cli(project, db, ['generate', 'Init', '--timestamp', '1700000000000'])).code).toBe(0)
  expect((await cli(project, db, ['upgrade'])).code).toBe(0)
  await db.query(`INSERT INTO author (name) VALUES ('Ann'), ('Bo')`)
  await db.query(`INSERT INTO book (title, isbn, price, "authorId", pages, format) VALUES ('A', '1', 10, 1, 100, 'paper'), ('B', '2', 0, 2, 50, 'ebook'), ('C', '3', 5, NULL, 20, 'paper')`)
  project.write('entities/book.ts', bookAfter)
  project.write('entities/review.ts', review)
  return project
}

/** generatedOnline generates `name` with --online at timestamp 1700000001000, and reads its two migrations. */
async function generatedOnline(project: TempProject, db: TestDatabase, name: string): Promise<{ main: string; online: string }> {
  const generated = await cli(project, db, ['generate', name, '--online', '--timestamp', '1700000001000'])
  expect(generated.stderr).toBe('')
  expect(generated.code).toBe(0)
  return {
    main: fs.readFileSync(project.file(`migrations/1700000001000-${name}.ts`), 'utf8'),
    online: fs.readFileSync(project.file(`migrations/1700000001001-${name}Online.ts`), 'utf8'),
  }
}

const migrationFiles = (project: TempProject) => fs.readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts')).sort()

describe.each(['all', 'each', 'none'])('generate --online, migrationsTransactionMode %s', (mode) => {
  let db: TestDatabase
  let project: TempProject
  beforeAll(async () => {
    db = await createPostgresDatabase('online')
    project = await projectWithRows(db, mode)
  })
  afterAll(async () => {
    project.remove()
    await db.drop()
  })

  test('writes the online forms in a migration of their own, which up and down run outside a transaction', async () => {
    const before = postgresSchemaDump(db)
    const shown = await cli(project, db, ['diff', '--online'])
    expect(shown.code).toBe(0)
    expect(shown.stdout).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_book_title" ON "public"."book" ("title")')
    // The config's autogen.online asks for them too, and --no-online for the usual forms.
    project.write('ormconfig.ts', `${config(mode)}export const autogen = { online: true }\n`)
    expect((await cli(project, db, ['diff'])).stdout).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_book_title"')
    expect((await cli(project, db, ['diff', '--no-online'])).stdout).toContain('CREATE INDEX "IDX_book_title" ON "public"."book" ("title")')
    project.write('ormconfig.ts', config(mode))
    const combined = await cli(project, db, ['generate', 'AddBookRules', '--online', '--strategy', 'expand-contract'])
    expect(combined.code).toBe(2)
    expect(combined.stderr).toContain('--online writes the direct migration in its online forms: leave out --strategy and --contract')
    const generated = await cli(project, db, ['generate', 'AddBookRules', '--online', '--timestamp', '1700000001000'])
    expect(generated.stderr).toBe('')
    expect(generated.code).toBe(0)
    expect(migrationFiles(project)).toEqual(['1700000000000-Init.ts', '1700000001000-AddBookRules.ts', '1700000001001-AddBookRulesOnline.ts'])
    const main = fs.readFileSync(project.file('migrations/1700000001000-AddBookRules.ts'), 'utf8')
    const online = fs.readFileSync(project.file('migrations/1700000001001-AddBookRulesOnline.ts'), 'utf8')
    // The new table's index and key are plain; nothing of the book table's is.
    expect(main).toContain('CREATE INDEX "IDX_review_stars"')
    expect(main).not.toMatch(/query\(`[^`]*(CONCURRENTLY|NOT VALID|"book" ADD|IDX_book_format)/)
    // An index dropped is dropped so too, and built again so by down.
    expect(online).toContain('DROP INDEX CONCURRENTLY IF EXISTS "public"."IDX_book_format"')
    expect(online).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_book_format" ON "public"."book" ("format")')
    expect(main).toContain('FOREIGN KEY ("bookId") REFERENCES "public"."book"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`')
    expect(online).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_book_title" ON "public"."book" ("title")')
    expect(online).toContain('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "UQ_book_isbn" ON "public"."book" ("isbn")')
    expect(online).toContain(`IF EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass('"public"."UQ_book_isbn"') AND NOT indisvalid) THEN
    DROP INDEX "public"."UQ_book_isbn";`)
    expect(online).toContain(`IF NOT EXISTS (SELECT FROM pg_constraint WHERE conrelid = to_regclass('"public"."book"') AND conname = 'UQ_book_isbn') THEN
    ALTER TABLE "public"."book" ADD CONSTRAINT "UQ_book_isbn" UNIQUE USING INDEX "UQ_book_isbn";`)
    expect(online).toContain('ALTER TABLE "public"."book" ADD CONSTRAINT "FK_book_author" FOREIGN KEY ("authorId") REFERENCES "public"."author"("id") ON DELETE SET NULL ON UPDATE NO ACTION NOT VALID;')
    expect(online).toContain('ALTER TABLE "public"."book" VALIDATE CONSTRAINT "FK_book_author"')
    // Constraints first: one the change replaces is missing only from the commit to its NOT VALID add, not while indexes build.
    expect(online.indexOf('ADD CONSTRAINT "FK_book_author"')).toBeLessThan(online.indexOf('CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_book_title"'))
    expect(online).toContain('ALTER TABLE "public"."book" ADD CONSTRAINT "CHK_book_price" CHECK ("price" >= 0) NOT VALID;')
    expect(online).toContain('ALTER TABLE "public"."book" VALIDATE CONSTRAINT "CHK_book_price"')
    expect(online).toContain('DROP INDEX CONCURRENTLY IF EXISTS "public"."IDX_book_title"')
    // NOT NULL through a check validated apart, which SET NOT NULL then reads instead of the rows; the default stays in place.
    expect(online).toContain('ALTER TABLE "public"."book" ADD CONSTRAINT "CHK_book_pages_not_null" CHECK ("pages" IS NOT NULL) NOT VALID;')
    expect(online).toContain('ALTER TABLE "public"."book" VALIDATE CONSTRAINT "CHK_book_pages_not_null"')
    expect(online).toContain('ALTER TABLE "public"."book" ALTER COLUMN "pages" SET NOT NULL')
    expect(online).toContain('ALTER TABLE "public"."book" DROP CONSTRAINT IF EXISTS "CHK_book_pages_not_null"')
    expect(online).toContain('ALTER COLUMN "format" DROP NOT NULL')
    expect(main).toContain('ALTER TABLE "public"."book" ALTER COLUMN "format" SET DEFAULT \'paper\'')
    expect(online).toContain('ALTER TABLE "public"."book" DROP CONSTRAINT IF EXISTS "UQ_book_isbn"')
    expect(online).toContain('This migration runs outside a transaction')
    expect(online).toContain('Part 2 of 2 of one change: AddBookRules1700000001000, then AddBookRulesOnline1700000001001.')
    // Built online, the index and the constraints need no warning about blocking writes.
    expect(online).not.toMatch(/INDEX_WITHOUT_CONCURRENTLY|CONSTRAINT_WITHOUT_NOT_VALID/)

    // A script for psql commits before the online part and runs its statements outside a transaction.
    const script = (await cli(project, db, ['upgrade', '--sql'])).stdout
    expect(script.indexOf('CREATE INDEX CONCURRENTLY')).toBeGreaterThan(script.indexOf('-- AddBookRulesOnline1700000001001: up'))
    if (mode !== 'none') expect(script.slice(script.indexOf('-- AddBookRulesOnline1700000001001: up'), script.indexOf('CREATE INDEX CONCURRENTLY'))).toContain('COMMIT;')
    // A dry run cannot commit: it stops before the online part, and says so.
    const dry = await cli(project, db, ['upgrade', '--dry-run'])
    expect(dry.code).toBe(0)
    if (mode !== 'none') expect(dry.stderr).toContain('note: AddBookRulesOnline1700000001001 was not run: AddBookRulesOnline1700000001001 first commits the migrations before it')
    // Built on a scratch database by TypeORM's runner, the migrations give the entities' schema, and all revert.
    const fromMigrations = await cli(project, db, ['check', '--from-migrations'])
    expect(fromMigrations.stderr).not.toContain('error')
    expect(fromMigrations.code).toBe(0)
    const upgraded = await cli(project, db, ['upgrade'])
    expect(upgraded.stderr).not.toContain('error')
    expect(upgraded.code).toBe(0)
    expect((await cli(project, db, ['check'])).code).toBe(0)
    expect(await db.query(`SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname IN ('IDX_book_title', 'UQ_book_isbn') ORDER BY 1`))
      .toEqual([{ relname: 'IDX_book_title', indisvalid: true }, { relname: 'UQ_book_isbn', indisvalid: true }])
    expect(await db.query(`SELECT conname, contype, convalidated FROM pg_constraint WHERE conrelid = 'book'::regclass AND contype <> 'p' ORDER BY 1`)).toEqual([
      { conname: 'CHK_book_price', contype: 'c', convalidated: true },
      { conname: 'FK_book_author', contype: 'f', convalidated: true },
      { conname: 'UQ_book_isbn', contype: 'u', convalidated: true },
    ])
    expect(await db.query(`SELECT name FROM migrations ORDER BY id`)).toEqual([
      { name: 'Init1700000000000' }, { name: 'AddBookRules1700000001000' }, { name: 'AddBookRulesOnline1700000001001' },
    ])
    expect(await db.query(`SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'book'::regclass AND attname IN ('pages', 'format') ORDER BY 1`))
      .toEqual([{ attname: 'format', attnotnull: true }, { attname: 'pages', attnotnull: true }])

    const downgraded = await cli(project, db, ['downgrade', '--steps', '2'])
    expect(downgraded.stderr).toBe('')
    expect(downgraded.code).toBe(0)
    expect(postgresSchemaDump(db)).toBe(before)
    expect(await db.query(`SELECT title, isbn, price, "authorId", pages, format FROM book ORDER BY id`)).toEqual([
      { title: 'A', isbn: '1', price: 10, authorId: 1, pages: 100, format: 'paper' }, { title: 'B', isbn: '2', price: 0, authorId: 2, pages: 50, format: 'ebook' },
      { title: 'C', isbn: '3', price: 5, authorId: null, pages: 20, format: 'paper' },
    ])
    expect(await db.query(`SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'book'::regclass AND attname IN ('pages', 'format') ORDER BY 1`))
      .toEqual([{ attname: 'format', attnotnull: false }, { attname: 'pages', attnotnull: false }])
  })
})

describe('generate --online where the rows break the new unique', () => {
  let db: TestDatabase
  let project: TempProject
  beforeAll(async () => {
    db = await createPostgresDatabase('online_fail')
    project = await projectWithRows(db, 'all')
    await db.query(`UPDATE book SET isbn = '1'`)
  })
  afterAll(async () => {
    project.remove()
    await db.drop()
  })

  test('upgrade applies the first part, stops in the online one without recording it, and runs it again once the rows are fixed', async () => {
    expect((await cli(project, db, ['generate', 'AddBookRules', '--online', '--timestamp', '1700000001000'])).code).toBe(0)
    const failed = await cli(project, db, ['upgrade'])
    expect(failed.code).toBe(2)
    expect(failed.stderr).toContain('AddBookRulesOnline1700000001001')
    expect(failed.stderr).toContain('could not create unique index "UQ_book_isbn"')
    expect(failed.stderr).toContain('it committed the transaction it began in and ran its statements outside one, so the ')
    expect(failed.stderr).toContain('AddBookRules1700000001000, run before it in this run, stays applied, committed by it; fix the cause, then run it again')
    expect(await db.query(`SELECT name FROM migrations ORDER BY id`)).toEqual([{ name: 'Init1700000000000' }, { name: 'AddBookRules1700000001000' }])
    // The index the failed build began is left invalid; the index built before it stays.
    expect(await db.query(`SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname IN ('IDX_book_title', 'UQ_book_isbn') ORDER BY 1`))
      .toEqual([{ relname: 'IDX_book_title', indisvalid: true }, { relname: 'UQ_book_isbn', indisvalid: false }])
    // Fixed, the rows let the unique be built: the migration runs again, skipping what the failed run finished.
    await db.query(`UPDATE book SET isbn = id::text`)
    const again = await cli(project, db, ['upgrade'])
    expect(again.stdout).toContain('Applied AddBookRulesOnline1700000001001')
    expect(again.code).toBe(0)
    expect((await cli(project, db, ['check'])).code).toBe(0)
  })
})

describe('upgrade --lock-timeout of a migration written online', () => {
  let db: TestDatabase
  let project: TempProject
  beforeAll(async () => {
    db = await createPostgresDatabase('online_lock')
    project = await projectWithRows(db, 'each')
  })
  afterAll(async () => {
    project.remove()
    await db.drop()
  })

  test('bounds the statements it runs outside a transaction too', async () => {
    expect((await cli(project, db, ['generate', 'AddBookRules', '--online', '--timestamp', '1700000001000'])).code).toBe(0)
    expect((await cli(project, db, ['upgrade', '--steps', '1'])).code).toBe(0)
    // Another session holds a lock the online statements wait for; it lets go after 15 s.
    const holder = new Client({ ...postgresServer, database: (db.options as { database: string }).database })
    await holder.connect()
    await holder.query('BEGIN')
    await holder.query('LOCK TABLE book IN SHARE UPDATE EXCLUSIVE MODE')
    const release = setTimeout(() => void holder.query('ROLLBACK'), 15_000)
    try {
      const bounded = await cli(project, db, ['upgrade', '--lock-timeout', '1'])
      expect(bounded.code).toBe(2)
      expect(bounded.stderr).toContain('migration AddBookRulesOnline1700000001001 failed in up: canceling statement due to lock timeout')
    } finally {
      clearTimeout(release)
      await holder.query('ROLLBACK')
      await holder.end()
    }
    expect((await cli(project, db, ['upgrade', '--lock-timeout', '1'])).code).toBe(0)
    expect((await cli(project, db, ['check'])).code).toBe(0)
  })
})

describe('generate --online on a database without the online forms', () => {
  test('is refused with exit 2, writing nothing', async () => {
    const db = await createSqliteDatabase()
    const project = tempProject({
      'ormconfig.ts': `import { DataSource } from 'typeorm'\nexport default new DataSource({ type: 'better-sqlite3', database: ${JSON.stringify(db.dir + '/app.sqlite')}, entities: [__dirname + '/entities/*.ts'] })\n`,
      'entities/author.ts': author,
    })
    try {
      const run = await runCliInProcess(project.dir, ['generate', 'Init', '--online'])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('--online writes indexes built without blocking writes and constraints validated apart, which sqlite has not: leave out --online (or set autogen.online to false)')
      expect(fs.existsSync(project.file('migrations'))).toBe(false)
    } finally {
      project.remove()
      await db.drop()
    }
  })
})

describe('generate --online on MariaDB', () => {
  test('is refused with exit 2 naming the server as the Database line does, writing nothing', async () => {
    const db = await createMariaDbDatabase('onlineref')
    const project = tempProject({
      'ormconfig.ts': `import { DataSource } from 'typeorm'\nexport default new DataSource({ ...${JSON.stringify(db.options)}, entities: [__dirname + '/entities/*.ts'] })\n`,
      'entities/author.ts': author,
    })
    try {
      const run = await runCliInProcess(project.dir, ['generate', 'Init', '--online'])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('--online writes indexes built without blocking writes and constraints validated apart, which mariadb has not: leave out --online (or set autogen.online to false)')
      expect(fs.existsSync(project.file('migrations'))).toBe(false)
    } finally {
      project.remove()
      await db.drop()
    }
  })
})

describe('generate --online replacing indexes and uniques', () => {
  // One index and one unique replaced under their own names, one index under another name.
  const before = `
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm'
@Entity('shelf')
@Index('IDX_shelf_title', ['title'])
@Index('IDX_shelf_format', ['format'])
@Unique('UQ_shelf_code', ['code'])
export class Shelf {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @Column() code: string
  @Column() room: string
  @Column() format: string
}
`
  const after = before
    .replace(`@Index('IDX_shelf_title', ['title'])`, `@Index('IDX_shelf_title', ['title', 'room'])`)
    .replace(`@Index('IDX_shelf_format', ['format'])`, `@Index('IDX_shelf_format_room', ['format', 'room'])`)
    .replace(`@Unique('UQ_shelf_code', ['code'])`, `@Unique('UQ_shelf_code', ['code', 'room'])`)
  let db: TestDatabase
  let project: TempProject
  beforeAll(async () => {
    db = await createPostgresDatabase('online_replace')
    project = tempProject({ 'ormconfig.ts': config('all'), 'entities/shelf.ts': before })
    expect((await cli(project, db, ['generate', 'Init', '--timestamp', '1700000000000'])).code).toBe(0)
    expect((await cli(project, db, ['upgrade'])).code).toBe(0)
    await db.query(`INSERT INTO shelf (title, code, room, format) VALUES ('A', 'a1', 'north', 'paper'), ('B', 'b1', 'south', 'ebook')`)
    project.write('entities/shelf.ts', after)
  })
  afterAll(async () => {
    project.remove()
    await db.drop()
  })

  test('builds each new one before the old one goes, renaming the old one out of the way where the name is the same; down the same way back', async () => {
    const dumped = postgresSchemaDump(db)
    const { main, online } = await generatedOnline(project, db, 'Reshelve')
    expect(main).toContain('ALTER INDEX "public"."IDX_shelf_title" RENAME TO "IDX_shelf_title_old"')
    expect(main).toContain('ALTER TABLE "public"."shelf" RENAME CONSTRAINT "UQ_shelf_code" TO "UQ_shelf_code_old"')
    expect(main).not.toMatch(/DROP INDEX|DROP CONSTRAINT/)
    const up = online.slice(online.indexOf('async up('), online.indexOf('async down('))
    const at = (sql: string) => {
      expect(up).toContain(sql)
      return up.indexOf(sql)
    }
    const built = [
      at('CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_shelf_title" ON "public"."shelf" ("title", "room")'),
      at('CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_shelf_format_room" ON "public"."shelf" ("format", "room")'),
      at('ADD CONSTRAINT "UQ_shelf_code" UNIQUE USING INDEX "UQ_shelf_code"'),
    ]
    const dropped = [
      at('DROP INDEX CONCURRENTLY IF EXISTS "public"."IDX_shelf_title_old"'),
      at('DROP INDEX CONCURRENTLY IF EXISTS "public"."IDX_shelf_format"'),
      at('ALTER TABLE "public"."shelf" DROP CONSTRAINT IF EXISTS "UQ_shelf_code_old"'),
    ]
    expect(Math.max(...built)).toBeLessThan(Math.min(...dropped))
    // Where an index serving the same queries is built, dropping the old one is no hazard; the unique made wider lets
    // codes repeat, and its index, which starts with code, serves the queries on code.
    expect(online.match(/hazard DROP_INDEX[^\n]*/g)).toEqual([
      'hazard DROP_INDEX (warning): Drops unique constraint "UQ_shelf_code_old" on "public"."shelf" ("code"), and duplicate values become possible; keep it if the application relies on the values being unique.',
    ])
    const down = online.slice(online.indexOf('async down('))
    expect(down.indexOf('CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_shelf_title_old" ON "public"."shelf" ("title")'))
      .toBeLessThan(down.indexOf('DROP INDEX CONCURRENTLY IF EXISTS "public"."IDX_shelf_title"'))

    const fromMigrations = await cli(project, db, ['check', '--from-migrations'])
    expect(fromMigrations.stderr).not.toContain('error')
    expect(fromMigrations.code).toBe(0)
    expect((await cli(project, db, ['upgrade'])).code).toBe(0)
    expect((await cli(project, db, ['check'])).code).toBe(0)
    expect(await db.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'shelf' AND indexname <> 'PK_' || 'x' ORDER BY 1`)).toEqual(expect.arrayContaining([
      { indexname: 'IDX_shelf_format_room', indexdef: 'CREATE INDEX "IDX_shelf_format_room" ON public.shelf USING btree (format, room)' },
      { indexname: 'IDX_shelf_title', indexdef: 'CREATE INDEX "IDX_shelf_title" ON public.shelf USING btree (title, room)' },
      { indexname: 'UQ_shelf_code', indexdef: 'CREATE UNIQUE INDEX "UQ_shelf_code" ON public.shelf USING btree (code, room)' },
    ]))
    expect((await db.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'shelf'`))[0]).toEqual({ n: 4 })

    const downgraded = await cli(project, db, ['downgrade', '--steps', '2'])
    expect(downgraded.stderr).toBe('')
    expect(downgraded.code).toBe(0)
    expect(postgresSchemaDump(db)).toBe(dumped)
    expect(await db.query(`SELECT title, code, room, format FROM shelf ORDER BY id`)).toEqual([
      { title: 'A', code: 'a1', room: 'north', format: 'paper' }, { title: 'B', code: 'b1', room: 'south', format: 'ebook' },
    ])
  })
})

describe('generate --online on a partitioned table', () => {
  // PostgreSQL builds and drops no index of a partitioned table concurrently, and adds it no foreign key NOT
  // VALID: those stay in the transaction. A check NOT VALID it takes.
  const region = `
import { Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('region')
export class Region {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'region_pkey' }) id: number
}
`
  const reading = (extra: string) => `
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm'
import { Region } from './region'
@Entity('reading')
${extra}
export class Reading {
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'reading_pkey' }) id: number
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'reading_pkey' }) takenOn: string
  @Column('int') value: number
  @Column('int', { nullable: true }) regionId: number | null
  @Index('IDX_reading_old') @Column('int', { nullable: true }) station: number | null
}
`
  const after = reading(`@Index('IDX_reading_value', ['value'])\n@Check('CHK_reading_value', '"value" >= 0')`)
    .replace(`@Index('IDX_reading_old') @Column`, '@Column')
    .replace(`@Column('int', { nullable: true }) regionId`, `@ManyToOne(() => Region) @JoinColumn({ name: 'regionId', foreignKeyConstraintName: 'FK_reading_region' }) region: Region | null\n  @Column('int', { nullable: true }) regionId`)
  let db: TestDatabase
  let project: TempProject
  beforeAll(async () => {
    db = await createPostgresDatabase('online_partitioned')
    await db.query(`CREATE TABLE region (id SERIAL PRIMARY KEY)`)
    await db.query(`CREATE TABLE reading (id integer NOT NULL, "takenOn" date NOT NULL, value integer NOT NULL, "regionId" integer, station integer, PRIMARY KEY (id, "takenOn")) PARTITION BY RANGE ("takenOn")`)
    await db.query(`CREATE TABLE reading_2026 PARTITION OF reading FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')`)
    await db.query(`CREATE INDEX "IDX_reading_old" ON reading (station)`)
    await db.query(`INSERT INTO region DEFAULT VALUES`)
    await db.query(`INSERT INTO reading VALUES (1, '2026-03-01', 5, 1, 7)`)
    project = tempProject({ 'ormconfig.ts': config('all'), 'entities/region.ts': region, 'entities/reading.ts': reading('') })
    expect((await cli(project, db, ['check'])).code).toBe(0)
    project.write('entities/reading.ts', after)
  })
  afterAll(async () => {
    project.remove()
    await db.drop()
  })

  test('builds its index and adds its foreign key in the transaction, its check online; up and down run', async () => {
    const dumped = postgresSchemaDump(db)
    const { main, online } = await generatedOnline(project, db, 'Readings')
    expect(main).toContain('CREATE INDEX "IDX_reading_value" ON "public"."reading" ("value")')
    expect(main).toContain('DROP INDEX "public"."IDX_reading_old"')
    expect(main).toContain('ADD CONSTRAINT "FK_reading_region" FOREIGN KEY ("regionId") REFERENCES "public"."region"("id")')
    expect(online).toContain('ADD CONSTRAINT "CHK_reading_value" CHECK ("value" >= 0) NOT VALID')
    expect(online).not.toMatch(/query\(`[^`]*(CONCURRENTLY|FK_reading_region)/)
    const upgraded = await cli(project, db, ['upgrade'])
    expect(upgraded.stderr).not.toContain('error')
    expect(upgraded.code).toBe(0)
    expect((await cli(project, db, ['check'])).code).toBe(0)
    const downgraded = await cli(project, db, ['downgrade', '--steps', '2'])
    expect(downgraded.stderr).toBe('')
    expect(downgraded.code).toBe(0)
    expect(postgresSchemaDump(db)).toBe(dumped)
    expect(await db.query(`SELECT id, value, "regionId", station FROM reading`)).toEqual([{ id: 1, value: 5, regionId: 1, station: 7 }])
  })
})

describe('generate --online adding a unique that a new foreign key of an existing table references', () => {
  const member = (extra: string) => `
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm'
@Entity('member')
${extra}
export class Member {
  @PrimaryGeneratedColumn() id: number
  @Column() code: string
}
`
  const loan = (extra: string) => `
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Member } from './member'
@Entity('loan')
export class Loan {
  @PrimaryGeneratedColumn() id: number
  @Column('varchar', { nullable: true }) memberCode: string | null
  ${extra}
}
`
  let db: TestDatabase
  let project: TempProject
  beforeAll(async () => {
    db = await createPostgresDatabase('online_referenced')
    project = tempProject({ 'ormconfig.ts': config('all'), 'entities/member.ts': member(''), 'entities/loan.ts': loan('') })
    expect((await cli(project, db, ['generate', 'Init', '--timestamp', '1700000000000'])).code).toBe(0)
    expect((await cli(project, db, ['upgrade'])).code).toBe(0)
    await db.query(`INSERT INTO member (code) VALUES ('m1'), ('m2')`)
    await db.query(`INSERT INTO loan ("memberCode") VALUES ('m1'), (NULL)`)
    project.write('entities/member.ts', member(`@Unique('UQ_member_code', ['code'])`))
    project.write('entities/loan.ts', loan(`@ManyToOne(() => Member) @JoinColumn({ name: 'memberCode', referencedColumnName: 'code', foreignKeyConstraintName: 'FK_loan_member' }) member: Member | null`))
  })
  afterAll(async () => {
    project.remove()
    await db.drop()
  })

  test('builds the unique online too, and adds the key after it; up and down run', async () => {
    const dumped = postgresSchemaDump(db)
    const generated = await cli(project, db, ['generate', 'MemberLoans', '--online', '--timestamp', '1700000001000'])
    expect(generated.stderr).toBe('')
    expect(generated.code).toBe(0)
    // Nothing is left for a transaction: the one migration is the online one.
    expect(migrationFiles(project)).toEqual(['1700000000000-Init.ts', '1700000001000-MemberLoans.ts'])
    const online = fs.readFileSync(project.file('migrations/1700000001000-MemberLoans.ts'), 'utf8')
    const up = online.slice(online.indexOf('async up('), online.indexOf('async down('))
    const unique = up.indexOf('ADD CONSTRAINT "UQ_member_code" UNIQUE USING INDEX "UQ_member_code"')
    const key = up.indexOf('ADD CONSTRAINT "FK_loan_member" FOREIGN KEY ("memberCode") REFERENCES "public"."member"("code") ON DELETE NO ACTION ON UPDATE NO ACTION NOT VALID')
    expect(up).toContain('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "UQ_member_code" ON "public"."member" ("code")')
    expect(unique).toBeGreaterThan(0)
    expect(key).toBeGreaterThan(unique)
    const upgraded = await cli(project, db, ['upgrade'])
    expect(upgraded.stderr).not.toContain('error')
    expect(upgraded.code).toBe(0)
    expect((await cli(project, db, ['check'])).code).toBe(0)
    await expect(db.query(`INSERT INTO loan ("memberCode") VALUES ('nobody')`)).rejects.toThrow(/FK_loan_member/)
    const downgraded = await cli(project, db, ['downgrade'])
    expect(downgraded.stderr).toBe('')
    expect(downgraded.code).toBe(0)
    expect(postgresSchemaDump(db)).toBe(dumped)
  })
})
