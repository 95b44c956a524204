import { Entity, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { expectCleanCycle, migrateTo, projectFor } from '../support/migration-cycle'
import { postgresSchemaDump } from '../support/postgres-schema-dump'
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// A foreign key whose deferral alone changes (`deferrable` added, changed or removed) is changed in place on
// PostgreSQL, `ALTER CONSTRAINT ... [NOT] DEFERRABLE`, which reads no row; dropped and added again, it would
// check every row again under a lock. Its down changes it back in place too. SQLite rebuilds the table.

@Entity('team')
class Team {
  @PrimaryGeneratedColumn() id: number
}

@Entity('badge')
class Badge {
  @PrimaryGeneratedColumn() id: number
}

type Deferral = 'INITIALLY DEFERRED' | 'INITIALLY IMMEDIATE' | undefined

/** memberWith is the member entity whose relations are deferrable as given (undefined: not deferrable). */
function memberWith([team, badge]: readonly [Deferral, Deferral]) {
  @Entity('member')
  class Member {
    @PrimaryGeneratedColumn() id: number
    @ManyToOne(() => Team, { onDelete: 'CASCADE', ...(team !== undefined && { deferrable: team }) }) @JoinColumn({ name: 'team_id' }) team: Team
    @OneToOne(() => Badge, { nullable: true, ...(badge !== undefined && { deferrable: badge }) }) @JoinColumn({ name: 'badge_id' }) badge: Badge | null
  }
  return Member
}

const seed = ['INSERT INTO team (id) VALUES (1), (2)', 'INSERT INTO badge (id) VALUES (1)', 'INSERT INTO member (team_id, badge_id) VALUES (1, 1), (2, NULL), (2, NULL)']
const rows = 'SELECT id, team_id, badge_id FROM member ORDER BY id'
const clause = (deferral: Deferral) => (deferral === undefined ? 'NOT DEFERRABLE' : `DEFERRABLE ${deferral}`)

/** schemaOf is what the database says of its tables: pg_dump, or SQLite's CREATE statements. */
async function schemaOf(db: TestDatabase): Promise<unknown> {
  return db.label === 'sqlite' ? db.query(`SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'migrations%' ORDER BY name`) : postgresSchemaDump(db)
}

const changes = [
  ['not deferrable to deferred, and to immediate', [undefined, undefined], ['INITIALLY DEFERRED', 'INITIALLY IMMEDIATE']],
  ['deferred to immediate, and immediate to not deferrable', ['INITIALLY DEFERRED', 'INITIALLY IMMEDIATE'], ['INITIALLY IMMEDIATE', undefined]],
] as const

describe.each([
  ['postgres', () => createPostgresDatabase('fkdefer49_deferral')],
  ['sqlite', createSqliteDatabase],
] as const)('%s', (dialect, createDatabase) => {
  describe.each(changes)('foreign keys whose deferral changes, %s', (_name, before, after) => {
    const Before = memberWith(before)
    const After = memberWith(after)
    let db: TestDatabase
    beforeAll(async () => {
      db = await createDatabase()
      await migrateTo(db, [Team, Badge, Before], 'Init')
      for (const sql of seed) await db.query(sql)
    })
    afterAll(async () => db?.drop())

    if (dialect === 'postgres') {
      it('stay in the one migration, in its transaction, with --online (written first: a dry run)', async () => {
        const result = await generateMigration(projectFor(db, [Team, Badge, After]), 'DeferralOnline', 1_800_000_000_000, { online: true, dryRun: true })
        expect(result.written.map((w) => w.plan.outsideTransaction)).toEqual([undefined])
        expect(result.plan.upStatements.map((s) => s.sql)).toEqual([
          expect.stringMatching(/ALTER CONSTRAINT "FK_\w+" /), expect.stringMatching(/ALTER CONSTRAINT "FK_\w+" /),
        ])
        expect(result.plan.hazards ?? []).toEqual([])
      })
    }

    it('are changed, up and down, keeping schema and rows', async () => {
      const schemaBefore = await schemaOf(db)
      const cycle = await expectCleanCycle(db, [Team, Badge, Before], [Team, Badge, After], 'Deferral', rows)
      expect(cycle.up.map((op) => op.kind)).toEqual(['alter_foreign_key', 'alter_foreign_key'])
      if (dialect === 'postgres') {
        expect(cycle.source).toMatch(new RegExp(`ALTER CONSTRAINT "FK_\\w+" ${clause(after[0])}\``))
        expect(cycle.source).toMatch(new RegExp(`ALTER CONSTRAINT "FK_\\w+" ${clause(before[0])}\``))
        expect(cycle.source).not.toMatch(/DROP CONSTRAINT|ADD CONSTRAINT/)
      }
      expect(cycle.rowsAfter).toEqual(await db.query(rows))
      expect(await schemaOf(db)).toEqual(schemaBefore)
    })
  })
})
