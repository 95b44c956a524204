import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { mariadbSchemaDump } from '../support/mariadb-schema-dump'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// MariaDB converts uuid values to and from text only: `MODIFY COLUMN` between uuid and a number or a date
// fails ("Cannot cast 'uuid' as 'bigint'") even on an empty table. The migration goes through a varchar,
// both ways: a primary key with the foreign key that follows it, a datetime becoming a uuid, a uuid a double.

@Entity('team')
class TeamV1 {
  @PrimaryColumn({ type: 'uuid' }) id: string
}

@Entity('member')
class MemberV1 {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => TeamV1, { nullable: true, onDelete: 'CASCADE' }) @JoinColumn({ name: 'team_id' }) team: TeamV1 | null
  @Column({ type: 'datetime', nullable: true }) seen: Date | null
  @Column({ type: 'uuid', nullable: true }) ref: string | null
}

@Entity('team')
class TeamV2 {
  @PrimaryColumn({ type: 'bigint' }) id: string
}

@Entity('member')
class MemberV2 {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => TeamV2, { nullable: true, onDelete: 'CASCADE' }) @JoinColumn({ name: 'team_id' }) team: TeamV2 | null
  @Column({ type: 'uuid', nullable: true }) seen: string | null
  @Column({ type: 'double', nullable: true }) ref: number | null
}

const members = 'SELECT id, team_id, seen, ref FROM member ORDER BY id'

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('uuid_retype')
  await migrateTo(db, [TeamV1, MemberV1], 'Init')
  await db.query('INSERT INTO member (team_id, seen, ref) VALUES (NULL, NULL, NULL), (NULL, NULL, NULL)')
})
afterAll(async () => db?.drop())

it('changes columns between uuid and bigint, datetime and double through a varchar, keeps the NULLs and reverts', async () => {
  const before = await mariadbSchemaDump(db)
  const rows = await db.query(members)
  const { up, source } = await migrateTo(db, [TeamV2, MemberV2], 'Retype')
  expect(up.map((op) => op.kind)).toEqual(['alter_column', 'alter_column', 'alter_column', 'alter_column'])
  const sql = source.replace(/\\`/g, '`')
  expect(sql).toContain('MODIFY COLUMN `id` varchar(36) NOT NULL')
  expect(sql).toContain('MODIFY COLUMN `team_id` varchar(36) NULL')
  expect(sql).toContain('MODIFY COLUMN `seen` varchar(36) NULL')
  expect(sql).toContain('MODIFY COLUMN `ref` varchar(36) NULL')
  expect(await pendingChanges(db, [TeamV2, MemberV2])).toEqual([])
  expect(await db.query(members)).toEqual(rows)
  // The foreign key is back: deleting the team deletes its member.
  await db.query('INSERT INTO team (id) VALUES (7)')
  await db.query("INSERT INTO member (team_id, seen, ref) VALUES (7, '123e4567-e89b-12d3-a456-426614174000', 1.5)")
  await db.query('DELETE FROM team')
  expect(await db.query(members)).toEqual(rows)

  await revertLast(db, [TeamV2, MemberV2])
  expect(await mariadbSchemaDump(db)).toEqual(before)
  expect(await pendingChanges(db, [TeamV1, MemberV1])).toEqual([])
  expect(await db.query(members)).toEqual(rows)
})
