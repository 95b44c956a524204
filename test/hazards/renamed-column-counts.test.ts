import { Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { RenamedFrom } from '../../src/source/renamed-from'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A column renamed and made unique or NOT NULL in one migration is counted under its old name, as the database
// has it, but the count named that old name beside the hazard's new one: `Adds unique index ... ("group"), which
// fails while values repeat (no duplicate values of ("memo"))` (found on OriginProtocol/origin-squid).

@Entity('wallet_label')
class LabelBefore {
  @PrimaryColumn('varchar') id: string
  @Column({ type: 'text', nullable: true }) memo: string | null
  @Column({ type: 'text' }) address: string
}

@Entity('wallet_label')
class LabelAfter {
  @PrimaryColumn('varchar') id: string
  @Index({ unique: true }) @RenamedFrom('memo') @Column({ type: 'text' }) note: string
  @RenamedFrom('address') @Index({ unique: true }) @Column({ type: 'text' }) owner: string
}

describe('postgres: the counts of a column renamed and made unique or NOT NULL in the same migration', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('renamed_counts')
    await migrateTo(db, [LabelBefore], 'Init')
    await db.query(`INSERT INTO wallet_label (id, memo, address) VALUES ('a', 'Treasury', '0x1'), ('b', NULL, '0x1'), ('c', 'Bot', '0x2')`)
  })
  afterAll(async () => db?.drop())

  it('name it as the hazard does, by its new name', async () => {
    const { hazards } = await compareProject(projectFor(db, [LabelAfter]))
    expect(hazards.filter((h) => h.code === 'ADD_UNIQUE' || h.code === 'SET_NOT_NULL').map((h) => h.measurement?.text)).toEqual([
      '1 row has NULL in "note"',
      'no duplicate values of ("note")',
      '1 duplicate value of ("owner")',
    ])
  })
})
