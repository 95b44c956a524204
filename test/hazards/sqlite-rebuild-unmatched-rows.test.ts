import { rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { type EntityList, migrateTo, projectFor } from '../support/migration-cycle'
import { type TestDatabase, createSqliteDatabase } from '../support/test-database'

// Rows written while foreign keys were off (TypeORM's runner turns them off for its migrations) may already point
// at no row. A rebuild checks the foreign keys of the table it copies at the end of the migration, which then
// fails on those rows, though the migration changes nothing they read: generate said nothing of it. Found on
// Standard Notes' auth server, whose own migrations leave 9 rows of role_permissions pointing at no permission:
// any later rebuild of role_permissions failed on upgrade.

@Entity('rb_team')
class Team { @PrimaryGeneratedColumn() id: number }

@Entity('rb_player')
class Player {
  @PrimaryGeneratedColumn() id: number
  @Column('text') name: string
  @ManyToOne(() => Team) @JoinColumn({ name: 'teamId' }) team: Team
}

@Entity('rb_player')
class PlayerNullableName {
  @PrimaryGeneratedColumn() id: number
  @Column('text', { nullable: true }) name: string | null
  @ManyToOne(() => Team) @JoinColumn({ name: 'teamId' }) team: Team
}

async function hazardsOf(db: TestDatabase, entities: EntityList) {
  return (await compareProject(projectFor(db, entities))).hazards.filter((h) => h.code === 'FOREIGN_KEY_ALREADY_BROKEN')
}

describe('sqlite: a rebuild of a table whose rows already break one of its foreign keys', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [Team, Player], 'Init')
    await db.query('INSERT INTO rb_team (id) VALUES (1)')
    await db.query(`INSERT INTO rb_player (id, name, "teamId") VALUES (1, 'a', 1), (2, 'b', 1)`)
  })
  afterAll(async () => db?.drop())

  it('says nothing while every row matches', async () => {
    expect(await hazardsOf(db, [Team, PlayerNullableName])).toEqual([])
  })

  it('is a hazard counting those rows (none where rows are not counted), and the migration fails as it says', async () => {
    const file = new Database(String(db.options.database))
    file.pragma('foreign_keys = OFF')
    file.exec(`INSERT INTO rb_player (id, name, "teamId") VALUES (3, 'c', 7), (4, 'd', 8)`)
    file.close()
    const [hazard, ...more] = await hazardsOf(db, [Team, PlayerNullableName])
    expect(more).toEqual([])
    expect(hazard?.message).toMatch(/^Rebuilds table "rb_player", which checks its foreign key "FK_\w+" \("teamId"\) -> "rb_team" at the end of the migration, and rows already break it \(2 rows point at no row of "rb_team"\); the migration fails on them/)
    expect(hazard?.severity).toBe('warning')
    expect(hazard?.subject).toMatch(/^"rb_player" foreign key "FK_\w+"$/)
    const uncounted = await compareProject(projectFor(db, [Team, PlayerNullableName]), { countRows: false })
    expect(uncounted.hazards.filter((h) => h.code === 'FOREIGN_KEY_ALREADY_BROKEN')).toEqual([])
    const generated = await generateMigration(projectFor(db, [Team, PlayerNullableName]), 'NullableName', 1_800_000_000_000)
    try {
      await expect(upgrade(projectFor(db, [Team, PlayerNullableName]))).rejects.toThrow(/foreign key/)
    } finally {
      rmSync(generated.file!)
    }
  })
})
