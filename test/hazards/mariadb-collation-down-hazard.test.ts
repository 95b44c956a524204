import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { downHazardsNow } from '../../src/pipeline/down-hazards-at-downgrade'
import { shownBy } from '../../src/pipeline/shown-findings'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// A unique column made utf8mb4_bin: its down puts the case-insensitive collation back, which fails once rows
// differing only in case were written after up ('Baby' and 'baby'). down() stopped on its guard, but downgrade
// did not count those rows first, as it does for the other hazards of a down. Found on a tags table
// (TESOSOFTWARE/momlingo-backend's Tag.name).

@Entity('tag')
class TagCaseInsensitive {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 50, unique: true }) name: string
}

@Entity('tag')
class TagBinary {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 50, unique: true, collation: 'utf8mb4_bin' }) name: string
}

describe('MariaDB: the down of a collation change over a unique key', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('collation_down')
    await migrateTo(db, [TagCaseInsensitive], 'Init')
    await db.query("INSERT INTO tag (name) VALUES ('Baby')")
  })
  afterAll(async () => db?.drop())

  it('is a hazard of down, found at generate', async () => {
    const comparison = await compareProject(projectFor(db, [TagBinary]))
    expect((comparison.downHazards ?? []).map((h) => h.code)).toEqual(['COLLATION_CHANGE'])
  })

  it('downgrade counts the rows equal under the collation down puts back', async () => {
    await migrateTo(db, [TagBinary], 'Binary')
    await db.query("INSERT INTO tag (name) VALUES ('baby')")
    const applied = (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id DESC'))[0]!.name
    const now = await downHazardsNow(projectFor(db, [TagBinary]), [applied], shownBy({}))
    expect(now.migrations.flatMap((m) => m.hazards.map((h) => h.code))).toEqual(['COLLATION_CHANGE'])
    expect(now.migrations[0]!.hazards[0]!.measurement?.count).toBeGreaterThan(0)
  })
})
