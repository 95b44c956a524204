import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migratedDatabase, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// iasql's general_purpose_volume swapped its volume type 'gp2' for 'io2', and its iops check with it. The
// check's probe names 'io2', which the enum does not hold yet, so PostgreSQL refused the one query that asked
// every probe: no hazard had a count, the removed label's rows (the danger) among them.

@Entity('volume')
@Check('check_iops', `"iops" IS NULL OR ("volume_type" = 'gp3' AND "iops" >= 3000) OR ("volume_type" = 'gp2' AND "iops" > 0)`)
class Volume {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['gp2', 'gp3'], enumName: 'volume_type_enum' }) volume_type: string
  @Column({ type: 'int', nullable: true }) iops: number | null
}

@Entity('volume')
@Check('check_iops', `"iops" IS NULL OR ("volume_type" = 'gp3' AND "iops" >= 3000) OR ("volume_type" = 'io2' AND "iops" > 0)`)
class VolumeIo2 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['gp3', 'io2'], enumName: 'volume_type_enum' }) volume_type: string
  @Column({ type: 'int', nullable: true }) iops: number | null
}

describe('postgres: one probe the database refuses', () => {
  const database = migratedDatabase(() => createPostgresDatabase('proberefused'), [Volume],
    `INSERT INTO volume (volume_type, iops) VALUES ('gp2', 100), ('gp2', NULL), ('gp3', 3000)`)

  it('leaves only its own hazards uncounted', async () => {
    const { hazards, warnings } = await compareProject(projectFor(database(), [VolumeIo2]))
    expect(hazards.map((h) => [h.code, h.measurement?.text])).toEqual([
      ['ENUM_VALUE_REMOVED', "2 rows hold 'gp2'"],
      ['ADD_CHECK', undefined],
      ['CONSTRAINT_WITHOUT_NOT_VALID', '3 rows'],
    ])
    expect(warnings.filter((w) => w.code === 'NOT_COUNTED').map((w) => w.message)).toEqual([
      expect.stringMatching(/^the data behind ADD_CHECK could not be counted \(invalid input value for enum volume_type_enum: "io2"\); they are listed without counts$/),
    ])
  })
})
