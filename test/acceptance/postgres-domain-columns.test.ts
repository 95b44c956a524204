import { Column, Entity, PrimaryColumn } from 'typeorm'
import { expectCleanCycle, migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A schema written by hand (pagila's `release_year year`) types columns by domains: a base type with a
// check. TypeORM cannot name a domain, so an entity declares the column by the domain's base type, which
// TypeORM's own schema builder reads for it too. That mapping is the column as it is: nothing to change,
// and the column keeps its domain (and the domain's check) through a migration that changes the table.

@Entity('film')
class Film {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'film_pkey' }) id: number
  @Column({ name: 'release_year', type: 'integer', nullable: true }) releaseYear: number | null
  @Column({ type: 'varchar', length: 8 }) code: string
  @Column({ type: 'varchar', length: 8, array: true, nullable: true }) codes: string[] | null
  @Column({ type: 'text', array: true, nullable: true }) tags: string[] | null
}

@Entity('film')
class FilmWithTitle extends Film {
  @Column({ type: 'text', default: '' }) title: string
}

@Entity('shelf')
class Shelf {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'shelf_pkey' }) id: number
}

let db: TestDatabase
beforeEach(async () => {
  db = await createPostgresDatabase('domaincols')
  await db.query(`CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
    CREATE DOMAIN short_code AS varchar(8) CHECK (VALUE <> '');
    CREATE DOMAIN tag_list AS text[];
    CREATE TABLE shelf (id integer PRIMARY KEY);
    CREATE TABLE film (id integer PRIMARY KEY, release_year year, code short_code NOT NULL, codes short_code[], tags tag_list);
    INSERT INTO film VALUES (1, 2006, 'AB', '{CD}', '{drama,epic}')`)
})
afterEach(async () => db?.drop())

const columnTypes = `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
  WHERE attrelid = 'film'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`

it('finds nothing to change where an entity declares a domain column by its base type', async () => {
  expect(await pendingChanges(db, [Film, Shelf])).toEqual([])
})

it('keeps the domains through a change of the table, up and down', async () => {
  const { up } = await expectCleanCycle(db, [Film, Shelf], [FilmWithTitle, Shelf], 'FilmTitle', 'SELECT * FROM film ORDER BY id')
  expect(up.map((op) => op.kind)).toEqual(['add_column'])
  expect(await db.query(columnTypes)).toEqual(domainColumns)
})

it('makes a table that up drops again in down with its domains', async () => {
  await migrateTo(db, [Shelf], 'DropFilm')
  await revertLast(db, [Shelf])
  expect(await pendingChanges(db, [Film, Shelf])).toEqual([])
  expect(await db.query(columnTypes)).toEqual(domainColumns)
})

const domainColumns = [
  { name: 'id', type: 'integer' },
  { name: 'release_year', type: 'year' },
  { name: 'code', type: 'short_code' },
  { name: 'codes', type: 'short_code[]' },
  { name: 'tags', type: 'tag_list' },
]
