import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm'
import type { Hazard } from '../../src/hazards/hazard'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// Issue 8 item 7: hazards right on other people's data. A partial unique index counts the duplicates its
// predicate selects; dropping a unique index while the same migration adds a unique constraint on those
// columns does not make duplicates possible; moving an enum column to a type with the same labels cannot fail.

@Entity('job')
class Job {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['on', 'off'], enumName: 'job_state' }) state: string
}

@Entity('account')
@Index('account_email_uq', ['email'], { unique: true })
class AccountBefore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) email: string
  @Column({ type: 'varchar', length: 20 }) handle: string
  @Column({ type: 'timestamp', nullable: true }) deleted_at: Date | null
  @Column({ type: 'enum', enum: ['on', 'off'], enumName: 'job_state' }) state: string
}

@Entity('account')
@Unique('account_email_key', ['email'])
@Index('account_live_handle', ['handle'], { unique: true, where: '"deleted_at" IS NULL' })
class AccountAfter {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) email: string
  @Column({ type: 'varchar', length: 20 }) handle: string
  @Column({ type: 'timestamp', nullable: true }) deleted_at: Date | null
  @Column({ type: 'enum', enum: ['on', 'off'], enumName: 'account_state' }) state: string
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('other_data_hazards')
  await migrateTo(db, [Job, AccountBefore], 'Init')
  await db.query(`INSERT INTO account (email, handle, deleted_at, state) VALUES
    ('a@x', 'ann', NULL, 'on'), ('b@x', 'ann', NULL, 'off'), ('c@x', 'bob', NULL, 'on'), ('d@x', 'bob', now(), 'on')`)
})
afterAll(async () => db?.drop())

let hazards: readonly Hazard[]
const found = (code: string) => hazards.filter((h) => h.code === code)
beforeAll(async () => {
  hazards = (await compareProject(projectFor(db, [Job, AccountAfter]))).hazards
})

it('ADD_UNIQUE counts the duplicates a partial unique index\'s predicate selects', () => {
  // The unique constraint on email needs no counting: the unique index it replaces holds until it is added.
  expect(found('ADD_UNIQUE').map((h) => [h.message.split(',')[0], h.measurement?.text])).toEqual([
    ['Adds unique index "account_live_handle" on "public"."account" ("handle")', '1 duplicate value of ("handle")'],
  ])
  expect(found('ADD_UNIQUE')[0]!.message).toContain('among the rows where deleted_at IS NULL')
})

it('DROP_INDEX does not say duplicates become possible when the same migration adds a unique constraint on those columns', () => {
  expect(found('DROP_INDEX').map((h) => h.message)).toEqual([expect.not.stringContaining('duplicate')])
})

it('TYPE_CAST_MAY_FAIL does not fire for an enum type with the same labels', () => {
  expect(found('TYPE_CAST_MAY_FAIL')).toEqual([])
  expect(found('TYPE_CHANGE_REWRITE').map((h) => h.message)).toEqual([expect.stringContaining('"public"."account"."state"')])
})

it('applies once the duplicates are gone, and the enum values convert', async () => {
  await db.query(`UPDATE account SET deleted_at = now() WHERE email = 'b@x'`)
  await migrateTo(db, [Job, AccountAfter], 'Adopt')
  expect(await db.query('SELECT email, state::text AS state FROM account ORDER BY id')).toEqual([
    { email: 'a@x', state: 'on' }, { email: 'b@x', state: 'off' }, { email: 'c@x', state: 'on' }, { email: 'd@x', state: 'on' },
  ])
})
