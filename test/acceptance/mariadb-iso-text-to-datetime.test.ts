import { readFileSync } from 'node:fs'
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// hunt53 on Sphereon's SSI-SDK, whose config entities keep `new Date().toISOString()` in a varchar: made a
// datetime, the check before the ALTER let '2024-01-02T03:04:05.678Z' through (CAST reads the moment before the
// 'Z' with a warning) and the hazard said every value converts, where ALTER in strict mode refuses the value.
// A zone ('Z', '+02:00') or other text after the moment is now caught; the formats the server takes are not.

@Entity('config')
class ConfigBefore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) createdAt: string
}

@Entity('config')
class ConfigAfter {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'datetime', precision: 6 }) createdAt: Date
}

describe('MariaDB: text holding ISO-8601 moments with a zone, made a datetime', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('iso_text_datetime')
    await migrateTo(db, [ConfigBefore], 'Init')
    await db.query(`INSERT INTO config (createdAt) VALUES ('2024-01-02T03:04:05.678Z'), ('2024-01-02 03:04:05+02:00'),
      ('2024/01/02 03.04.05'), ('20240102030405'), ('2024-01-02T03:04:05.1234567'), ('2024-01-02'), (' 2024-01-02 03:04 ')`)
  })
  afterAll(async () => db?.drop())

  it('counts them, fails before the ALTER naming the column, and runs once they are plain moments', async () => {
    const result = await generateMigration(projectFor(db, [ConfigAfter]), 'CreatedAtDatetime', 1_800_000_000_000)
    expect(readFileSync(result.file!, 'utf8')).toContain('(2 values do not look like datetime(6))')

    const failure = await upgrade(projectFor(db, [ConfigAfter])).then(() => undefined, (error: Error) => error.message)
    expect(failure).toContain('rows of "config"."createdAt" hold values that do not convert to datetime(6)')

    await db.query("UPDATE config SET createdAt = REPLACE(REPLACE(createdAt, 'Z', ''), '+02:00', '')")
    expect(await upgrade(projectFor(db, [ConfigAfter]))).toEqual(['CreatedAtDatetime1800000000000'])
    expect(await pendingChanges(db, [ConfigAfter])).toEqual([])
    expect((await db.query('SELECT createdAt FROM config ORDER BY id')).map((r) => String(r.createdAt))).toEqual([
      '2024-01-02 03:04:05.678000', '2024-01-02 03:04:05.000000', '2024-01-02 03:04:05.000000', '2024-01-02 03:04:05.000000',
      '2024-01-02 03:04:05.123456', '2024-01-02 00:00:00.000000', '2024-01-02 03:04:00.000000',
    ])
  })
})
