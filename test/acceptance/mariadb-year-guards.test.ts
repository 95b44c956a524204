import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Found on a Sakila port (nestjs_sakila_db, MariaDB): `film`.`release_year` made smallint from year, in a
// migration that also widened other columns. Its up warned of a narrowing (TYPE_NARROWING, a danger) that
// cannot lose a value, as every year fits a smallint; its down, which made the column a year again, had no
// check: a smallint of 1800 failed its ALTER ("Out of range") after the statements before it had committed,
// leaving the database half reverted; a smallint of 5 became the year 2005. A number made a year is now a
// narrowing, checked first for the values a year does not keep as they are (all but 0 and 1901..2155).

@Entity('film')
class FilmYear {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) title: string
  @Column({ name: 'release_year', type: 'year', nullable: true }) releaseYear: number | null
}

@Entity('film')
class FilmSmallint {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) title: string
  @Column({ name: 'release_year', type: 'smallint', nullable: true }) releaseYear: number | null
}

const tablesQuery = "SELECT COLUMN_NAME c, COLUMN_TYPE y FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'film' ORDER BY c"
const rowsQuery = 'SELECT id, title, release_year FROM film ORDER BY id'

describe('MariaDB: a year column made a smallint and back', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('year_guards')
    await migrateTo(db, [FilmYear], 'Init')
    await db.query("INSERT INTO film (title, release_year) VALUES ('ACADEMY DINOSAUR', 2006), ('ZERO', 0), ('NONE', NULL)")
  })
  afterEach(async () => db?.drop())

  it('warns of no narrowing on the way up, and its down fails before its first statement while a number is no year', async () => {
    const migrated = await migrateTo(db, [FilmSmallint], 'Smallint')
    const up = migrated.source.slice(migrated.source.indexOf('public async up('), migrated.source.indexOf('public async down('))
    expect(up).not.toContain('TYPE_NARROWING')
    // Its down narrows the column back: a hazard of down, which downgrade counts first.
    const downHazards = migrated.source.slice(migrated.source.indexOf('// Down hazards ('), migrated.source.indexOf('public async up('))
    expect(downHazards).toContain('//   - TYPE_NARROWING "film"."release_year" (danger)')
    expect(migrated.source).toContain('TYPE_CHANGE_REWRITE (warning): Changes "film"."release_year" from year to smallint')

    for (const release of [1800, 5, -1, 2156]) {
      await db.query(`UPDATE film SET release_year = ${release} WHERE id = 1`)
      const schemaBefore = await db.query(tablesQuery)
      const rowsBefore = await db.query(rowsQuery)
      const failure = await downgrade(projectFor(db, [FilmSmallint])).then(() => undefined, (error: Error) => error)
      expect(failure?.message).toContain('rows of "film"."release_year" hold numbers other than 0 and 1901..2155')
      expect(failure?.message).toContain('nothing of the table was changed')
      expect(await db.query(tablesQuery)).toEqual(schemaBefore)
      expect(await db.query(rowsQuery)).toEqual(rowsBefore)
    }

    await db.query('UPDATE film SET release_year = 1999 WHERE id = 1')
    expect(await downgrade(projectFor(db, [FilmSmallint]))).toEqual([expect.stringMatching(/^Smallint/)])
    expect(await pendingChanges(db, [FilmYear])).toEqual([])
    expect(await db.query(rowsQuery)).toEqual([
      { id: 1, title: 'ACADEMY DINOSAUR', release_year: 1999 },
      { id: 2, title: 'ZERO', release_year: 0 },
      { id: 3, title: 'NONE', release_year: null },
    ])
    expect(await upgrade(projectFor(db, [FilmSmallint]))).toEqual([expect.stringMatching(/^Smallint/)])
  })
})
