import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// One entity default PostgreSQL refuses for its column's type ('abc' for an integer) made the one SELECT that
// compares the defaults spelled differently fail, so no default was matched: every other column showed a
// change of default it did not have. Only the refused default's column stays unmatched, and a warning names it.

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('refused_default')
})
afterAll(async () => db?.drop())

@Entity('stamp')
class Stamp {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'stamp_pkey' }) id: number
  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0.5 }) price: string
  @Column({ type: 'timestamptz', default: () => "'2024-01-01 00:00:00'::timestamp" }) starts: Date
  @Column({ type: 'int', default: 'abc' }) count: number
}

@Entity('stamp')
class StampAccepted {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'stamp_pkey' }) id: number
  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0.5 }) price: string
  @Column({ type: 'timestamptz', default: () => "'2024-01-01 00:00:00'::timestamp" }) starts: Date
  @Column({ type: 'int', default: 0 }) count: number
}

it('matches the other columns\' defaults, and names the column whose default the database refuses', async () => {
  await db.query(`CREATE TABLE stamp (id serial CONSTRAINT stamp_pkey PRIMARY KEY, price numeric(5,2) NOT NULL DEFAULT 0.50, starts timestamptz NOT NULL DEFAULT '2024-01-01 00:00:00', count int NOT NULL DEFAULT 0)`)
  const comparison = await compareProject(projectFor(db, [Stamp]))
  expect(comparison.up.map((op) => (op.kind === 'alter_column' ? `${op.kind} ${op.to.name} ${op.changes.join(',')}` : op.kind))).toEqual(['alter_column count default'])
  expect(comparison.warnings.map((w) => `${w.code}: ${w.message}`)).toContainEqual(expect.stringMatching(
    /^NOT_DIFFED: PostgreSQL refuses the default of "stamp"\."count", 'abc', as integer \(invalid input syntax for type integer: "abc"\)/))
  expect((await compareProject(projectFor(db, [StampAccepted]))).up).toEqual([])
})
