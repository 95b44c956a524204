import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migratedDatabase, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// PostgreSQL casts a boolean to and from integer only. A boolean flag made smallint (laudspeaker's
// `isDeleted` became a level 0..n) went through its text, `'true'::smallint`, and the migration failed on
// every row that was not NULL; smallint and bigint made boolean failed on any value but 0 and 1. A boolean goes
// through integer now, and a number becomes a boolean by a test against 0.

@Entity('flag')
class Flags {
  @PrimaryColumn('int') id: number
  @Column({ type: 'boolean', nullable: true }) deleted: boolean | null
  @Column({ type: 'boolean', nullable: true }) pinned: boolean | null
  @Column({ type: 'boolean', nullable: true }) ratio: boolean | null
  @Column({ type: 'boolean', array: true, nullable: true }) seen: boolean[] | null
  @Column({ type: 'smallint', nullable: true }) level: number | null
  @Column({ type: 'bigint', nullable: true }) count: string | null
}

@Entity('flag')
class Levels {
  @PrimaryColumn('int') id: number
  @Column({ type: 'smallint', nullable: true }) deleted: number | null
  @Column({ type: 'bigint', nullable: true }) pinned: string | null
  @Column({ type: 'double precision', nullable: true }) ratio: number | null
  @Column({ type: 'smallint', array: true, nullable: true }) seen: number[] | null
  @Column({ type: 'boolean', nullable: true }) level: boolean | null
  @Column({ type: 'boolean', nullable: true }) count: boolean | null
}

describe('postgres: booleans made numbers and numbers made booleans', () => {
  const database = migratedDatabase(() => createPostgresDatabase('boolnum'), [Flags], `INSERT INTO flag VALUES
    (1, true, false, true, '{t,f}', 1, 0),
    (2, false, true, NULL, '{}', 0, 1),
    (3, NULL, NULL, false, NULL, NULL, NULL)`)

  it('converts through integer, up and down, with the rows kept', async () => {
    const { source, rowsAfter } = await expectCleanCycle(database(), [Flags], [Levels], 'Levels',
      'SELECT id, deleted, pinned, ratio, seen, level, count FROM flag ORDER BY id')
    expect(source).toContain('USING "deleted"::integer::smallint')
    expect(source).toContain('USING ("level" <> 0)')
    expect(source).toContain('USING "seen"::integer[]::smallint[]')
    expect(rowsAfter).toEqual([
      { id: 1, deleted: 1, pinned: '0', ratio: 1, seen: [1, 0], level: true, count: false },
      { id: 2, deleted: 0, pinned: '1', ratio: null, seen: [], level: false, count: true },
      { id: 3, deleted: null, pinned: null, ratio: 0, seen: null, level: null, count: null },
    ])
  })

  it('warns of a rewrite for a boolean made a number, and of the values other than 0 and 1 made boolean', async () => {
    await database().query(`UPDATE flag SET level = 7 WHERE id = 1`)
    const { hazards } = await compareProject(projectFor(database(), [Levels]))
    const codeOf = (column: string) => hazards.filter((h) => h.message.includes(`"flag"."${column}"`)).map((h) => h.code)
    for (const column of ['deleted', 'pinned', 'ratio', 'seen']) expect(codeOf(column)).toEqual(['TYPE_CHANGE_REWRITE'])
    expect(codeOf('count')).toEqual(['TYPE_NARROWING'])
    const level = hazards.find((h) => h.message.includes('"flag"."level"'))
    expect(level?.message).toMatch(/^Changes "public"\."flag"\."level" from smallint to boolean, which may truncate, round or reject the values that do not fit \(1 value lies outside 0\.\.1\)/)
  })
})
