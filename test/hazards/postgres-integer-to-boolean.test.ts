import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migratedDatabase, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// PostgreSQL casts an integer to boolean without failing: 7 becomes true, which down gives back as 1. The
// hazard said the change "fails if a value does not convert" (found by random round trips).

@Entity('flag')
class Counted {
  @PrimaryColumn('int') id: number
  @Column({ type: 'integer', nullable: true }) on: number | null
}

@Entity('flag')
class Flagged {
  @PrimaryColumn('int') id: number
  @Column({ type: 'boolean', nullable: true }) on: boolean | null
}

describe('postgres: an integer column made boolean', () => {
  const database = migratedDatabase(() => createPostgresDatabase('intbool'), [Counted], 'INSERT INTO flag (id, "on") VALUES (1, 0), (2, 1), (3, 7), (4, -2), (5, NULL)')

  it('is TYPE_NARROWING, counting the values other than 0 and 1', async () => {
    const comparison = await compareProject(projectFor(database(), [Flagged]))
    const [narrowing, ...others] = comparison.hazards.filter((h) => h.code.startsWith('TYPE_'))
    expect(others).toEqual([])
    expect(narrowing).toMatchObject({ code: 'TYPE_NARROWING', severity: 'danger' })
    expect(narrowing!.message).toMatch(/^Changes "public"\."flag"\."on" from integer to boolean, which may truncate, round or reject the values that do not fit \(2 values lie outside 0\.\.1\)/)
  })
})
