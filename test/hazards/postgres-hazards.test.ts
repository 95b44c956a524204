import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

@Entity('team')
class Team {
  @PrimaryGeneratedColumn() id: number
}

@Entity('member')
class MemberBefore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) name: string
  @Column({ type: 'varchar', nullable: true }) email: string | null
  @Column({ type: 'text' }) code: string
  @Column({ type: 'integer' }) score: number
  @Column({ type: 'enum', enum: ['active', 'archived', 'deleted'] }) status: string
  @Column({ type: 'integer', nullable: true }) teamId: number | null
}

@Entity('member')
class MemberAfter {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 5 }) name: string
  @Column({ type: 'varchar' }) email: string
  @Column({ type: 'integer' }) code: number
  @Index() @Column({ type: 'bigint' }) score: string
  @Column({ type: 'enum', enum: ['active'] }) status: string
  @ManyToOne(() => Team) team: Team
  @Column({ type: 'integer', nullable: true }) teamId: number | null
}

const rows = 'SELECT id, name, email, code, score, status FROM member ORDER BY id'

describe('postgres: hazards are reported with the data they affect, before anyone runs the migration', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('hazards')
    await migrateTo(db, [Team, MemberBefore], 'Init')
    await db.query(`INSERT INTO member (name, email, code, score, status) VALUES
      ('Ann', 'a@x', '12', 1, 'active'), ('Bartholomew', NULL, 'x9', 2, 'archived'),
      ('Cy', NULL, '7', 3, 'deleted'), ('Dorothea', 'd@x', ' 5 ', 4, 'archived')`)
  })
  afterAll(async () => {
    await db.drop()
  })

  it('counts values longer than a narrowed varchar, NULLs under NOT NULL, and the rest', async () => {
    const data = await db.query(rows)
    const { hazards, warnings } = await compareProject(projectFor(db, [Team, MemberAfter]))
    expect(warnings).toEqual([])
    expect(hazards.map((h) => [h.code, h.severity, h.measurement?.text])).toEqual([
      ['ENUM_VALUE_REMOVED', 'danger', "3 rows hold 'archived' or 'deleted'"],
      ['TYPE_CAST_MAY_FAIL', 'danger', '1 value does not look like integer'],
      ['SET_NOT_NULL', 'warning', '2 rows have NULL in "email"'],
      ['TYPE_NARROWING', 'danger', '2 rows are longer than 5 characters'],
      ['TYPE_CHANGE_REWRITE', 'warning', '4 rows'],
      ['INDEX_WITHOUT_CONCURRENTLY', 'warning', '4 rows'],
      ['ADD_FOREIGN_KEY', 'warning', 'no row points at a missing row of "public"."team"'],
      ['CONSTRAINT_WITHOUT_NOT_VALID', 'warning', '4 rows'],
    ])
    expect(hazards[3]!.message).toBe(
      'Changes "public"."member"."name" from varchar(100) to varchar(5), which may truncate, round or reject the values that do not fit ' +
      '(2 rows are longer than 5 characters); fix those values first, or keep the wider type.',
    )
    expect(await db.query(rows)).toEqual(data)
  })
})
