import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { mariadbSchemaDump } from '../support/mariadb-schema-dump'
import { type EntityList, expectCleanCycle, migratedDatabase, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// A generated column switched between VIRTUAL and STORED: MariaDB refuses MODIFY COLUMN there ("This is not yet
// supported for generated columns"), and MySQL too. The column is dropped and added again in its place, with the
// indexes and checks that name it, its values computed again; down gives back the same table.

/** readingEntity is the table `reading` with `g` generated as `generatedType`, indexed or named by a check. */
function readingEntity(generatedType: 'VIRTUAL' | 'STORED', dependents: 'indexes' | 'check'): EntityList[number] {
  @Entity('reading')
  class Reading {
    @PrimaryColumn('int') id: number
    @Column({ type: 'int', nullable: true }) a: number | null
    @Column({ type: 'int', nullable: true, generatedType, asExpression: 'a + 1' }) g: number | null
    @Column({ type: 'int', nullable: true }) z: number | null
  }
  if (dependents === 'indexes') {
    Index('IDX_reading_g', ['g'])(Reading)
    Index('IDX_reading_a_g', ['a', 'g'])(Reading)
  } else {
    Check('CHK_reading_g', 'g > 0 OR g IS NULL')(Reading)
  }
  return Reading
}

const [VirtualIndexed, StoredIndexed] = [readingEntity('VIRTUAL', 'indexes'), readingEntity('STORED', 'indexes')]
const [StoredChecked, VirtualChecked] = [readingEntity('STORED', 'check'), readingEntity('VIRTUAL', 'check')]

const rows = 'SELECT id, a, g, z FROM reading ORDER BY id'
const seed = 'INSERT INTO reading (id, a, z) VALUES (1, 1, 10), (2, 5, NULL), (3, NULL, 30)'
const computed = [{ id: 1, a: 1, g: 2, z: 10 }, { id: 2, a: 5, g: 6, z: null }, { id: 3, a: null, g: null, z: 30 }]

/** switchesBack runs the switch from `before` to `after` and back, and compares the table and its rows with what they were. */
async function switchesBack(db: TestDatabase, before: EntityList, after: EntityList, name: string): Promise<void> {
  const schemaBefore = await mariadbSchemaDump(db)
  const { hazards } = await compareProject(projectFor(db, after))
  // The values are computed again, not lost: the copy of the table is the one warning.
  expect(hazards.map((h) => h.code)).toEqual(['TABLE_REBUILD'])
  const { rowsAfter, source } = await expectCleanCycle(db, before, after, name, rows)
  expect(source).not.toContain('MODIFY COLUMN')
  expect(rowsAfter).toEqual(computed)
  expect(await mariadbSchemaDump(db)).toEqual(schemaBefore)
}

describe('mariadb: a generated column switched from VIRTUAL to STORED', () => {
  const database = migratedDatabase(() => createMariaDbDatabase('vstored'), [VirtualIndexed], seed)

  it('drops and adds it again in its place, with its indexes, and back', async () => {
    await switchesBack(database(), [VirtualIndexed], [StoredIndexed], 'StoreG')
  })
})

describe('mariadb: a generated column switched from STORED to VIRTUAL', () => {
  const database = migratedDatabase(() => createMariaDbDatabase('storedv'), [StoredChecked], seed)

  it('drops and adds it again in its place, with the check naming it, and back', async () => {
    await switchesBack(database(), [StoredChecked], [VirtualChecked], 'VirtualG')
  })
})
