import { Column, Entity, PrimaryColumn } from 'typeorm'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'

// On SQLite an enum is a varchar whose check takes only its labels. A gender column of 0/1/2 made an enum
// ('unknown', 'male', 'female') was only TYPE_CHANGE_REWRITE (warning): the rebuild's copy then failed on the
// check ("CHECK constraint failed: gender") with nothing saying beforehand that rows hold other values.

@Entity('person')
class PersonWithNumber {
  @PrimaryColumn('int') id: number
  @Column({ type: 'integer', default: 0 }) gender: number
}

@Entity('person')
class PersonWithEnum {
  @PrimaryColumn('int') id: number
  @Column({ type: 'simple-enum', enum: ['unknown', 'male', 'female'], default: 'unknown' }) gender: string
}

describe('sqlite: a number column made an enum', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [PersonWithNumber], 'Init')
    await db.query('INSERT INTO person (id, gender) VALUES (1, 1), (2, 2), (3, 0)')
  })
  afterEach(async () => db?.drop())

  it('says the check takes only the labels, counting the values it rejects, and the migration fails on them', async () => {
    const { hazards } = await compareProject(projectFor(db, [PersonWithEnum]))
    expect(hazards.filter((h) => h.code === 'ENUM_VALUE_REMOVED').map((h) => [h.severity, h.message, h.measurement?.text])).toEqual([[
      'danger',
      expect.stringContaining('Restricts "person"."gender" to \'unknown\', \'male\' or \'female\', which fails while rows hold other values'),
      expect.stringMatching(/^3 values do not look like/),
    ]])
    await generateMigration(projectFor(db, [PersonWithEnum]), 'Labels', Date.now() + 60_000)
    await expect(upgrade(projectFor(db, [PersonWithEnum]))).rejects.toThrow(/CHECK constraint failed/)
    expect(await db.query('SELECT id, gender FROM person ORDER BY id')).toEqual([{ id: 1, gender: 1 }, { id: 2, gender: 2 }, { id: 3, gender: 0 }])
  })
})
