import { Column, Entity, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm'
import { expectCleanCycle, migrateTo, pendingChanges } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A view entity declared synchronize: false is made by a migration of the project (Giveth/impact-graph's power
// views, Vizzuality/landgriffon's impact_materialized_view). The diff leaves it alone; where a migration changes
// the type of a column it reads, which PostgreSQL refuses while the view exists, it is dropped before the change
// and made again after, as the database has it, in up and in down: with its indexes and its comment (made again
// without it, the view lost its COMMENT ON for good).

const statsSql = 'SELECT state, sum(score) AS total FROM note GROUP BY state'

@ViewEntity({ name: 'note_stats', materialized: true, synchronize: false, expression: statsSql })
class NoteStats {
  @ViewColumn() state: string
  @ViewColumn() total: number
}

@Entity('note')
class Note {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 10 }) state: string
  @Column({ type: 'int' }) score: number
}

@Entity('note')
class NoteWithDecimalScore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 10 }) state: string
  @Column({ type: 'numeric', precision: 12, scale: 2 }) score: string
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('skippedview')
  await migrateTo(db, [Note], 'Notes')
  await db.query(`INSERT INTO note (state, score) VALUES ('open', 1), ('open', 2), ('done', 5)`)
  await db.query(`CREATE MATERIALIZED VIEW note_stats AS ${statsSql}`)
  await db.query('CREATE INDEX note_stats_state ON note_stats (state)')
  await db.query(`COMMENT ON MATERIALIZED VIEW note_stats IS 'totals per state, for the dashboard'`)
})
afterAll(async () => db?.drop())

const stats = 'SELECT state, total::text FROM note_stats ORDER BY state'

it('leaves the view alone while nothing it reads changes', async () => {
  expect(await pendingChanges(db, [Note, NoteStats])).toEqual([])
})

it('makes the view again around a change of the type of a column it reads, up and down', async () => {
  const before = await db.query(stats)
  const { source } = await expectCleanCycle(db, [Note, NoteStats], [NoteWithDecimalScore, NoteStats], 'DecimalScore', 'SELECT id, score::text FROM note ORDER BY id')
  expect(source.match(/DROP MATERIALIZED VIEW "public"\."note_stats"/g)).toHaveLength(2)
  expect(await db.query(stats)).toEqual(before)
  expect(await db.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'note_stats'`)).toEqual([{ indexname: 'note_stats_state' }])
  expect(source.match(/COMMENT ON MATERIALIZED VIEW "public"\."note_stats" IS 'totals per state, for the dashboard'/g)).toHaveLength(2)
  expect(await db.query(`SELECT obj_description('note_stats'::regclass, 'pg_class') AS comment`)).toEqual([{ comment: 'totals per state, for the dashboard' }])
})
