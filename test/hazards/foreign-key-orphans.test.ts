import { rmSync } from 'node:fs'
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from '../../src/decorators'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { type EntityList, migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { type TestDatabase, allDialects, inQuotesOf } from '../support/test-database'

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

/** addForeignKeyHazard is the ADD_FOREIGN_KEY hazard of the change to `entities`. */
async function addForeignKeyHazard(db: TestDatabase, entities: EntityList) {
  return (await compareProject(projectFor(db, entities))).hazards.find((h) => h.code === 'ADD_FOREIGN_KEY')
}

/** expectUpgradeFails generates the migration to `entities` and expects `upgrade` to fail; the file goes after. */
async function expectUpgradeFails(db: TestDatabase, entities: EntityList): Promise<void> {
  const generated = await generateMigration(projectFor(db, entities), 'AddTeam', 1_800_000_000_000)
  try {
    await expect(upgrade(projectFor(db, entities))).rejects.toThrow()
  } finally {
    rmSync(generated.file!)
  }
}

describe.each(allDialects('fkorphans'))('%s: a foreign key added on a column that holds values', (label, createDatabase) => {
  let db: TestDatabase
  const sql = (text: string) => inQuotesOf(label, text)
  const addForeignKey = () => addForeignKeyHazard(db, [Team, PlayerWithRelation])
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
    await expectUpgradeFails(db, [Team, PlayerWithRelation])
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

@Entity('fk_member')
class Member {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) name: string
}

@Entity('fk_member')
class MemberInDefaultTeam {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) name: string
  @Column({ type: 'integer', default: 1 }) teamId: number
  @ManyToOne(() => Team) @JoinColumn({ name: 'teamId' }) team: Team
}

const members = 'SELECT id, name FROM fk_member ORDER BY id'

describe.each(allDialects('fkdefault'))('%s: a foreign key on a new column with a default', (label, createDatabase) => {
  let db: TestDatabase
  const sql = (text: string) => inQuotesOf(label, text)
  const addForeignKey = () => addForeignKeyHazard(db, [Team, MemberInDefaultTeam])
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [Team, Member], 'Init')
    await db.query('INSERT INTO fk_team (id) VALUES (2), (3)')
    await db.query("INSERT INTO fk_member (id, name) VALUES (1, 'ann'), (2, 'bob')")
  }, 60_000)
  afterAll(async () => db?.drop())

  it('says every row takes the default, and counts the rows, before the migration fails on them', async () => {
    const hazard = await addForeignKey()
    expect(hazard).toMatchObject({ severity: 'warning', measurement: { count: 2, complete: true } })
    expect(hazard?.message).toMatch(/^Adds foreign key "\w+" on ("public"\.)?"fk_member" \("teamId"\) -> ("public"\.)?"fk_team", on a column this migration adds: every row of ("public"\.)?"fk_member" takes "teamId" = 1, which fails unless a row of ("public"\.)?"fk_team" matches/)
    await expectUpgradeFails(db, [Team, MemberInDefaultTeam])
    expect(await pendingChanges(db, [Team, Member])).toEqual([])
  })

  it('applies once the row it references exists, keeping the rows', async () => {
    const rows = await db.query(sql(members))
    await db.query('INSERT INTO fk_team (id) VALUES (1)')
    await migrateTo(db, [Team, MemberInDefaultTeam], 'AddTeam')
    expect(await pendingChanges(db, [Team, MemberInDefaultTeam])).toEqual([])
    expect(await db.query(sql(members))).toEqual(rows)
  })
})

// The referenced table renamed by the same migration (Maintainerr's rule_group made rule_groups): the count reads
// it under its name now, and the hazard names it as the migration leaves it, in its count as in its sentence.

@Entity('fk_squad')
@RenamedFrom('fk_team')
class Squad {
  @PrimaryGeneratedColumn() id: number
}

@Entity('fk_player')
class PlayerInSquad {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'integer', nullable: true }) teamId: number | null
  @ManyToOne(() => Squad, { nullable: true }) @JoinColumn({ name: 'teamId' }) team: Squad | null
}

describe.each(allDialects('fkrenamed'))('%s: a foreign key added to a table the migration renames', (label, createDatabase) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [Team, PlayerWithIds], 'Init')
    await db.query('INSERT INTO fk_team (id) VALUES (1), (2)')
    await db.query(inQuotesOf(label, 'INSERT INTO fk_player (id, "teamId") VALUES (1, 1), (2, 7), (3, NULL)'))
  }, 60_000)
  afterAll(async () => db?.drop())

  it('counts the rows that point at no row, naming the table by its new name', async () => {
    const hazard = await addForeignKeyHazard(db, [Squad, PlayerInSquad])
    expect(hazard).toMatchObject({ severity: 'warning', measurement: { count: 1, complete: true } })
    expect(hazard?.message).toMatch(/which fails while a row's values match no row of ("public"\.)?"fk_squad" \(1 row points at no row of ("public"\.)?"fk_squad"\);/)
  })
})
