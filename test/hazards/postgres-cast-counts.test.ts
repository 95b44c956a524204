import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { expectCleanCycle, migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// Values that go through their text into a type that may not read it are counted as the cast would take them:
// digits beyond an integer type's range, bit strings of another length than a bit(n)'s (an explicit cast would pad
// or cut them silently: the value goes through varbit), and a time or an interval made a number (no cast: not a
// narrowing). Found by retyping every pair of 28 types, each holding a row.

@Entity('reading')
class ReadingBefore {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'varchar', length: 20, nullable: true }) small: string | null
  @Column({ type: 'text', nullable: true }) whole: string | null
  @Column({ type: 'text', nullable: true }) mask: string | null
  @Column({ type: 'varbit', nullable: true }) flags: string | null
  @Column({ type: 'interval', nullable: true }) span: string | null
}

@Entity('reading')
class ReadingAfter {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'smallint', nullable: true }) small: number | null
  @Column({ type: 'integer', nullable: true }) whole: number | null
  @Column({ type: 'bit', length: 8, nullable: true }) mask: string | null
  @Column({ type: 'bit', length: 8, nullable: true }) flags: string | null
  @Column({ type: 'numeric', nullable: true }) span: string | null
}

const countOf = async (db: TestDatabase, column: string) => {
  const { hazards } = await compareProject(projectFor(db, [ReadingAfter]))
  const found = hazards.filter((h) => h.message.includes(`"${column}"`) && h.severity === 'danger')
  return found.map((h) => `${h.code}: ${h.measurement?.text ?? '(not counted)'}`)
}

describe('postgres: values taken through their text into another type are counted as the cast takes them', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('castcounts')
    await migrateTo(db, [ReadingBefore], 'Init')
  })
  afterEach(async () => {
    await db.drop()
  })

  it('counts what would fail, and the migration refuses it rather than pad, cut or wrap a value', async () => {
    await db.query(`INSERT INTO reading (id, small, whole, mask, flags, span) VALUES
      (1, '12', '70000', '10101010', B'10101010', '1 day'),
      (2, '70000', ' +99999999999 ', '111111111', B'101', NULL),
      (3, '-32768', '2147483647', '101', NULL, NULL),
      (4, NULL, 'x', 'x1f', NULL, NULL)`)
    expect(await countOf(db, 'small')).toEqual(['TYPE_CAST_MAY_FAIL: 1 value does not look like smallint'])
    expect(await countOf(db, 'whole')).toEqual(['TYPE_CAST_MAY_FAIL: 2 values do not look like integer'])
    expect(await countOf(db, 'mask')).toEqual(['TYPE_CAST_MAY_FAIL: 2 values do not look like bit(8)'])
    expect(await countOf(db, 'flags')).toEqual(['TYPE_CAST_MAY_FAIL: 1 value does not look like bit(8)'])
    expect(await countOf(db, 'span')).toEqual(['TYPE_CAST_MAY_FAIL: 1 value does not look like numeric'])

    await generateMigration(projectFor(db, [ReadingAfter]), 'Retype', 1_800_000_000_000)
    await expect(upgrade(projectFor(db, [ReadingAfter]))).rejects.toThrow(/out of range|does not match|not a valid|invalid input/)
    for (const [id, fixes] of [[2, `small = '7', whole = '9', mask = '11111111', flags = B'10100000'`], [3, `mask = '10100000'`], [4, `whole = NULL`]] as const) {
      await db.query(`UPDATE reading SET ${fixes} WHERE id = ${id}`)
    }
    await db.query(`UPDATE reading SET span = NULL`)
    for (const column of ['small', 'whole', 'mask', 'flags', 'span']) expect((await countOf(db, column))[0]).toMatch(/^TYPE_CAST_MAY_FAIL: every value looks like/)
    expect(await upgrade(projectFor(db, [ReadingAfter]))).toEqual(['Retype1800000000000'])
    expect(await db.query(`SELECT id, small, whole, mask::text AS mask, flags::text AS flags FROM reading ORDER BY id`)).toEqual([
      { id: 1, small: 12, whole: 70000, mask: '10101010', flags: '10101010' },
      { id: 2, small: 7, whole: 9, mask: '11111111', flags: '10100000' },
      { id: 3, small: -32768, whole: 2147483647, mask: '10100000', flags: null },
      { id: 4, small: null, whole: null, mask: '00011111', flags: null },
    ])
  })

  it('converts bit strings of the right length and numbers in range, in up and in down', async () => {
    await db.query(`INSERT INTO reading (id, small, whole, mask, flags) VALUES (1, '-32768', '2147483647', '10101010', B'11110000'), (2, NULL, NULL, NULL, NULL)`)
    const { source } = await expectCleanCycle(db, [ReadingBefore], [ReadingAfter], 'Retype', 'SELECT id, small, whole, mask, flags::text AS flags FROM reading ORDER BY id')
    expect(source).toContain('ALTER COLUMN "mask" TYPE bit(8) USING "mask"::varbit')
  })
})

@Entity('listing')
class ListingBefore {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'text', nullable: true }) sizes: string | null
  @Column({ type: 'varchar', nullable: true }) flags: string | null
}

@Entity('listing')
class ListingAfter {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'integer', array: true, nullable: true }) sizes: number[] | null
  @Column({ type: 'boolean', array: true, nullable: true }) flags: boolean[] | null
}

describe('postgres: text made an array, written as an array literal', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('castcounts')
    await migrateTo(db, [ListingBefore], 'Init')
  })
  afterEach(async () => {
    await db.drop()
  })

  it('counts the literals holding an element the array type does not take, and the lone values it does not', async () => {
    await db.query(`INSERT INTO listing (id, sizes, flags) VALUES
      (1, '{1, 2,NULL}', '{t,f}'), (2, '{3,x}', '{3,4}'), (3, '5', 'yes'), (4, 'x', '{"t"}'), (5, '{}', NULL), (6, '{{1}}', 'maybe')`)
    const { hazards } = await compareProject(projectFor(db, [ListingAfter]))
    const counted = (column: string) => hazards.filter((h) => h.message.includes(`"${column}"`)).map((h) => `${h.code}: ${h.measurement?.text}`)
    // '{{1}}' and the quoted '{"t"}' are not split: counted as may not convert.
    expect(counted('sizes')).toEqual(['TYPE_CAST_MAY_FAIL: 3 values do not look like integer[]'])
    expect(counted('flags')).toEqual(['TYPE_CAST_MAY_FAIL: 3 values do not look like boolean[]'])
    await db.query(`UPDATE listing SET sizes = NULL, flags = NULL WHERE id IN (2, 4, 6)`)
    // In the text forms PostgreSQL writes back, so that down gives the same text.
    await db.query(`UPDATE listing SET sizes = '{1,2,NULL}' WHERE id = 1; UPDATE listing SET flags = 'true' WHERE id = 3`)
    const { source } = await expectCleanCycle(db, [ListingBefore], [ListingAfter], 'Lists', 'SELECT * FROM listing ORDER BY id')
    expect(source).toContain('TYPE_CAST_MAY_FAIL (danger)')
  })
})
