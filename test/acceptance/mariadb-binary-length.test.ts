import { Column, Entity, PrimaryColumn } from 'typeorm'
import { expectCleanCycle, migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'

// A binary value is padded with zero bytes to its column's length, and strict mode refuses to cut even the
// padding: the down of a longer binary(n) failed on every row ("Data truncated"). It goes through a varbinary.

@Entity('token')
class Token {
  @PrimaryColumn('int') id: number
  @Column({ type: 'binary', length: 4, nullable: true }) code: Buffer | null
  @Column({ type: 'binary', length: 4 }) tag: Buffer
}

@Entity('token')
class LongerToken {
  @PrimaryColumn('int') id: number
  @Column({ type: 'binary', length: 8, nullable: true }) code: Buffer | null
  @Column({ type: 'varbinary', length: 8 }) tag: Buffer
}

@Entity('token')
class ShortToken {
  @PrimaryColumn('int') id: number
  @Column({ type: 'binary', length: 2, nullable: true }) code: Buffer | null
  @Column({ type: 'binary', length: 4 }) tag: Buffer
}

const rows = 'SELECT id, HEX(code) AS code, HEX(tag) AS tag FROM token ORDER BY id'

describe('mariadb: a binary column made longer', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('binlength')
    await migrateTo(db, [Token], 'Init')
    await db.query(`INSERT INTO token (id, code, tag) VALUES (1, x'01020304', x'0A0B0C0D'), (2, x'01000000', x'00000000'), (3, NULL, x'FF')`)
  })
  afterEach(async () => db?.drop())

  it('is padded in up, and down takes the padding off and gives back every value', async () => {
    const { rowsAfter } = await expectCleanCycle(db, [Token], [LongerToken], 'Longer', rows)
    expect(rowsAfter).toEqual([
      { id: 1, code: '0102030400000000', tag: '0A0B0C0D' },
      { id: 2, code: '0100000000000000', tag: '00000000' },
      { id: 3, code: null, tag: 'FF000000' },
    ])
  })

  it('made shorter than a value without its padding, fails before changing anything', async () => {
    const before = await db.query(rows)
    const { hazards } = await compareProject(projectFor(db, [ShortToken]))
    // The padding does not count: only the first value needs more than 2 bytes.
    expect(hazards.filter((h) => h.code === 'TYPE_NARROWING').map((h) => h.measurement?.text)).toEqual(['1 row is longer than 2 characters'])
    await generateMigration(projectFor(db, [ShortToken]), 'Shorter', Date.now() + 60_000)
    await expect(upgrade(projectFor(db, [ShortToken]))).rejects.toThrow(/rows of "token"\."code" hold more than 2 bytes besides their zero padding/)
    expect(await db.query(rows)).toEqual(before)
    expect(await db.query(`SELECT COLUMN_TYPE AS type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'token' AND COLUMN_NAME = 'code'`)).toEqual([{ type: 'binary(4)' }])
  })
})
