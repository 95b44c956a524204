import { rmSync } from 'node:fs'
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { type TestDatabase, allDialects } from '../support/test-database'

// A relation declared on a column that already holds ids: the foreign key fails while a row points at no
// team. ADD_FOREIGN_KEY says so, and counts those rows, before anyone runs the migration.

@Entity('fk_team')
class Team {
  @PrimaryGeneratedColumn() id: number
}

@Entity('fk_player')
class PlayerWithIds {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'integer', nullable: true }) teamId: number | null
}

@Entity('fk_player')
class PlayerWithRelation {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'integer', nullable: true }) teamId: number | null
  @ManyToOne(() => Team, { nullable: true }) @JoinColumn({ name: 'teamId' }) team: Team | null
}

const players = 'SELECT id, "teamId" FROM fk_player ORDER BY id'

describe.each(allDialects('fkorphans'))('%s: a foreign key added on a column that holds values', (label, createDatabase) => {
  let db: TestDatabase
  const sql = (text: string) => (label === 'mariadb' ? text.replace(/"/g, '`') : text)
  const addForeignKey = async () => (await compareProject(projectFor(db, [Team, PlayerWithRelation]))).hazards.find((h) => h.code === 'ADD_FOREIGN_KEY')
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [Team, PlayerWithIds], 'Init')
    await db.query('INSERT INTO fk_team (id) VALUES (1), (2)')
    await db.query(sql('INSERT INTO fk_player (id, "teamId") VALUES (1, 1), (2, 2), (3, 7), (4, NULL), (5, 9)'))
  }, 60_000)
  afterAll(async () => db?.drop())

  it('counts the rows that point at no referenced row, and the migration fails changing nothing', async () => {
    const rows = await db.query(sql(players))
    const hazard = await addForeignKey()
    expect(hazard).toMatchObject({ severity: 'warning', measurement: { count: 2, complete: true } })
    expect(hazard?.message).toMatch(/^Adds foreign key "\w+" on ("public"\.)?"fk_player" \("teamId"\) -> ("public"\.)?"fk_team", which fails while a row's values match no row of ("public"\.)?"fk_team" \(2 rows point at no row of ("public"\.)?"fk_team"\); point those rows at existing rows, or set their values to NULL, first\.$/)
    const generated = await generateMigration(projectFor(db, [Team, PlayerWithRelation]), 'AddTeam', 1_800_000_000_000)
    try {
      await expect(upgrade(projectFor(db, [Team, PlayerWithRelation]))).rejects.toThrow()
    } finally {
      rmSync(generated.file!)
    }
    expect(await pendingChanges(db, [Team, PlayerWithIds])).toEqual([])
    expect(await db.query(sql(players))).toEqual(rows)
  })

  it('finds none once those rows are fixed, and the migration applies', async () => {
    await db.query(sql('UPDATE fk_player SET "teamId" = NULL WHERE "teamId" > 2'))
    const hazard = await addForeignKey()
    expect(hazard?.measurement).toMatchObject({ count: 0, complete: true })
    expect(hazard?.message).toMatch(/\(no row points at a missing row of ("public"\.)?"fk_team"\)/)
    await migrateTo(db, [Team, PlayerWithRelation], 'AddTeam')
    expect(await pendingChanges(db, [Team, PlayerWithRelation])).toEqual([])
  })
})
