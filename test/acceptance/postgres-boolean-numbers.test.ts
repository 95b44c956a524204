import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { upgrade } from '../../src/runner/migration-runner'
import { expectCleanCycle, migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// PostgreSQL casts a boolean to integer and an integer to boolean, but no boolean to smallint, bigint, numeric or a
// float, and no smallint to boolean. Through their text every value failed ('true'::smallint), so a flag made a
// smallint failed at upgrade on any table with rows. They now convert through integer: true is 1, false 0.

@Entity('flag')
class Flags {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'boolean', nullable: true }) small: boolean | null
  @Column({ type: 'boolean', nullable: true }) big: boolean | null
  @Column({ type: 'boolean', nullable: true }) decimal: boolean | null
  @Column({ type: 'boolean', nullable: true }) float: boolean | null
  @Column({ type: 'boolean', array: true, nullable: true }) many: boolean[] | null
}

@Entity('flag')
class Numbers {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'smallint', nullable: true }) small: number | null
  @Column({ type: 'bigint', nullable: true }) big: string | null
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true }) decimal: string | null
  @Column({ type: 'double precision', nullable: true }) float: number | null
  @Column({ type: 'smallint', array: true, nullable: true }) many: number[] | null
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('boolnum')
  await migrateTo(db, [Flags], 'Init')
  await db.query(`INSERT INTO flag VALUES (1, true, true, true, true, '{t,f}'), (2, false, false, false, false, '{}'), (3, NULL, NULL, NULL, NULL, NULL)`)
})
afterAll(async () => db?.drop())

it('makes booleans numbers through integer, without a hazard of failing, and gives them back in down', async () => {
  const { hazards } = await compareProject(projectFor(db, [Numbers]))
  expect(hazards.map((h) => h.code)).toEqual(Array(5).fill('TYPE_CHANGE_REWRITE'))
  const { source, rowsAfter } = await expectCleanCycle(db, [Flags], [Numbers], 'Count', 'SELECT * FROM flag ORDER BY id')
  expect(source).toContain('USING "small"::integer::smallint')
  expect(source).toContain('USING "many"::integer[]::smallint[]')
  expect(source).toContain('USING ("small" <> 0)')
  expect(source).toContain('USING ("decimal" <> 0)')
  expect(source).toContain('USING "many"::integer[]::boolean[]')
  expect(rowsAfter).toEqual([
    { id: 1, small: 1, big: '1', decimal: '1.00', float: 1, many: [1, 0] },
    { id: 2, small: 0, big: '0', decimal: '0.00', float: 0, many: [] },
    { id: 3, small: null, big: null, decimal: null, float: null, many: null },
  ])
})

it('makes a smallint a boolean as an integer becomes one, warning that values other than 0 and 1 become true', async () => {
  await upgrade(projectFor(db, [Numbers]))
  await db.query(`UPDATE flag SET small = 5 WHERE id = 1`)
  const { hazards } = await compareProject(projectFor(db, [Flags]))
  const small = hazards.find((h) => h.message.includes('"small"'))
  expect(small?.code).toEqual('TYPE_NARROWING')
  await migrateTo(db, [Flags], 'ToFlags')
  expect(await db.query('SELECT id, small FROM flag ORDER BY id')).toEqual([{ id: 1, small: true }, { id: 2, small: false }, { id: 3, small: null }])
})
