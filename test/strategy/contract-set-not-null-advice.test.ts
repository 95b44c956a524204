import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A nullable text column made a boolean NOT NULL with expand and contract (connext/indra's withdraw.finalized,
// declared text): contract copies the old column into `finalized__new` in every row, then makes it NOT NULL.
// Its SET_NOT_NULL counted the rows NULL in the old column, but told to fill `finalized__new`, which the copy
// then overwrites with the old column's NULL: the old column is the one to fill.

@Entity('payout')
class PayoutV1 {
  @PrimaryColumn('varchar') id: string
  @Column({ type: 'text', nullable: true }) finalized: string | null
}

@Entity('payout')
class PayoutV2 {
  @PrimaryColumn('varchar') id: string
  @Column({ type: 'boolean', default: false }) finalized: boolean
}

describe('postgres: the contract of a retyped column made NOT NULL', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('contract_not_null')
    await migrateTo(db, [PayoutV1], 'Init')
    await db.query(`INSERT INTO payout (id, finalized) VALUES ('a', 'true'), ('b', NULL)`)
  })
  afterAll(async () => db?.drop())

  it('tells to fill the column the copy reads, where it counts the NULLs', async () => {
    const expand = await generateMigration(projectFor(db, [PayoutV2]), 'Finalized', 1_820_000_000_000, { strategy: 'expand-contract' })
    expect(expand.plan.phase?.step).toBe('expand')
    await upgrade(projectFor(db, [PayoutV2]))
    const due = await compareProject(projectFor(db, [PayoutV2]))
    const notNull = due.contract?.plan.hazards?.find((h) => h.code === 'SET_NOT_NULL')
    expect(notNull?.measurement?.text).toBe('1 row has NULL in "finalized"')
    expect(notNull?.message).toMatch(/; fill those rows first \(UPDATE \.\.\. SET "finalized" = \.\.\. WHERE "finalized" IS NULL\)\.$/)
  })
})
