import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Bytes and JSON documents made numbers are parsed, as text is: MariaDB refuses 'vb' or '{"a":1}' in strict mode
// ("Truncated incorrect INTEGER value"). They were a TYPE_NARROWING whose count read them as 0 ('vb' + 0), found
// none out of range, and the guard let the ALTER fail after the statements before it had committed.

@Entity('sample')
class SampleBefore {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varbinary', length: 10, nullable: true }) code: Buffer | null
  @Column({ type: 'json', nullable: true }) score: unknown
}

@Entity('sample')
class SampleAfter {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) code: number | null
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true }) score: string | null
}

const schemaQuery = "SELECT COLUMN_NAME c, COLUMN_TYPE t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'sample' ORDER BY 1"

describe('MariaDB: bytes and JSON made numbers', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('binjsonnum')
    await migrateTo(db, [SampleBefore], 'Init')
    await db.query(`INSERT INTO sample (id, code, score) VALUES (1, '12', '5'), (2, 'vb', '{"a":1}'), (3, NULL, NULL)`)
  })
  afterAll(async () => db?.drop())

  it('counts the values that do not parse, and the migration stops before its first statement while rows hold them', async () => {
    const { hazards } = await compareProject(projectFor(db, [SampleAfter]))
    const of = (column: string) => hazards.filter((h) => h.message.includes(`"${column}"`) && h.severity === 'danger').map((h) => `${h.code}: ${h.measurement?.text}`)
    expect(of('code')).toEqual(['TYPE_CAST_MAY_FAIL: 1 value does not look like int'])
    expect(of('score')).toEqual(['TYPE_CAST_MAY_FAIL: 1 value does not look like decimal(10,2)'])
    await generateMigration(projectFor(db, [SampleAfter]), 'Numbers', 1_800_000_000_000)
    const before = await db.query(schemaQuery)
    await expect(upgrade(projectFor(db, [SampleAfter]))).rejects.toThrow(/hold values that do not convert to (int|decimal)/)
    expect(await db.query(schemaQuery)).toEqual(before)

    await db.query(`UPDATE sample SET code = '7', score = '2.5' WHERE id = 2`)
    expect(await upgrade(projectFor(db, [SampleAfter]))).toEqual(['Numbers1800000000000'])
    expect(await pendingChanges(db, [SampleAfter])).toEqual([])
    expect(await db.query('SELECT id, code, score FROM sample ORDER BY id')).toEqual([
      { id: 1, code: 12, score: '5.00' }, { id: 2, code: 7, score: '2.50' }, { id: 3, code: null, score: null },
    ])
  })
})
