import { Column, Entity, ManyToOne, PrimaryColumn, Unique } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase } from '../support/test-database'

// A NOT NULL column added without a default gives every row MySQL's implicit default (0, ''): a unique key on it
// fails on two rows, a foreign key on it fails unless the referenced table has that key. The ALTER failed after
// the statements before it had committed (here, the column added to "other"); both are now checked before the
// migration's first statement, as keys on the columns a table had are.

@Entity('other') class OtherBefore { @PrimaryColumn('int') id: number }
@Entity('other') class OtherAfter { @PrimaryColumn('int') id: number; @Column({ type: 'int', nullable: true }) extra: number | null }
@Entity('owner') class Owner { @PrimaryColumn('int') id: number }

@Entity('item') class ItemBefore {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 20 }) code: string
}
@Entity('item') class ItemTagged {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 20 }) code: string
  @Column({ type: 'varchar', length: 20, unique: true }) tag: string
}
@Entity('item') class ItemOwned {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 20 }) code: string
  @ManyToOne(() => Owner, { nullable: false }) owner: Owner
}
@Entity('item') @Unique('UQ_item_code_kind', ['code', 'kind']) class ItemKinded {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 20 }) code: string
  @Column({ type: 'varchar', length: 10, default: 'plain' }) kind: string
}

const schemaQuery = `SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE ty FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1, 2`
const keysQuery = `SELECT TABLE_NAME t, CONSTRAINT_NAME k FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1, 2`

describe('MariaDB: keys on columns the migration adds, which give every row one value', () => {
  let db: TestDatabase
  let clock = 1_800_000_000_000
  beforeEach(async () => {
    db = await createMariaDbDatabase('addedkeys')
    await migrateTo(db, [ItemBefore, OtherBefore, Owner], 'Init')
    await db.query(`INSERT INTO item (id, code) VALUES (1, 'a'), (2, 'a'), (3, 'b')`)
  })
  afterEach(async () => db?.drop())

  async function failsUntouched(entities: Function[], message: RegExp): Promise<void> {
    await generateMigration(projectFor(db, entities), 'Change', (clock += 1000))
    const before = [await db.query(schemaQuery), await db.query(keysQuery)]
    await expect(upgrade(projectFor(db, entities))).rejects.toThrow(message)
    expect([await db.query(schemaQuery), await db.query(keysQuery)]).toEqual(before)
  }

  it('a unique NOT NULL column without a default: warned with the rows, stopped before the first statement while two rows exist', async () => {
    const entities = [ItemTagged, OtherAfter, Owner]
    const { hazards } = await compareProject(projectFor(db, entities))
    const unique = hazards.find((h) => h.code === 'ADD_UNIQUE')
    expect(unique?.message).toMatch(/fails while the table holds two rows or more: each gets its type's implicit default \("tag"\)/)
    expect(unique?.measurement?.text).toBe('3 rows')
    await failsUntouched(entities, /"item" has two rows or more, each taking '' in "tag" \(added by this migration\), which unique "[^"]+" takes once/)

    await db.query('DELETE FROM item WHERE id > 1')
    expect(await upgrade(projectFor(db, entities))).toHaveLength(1)
    expect(await pendingChanges(db, entities)).toEqual([])
  })

  it('a required relation: warned, stopped before the first statement while no row of the referenced table has the implicit key', async () => {
    const entities = [ItemOwned, OtherAfter, Owner]
    const { hazards } = await compareProject(projectFor(db, entities))
    expect(hazards.find((h) => h.code === 'ADD_FOREIGN_KEY')?.message).toMatch(/every row of "item" takes "ownerId" = its type's implicit default/)
    await failsUntouched(entities, /rows of "item", each taking 0 in "ownerId" \(added by this migration\), point at no row of "owner"/)

    await db.query('INSERT INTO owner (id) VALUES (0)')
    expect(await upgrade(projectFor(db, entities))).toHaveLength(1)
    expect(await db.query('SELECT id, ownerId FROM item ORDER BY id')).toEqual([{ id: 1, ownerId: 0 }, { id: 2, ownerId: 0 }, { id: 3, ownerId: 0 }])
  })

  it('a unique over a column the table has and one added with a default: stopped while the old column repeats', async () => {
    const entities = [ItemKinded, OtherAfter, Owner]
    await failsUntouched(entities, /rows of "item" repeat values of \("code"\), each taking 'plain' in "kind" \(added by this migration\), which unique "UQ_item_code_kind" takes once/)

    await db.query(`UPDATE item SET code = 'c' WHERE id = 2`)
    expect(await upgrade(projectFor(db, entities))).toHaveLength(1)
    expect(await pendingChanges(db, entities)).toEqual([])
  })
})
