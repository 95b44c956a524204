import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { RenamedFrom } from '../../src/source/renamed-from'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'

// Found on lyrio (MariaDB): a @Check('CHK_user_rating', '`rating` <= 5000') added to its user table was listed with
// no hazard at all, while the migration fails at the ADD (MariaDB: "CONSTRAINT `CHK_user_rating` failed") as soon
// as one row breaks it, on MariaDB after the statements before it committed. ADD_CHECK warns of it, counting the
// rows that break it (a row where the expression is NULL passes, as the database has it).

@Entity('player')
class PlayerBefore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) rating: number | null
  @Column({ type: 'int', default: 0 }) games: number
}

@Entity('player')
@Check('CHK_player_rating', 'rating <= 5000')
class PlayerChecked {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) rating: number | null
  @Column({ type: 'int', default: 0 }) games: number
}

@Entity('player')
@Check('CHK_player_elo', 'elo <= 5000')
class PlayerRenamedChecked {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('rating') @Column({ type: 'int', nullable: true }) elo: number | null
  @Column({ type: 'int', default: 0 }) games: number
}

// Found on energyweb origin: a column the base entity adds to every table (a @DeleteDateColumn) left the checks the
// same migration adds uncounted, though they name none of the new columns.
@Entity('player')
@Check('CHK_player_rating', 'rating <= 5000')
class PlayerCheckedWithNewColumn {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) rating: number | null
  @Column({ type: 'int', default: 0 }) games: number
  @Column({ type: 'int', nullable: true }) level: number | null
}

@Entity('player')
@Check('CHK_player_level', 'level <= 5000')
class PlayerCheckedNewColumn {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) rating: number | null
  @Column({ type: 'int', default: 0 }) games: number
  @Column({ type: 'int', nullable: true }) level: number | null
}

@Entity('season')
@Check('CHK_season_year', 'year > 2000')
class Season {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int' }) year: number
}

describe.each(allDialects('add_check'))('%s: a check added to a table with rows', (_dialect, createDatabase) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [PlayerBefore], 'Init')
    await db.query('INSERT INTO player (rating, games) VALUES (2400, 10), (6000, 3), (NULL, 0)')
  })
  afterAll(async () => db?.drop())

  it('is ADD_CHECK, counting the rows that break it; a new table with a check is not', async () => {
    const { hazards, warnings } = await compareProject(projectFor(db, [PlayerChecked, Season]))
    expect(warnings).toEqual([])
    const added = hazards.filter((h) => h.code === 'ADD_CHECK')
    expect(added.map((h) => h.severity)).toEqual(['warning'])
    expect(added[0]!.message).toMatch(/^Adds check "CHK_player_rating" \(rating <= 5000\) on ("public"\.)?"player", which fails while a row breaks it \(1 row breaks it\); fix those rows first\.$/)
  })

  it('is not counted where the expression names a column renamed before it, and nothing fails to be counted', async () => {
    const { hazards, warnings } = await compareProject(projectFor(db, [PlayerRenamedChecked]))
    expect(warnings).toEqual([])
    expect(hazards.find((h) => h.code === 'ADD_CHECK')?.measurement).toBeUndefined()
  })

  it('is counted where a column added before it is one the expression does not name, and not where it is', async () => {
    const counted = await compareProject(projectFor(db, [PlayerCheckedWithNewColumn]))
    expect(counted.warnings).toEqual([])
    expect(counted.hazards.find((h) => h.code === 'ADD_CHECK')?.message).toMatch(/\(1 row breaks it\)/)
    const uncounted = await compareProject(projectFor(db, [PlayerCheckedNewColumn]))
    expect(uncounted.warnings).toEqual([])
    expect(uncounted.hazards.find((h) => h.code === 'ADD_CHECK')?.measurement).toBeUndefined()
  })

  it('fails the migration as it says, and runs once no row breaks it', async () => {
    await generateMigration(projectFor(db, [PlayerChecked]), 'Checked', 1_800_000_000_000)
    await expect(upgrade(projectFor(db, [PlayerChecked]))).rejects.toThrow(/CHK_player_rating|CHECK constraint failed|violated/i)
    await db.query('UPDATE player SET rating = 5000 WHERE rating > 5000')
    expect(await upgrade(projectFor(db, [PlayerChecked]))).toEqual(['Checked1800000000000'])
    expect(await pendingChanges(db, [PlayerChecked])).toEqual([])
  })
})
