import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { pendingChanges } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// InnoDB checks NO ACTION and RESTRICT alike, and MariaDB reports RESTRICT where the DDL named no action, as
// hand-written migrations often do. Such keys are not dropped and re-added to be spelled as TypeORM spells
// them; an action that does differ still is.

@Entity('team')
class Team {
  @PrimaryGeneratedColumn() id: number
}

@Entity('player')
class Player {
  @PrimaryGeneratedColumn() id: number
  @Column() teamId: number
  @ManyToOne(() => Team) @JoinColumn({ name: 'teamId' }) team: Team
  @Column({ nullable: true }) coachId: number
  @ManyToOne(() => Team, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' }) @JoinColumn({ name: 'coachId' }) coach: Team
}

@Entity('player')
class PlayerCascading {
  @PrimaryGeneratedColumn() id: number
  @Column() teamId: number
  @ManyToOne(() => Team, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'teamId' }) team: Team
  @Column({ nullable: true }) coachId: number
  @ManyToOne(() => Team, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' }) @JoinColumn({ name: 'coachId' }) coach: Team
}

const handWritten = [
  'CREATE TABLE team (id int NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB',
  `CREATE TABLE player (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, teamId int NOT NULL, coachId int NULL,
    CONSTRAINT FK_player_team FOREIGN KEY (teamId) REFERENCES team (id),
    CONSTRAINT FK_player_coach FOREIGN KEY (coachId) REFERENCES team (id) ON DELETE NO ACTION ON UPDATE NO ACTION) ENGINE=InnoDB`,
]

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('restrict_spelling')
  for (const statement of handWritten) await db.query(statement)
})
afterAll(async () => db?.drop())

// The keys' own names are the database's: renaming them to the entities' names is another matter.
const foreignKeyChanges = async (entities: Function[]) =>
  (await pendingChanges(db, entities)).map((op) => op.kind).filter((kind) => !kind.startsWith('rename_'))

it('takes a key the server reports as RESTRICT for the entity\'s NO ACTION, and NO ACTION for its RESTRICT', async () => {
  const rows = await db.query(`SELECT CONSTRAINT_NAME AS name, DELETE_RULE AS onDelete FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1`)
  expect(rows).toEqual([{ name: 'FK_player_coach', onDelete: 'NO ACTION' }, { name: 'FK_player_team', onDelete: 'RESTRICT' }])
  expect(await foreignKeyChanges([Team, Player])).toEqual([])
})

it('still changes an action that differs', async () => {
  expect(await foreignKeyChanges([Team, PlayerCascading])).toEqual(['drop_foreign_key', 'add_foreign_key'])
})
