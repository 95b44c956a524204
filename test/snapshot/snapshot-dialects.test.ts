import { readFileSync } from 'node:fs'
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { projectFor } from '../support/migration-cycle'
import { allDialects, createPostgresDatabase } from '../support/test-database'
import { upgrade } from '../../src/runner/migration-runner'

// On PostgreSQL the snapshot was always empty: its tables were matched against the normalized entities, whose
// tables carry the default schema the entities leave out (found by a workflow test). So a new transformer,
// which the database cannot see, gave no note there.

@Entity('task')
class Task {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 30, nullable: true }) title: string | null
}

@Entity('task')
class TaskTransformed {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 30, nullable: true, transformer: { to: (v: unknown) => v, from: (v: unknown) => v } }) title: string | null
}

describe.each(allDialects('snapdialect'))('%s: the entities snapshot', (_label, createDatabase) => {
  it('holds the tables of the entities, and notes a change the database cannot see', async () => {
    const db = await createDatabase()
    try {
      const written = await generateMigration(projectFor(db, [Task]), 'Init', 1_700_000_000_000)
      expect(JSON.parse(readFileSync(written.snapshot!, 'utf8')).tables.map((t: { name: string }) => t.name)).toEqual(['task'])
      await upgrade(projectFor(db, [Task]))
      const comparison = await compareProject(projectFor(db, [TaskTransformed]))
      expect(comparison.up).toEqual([])
      expect(comparison.hazards.map((h) => h.code)).toEqual(['NO_SCHEMA_EFFECT'])
    } finally {
      await db.drop()
    }
  })
})

// PostgreSQL keeps 63 bytes of a name: the snapshot's facts, named as the entities name them, missed the
// operations on the table and column as PostgreSQL keeps them, so a column's type changed by the migration
// was also noted as a change no migration makes.
const longTable = 'événements_électroniques_générés_à_la_volée_pour_les_données'
const longColumn = 'numéro_d_identification_unique_délivré_par_l_état_étranger_é'

@Entity(longTable)
class LongNamed {
  @PrimaryGeneratedColumn() id: number
  @Column({ name: longColumn, type: 'varchar', length: 30, nullable: true }) number: string | null
}

@Entity(longTable)
class LongNamedText {
  @PrimaryGeneratedColumn() id: number
  @Column({ name: longColumn, type: 'text', nullable: true }) number: string | null
}

describe('postgres: names longer than 63 bytes', () => {
  it('match the database, and a type change of such a column is no change the migration leaves out', async () => {
    const db = await createPostgresDatabase('snaplong')
    try {
      await generateMigration(projectFor(db, [LongNamed]), 'Init', 1_700_000_000_000)
      await upgrade(projectFor(db, [LongNamed]))
      expect((await compareProject(projectFor(db, [LongNamed]))).up).toEqual([])
      const comparison = await compareProject(projectFor(db, [LongNamedText]))
      expect(comparison.up.map((op) => op.kind)).toEqual(['alter_column'])
      expect(comparison.hazards.map((h) => h.code)).toEqual(['TYPE_CHANGE_SAFE'])
    } finally {
      await db.drop()
    }
  })
})
