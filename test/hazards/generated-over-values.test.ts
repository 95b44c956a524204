import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migratedDatabase, projectFor } from '../support/migration-cycle'
import { allDialects } from '../support/test-database'

// A column that becomes generated loses the values it holds to its expression's, and down keeps the computed
// ones: the only hazard was TABLE_REBUILD (found by random round trips).

@Entity('gauge')
class Plain {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) a: number | null
  @Column({ type: 'int', nullable: true }) g: number | null
}

@Entity('gauge')
class Generated {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) a: number | null
  @Column({ type: 'int', nullable: true, generatedType: 'STORED', asExpression: 'a + 1' }) g: number | null
}

describe.each(allDialects('genover'))('%s: a column made generated', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [Plain], 'INSERT INTO gauge (id, a, g) VALUES (1, 1, 42), (2, 2, NULL)')

  it('is DROP_COLUMN, counting the values it loses', async () => {
    const comparison = await compareProject(projectFor(database(), [Generated]))
    const drops = comparison.hazards.filter((h) => h.code === 'DROP_COLUMN')
    expect(drops).toEqual([expect.objectContaining({ severity: 'danger' })])
    expect(drops[0]!.message).toMatch(/^Deletes every value in (?:"public"\.)?"gauge"\."g", which becomes generated: the expression computes its values from now on, and down keeps those, not these \(1 non-null value\); copy the values elsewhere first/)
  })
})
