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

// A generated column dropped loses no value: its expression computes them from the columns it reads, which stay,
// and down adds it back with them. Gitpod's d_b_workspace_instance.phase, a column no entity declares, was
// DROP_COLUMN (danger) on adopting its database.
@Entity('gauge')
class WithoutGenerated {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) a: number | null
}

describe.each(allDialects('gendrop'))('%s: a generated column dropped', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [Generated], 'INSERT INTO gauge (id, a) VALUES (1, 1), (2, NULL)')

  it('is no DROP_COLUMN', async () => {
    const comparison = await compareProject(projectFor(database(), [WithoutGenerated]))
    expect(comparison.up.map((op) => op.kind)).toContain('drop_column')
    expect(comparison.hazards.filter((h) => h.code === 'DROP_COLUMN')).toEqual([])
  })

  it('is still DROP_COLUMN for the column it reads, dropped with it', async () => {
    const comparison = await compareProject(projectFor(database(), [OnlyId]))
    expect(comparison.hazards.filter((h) => h.code === 'DROP_COLUMN').map((h) => h.message)).toEqual([expect.stringMatching(/"gauge"\."a" \(1 non-null value\)/)])
  })
})

@Entity('gauge')
class OnlyId {
  @PrimaryColumn('int') id: number
}
