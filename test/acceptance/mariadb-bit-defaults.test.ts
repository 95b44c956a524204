import { Column, Entity, PrimaryColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase } from '../support/test-database'

// TypeORM's MySQL driver writes a number default between quotes (`default: 0` is DEFAULT '0'), which the server reads
// as the bits of the character '0' (48): bit(1) refuses it ("Invalid default value"). A boolean's default was taken,
// but read back as b'0' it differed from the entity's on every run. Both are written and compared as bits now.

@Entity('flags')
class Flags {
  @PrimaryColumn('int') id: number
  @Column({ type: 'bit', default: 0 }) zero: boolean
  @Column({ type: 'bit', default: 1 }) one: boolean
  @Column({ type: 'bit', default: false }) off: boolean
  @Column({ type: 'bit', default: true }) on: boolean
  @Column({ type: 'bit', default: () => "b'1'" }) literal: boolean
}

describe('MariaDB: bit defaults', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('bitdefaults')
  })
  afterAll(async () => db?.drop())

  it('are created as the entity says, and found unchanged', async () => {
    await migrateTo(db, [Flags], 'Init')
    expect(await pendingChanges(db, [Flags])).toEqual([])
    await db.query('INSERT INTO flags (id) VALUES (1)')
    expect(await db.query('SELECT zero + 0 AS zero, one + 0 AS one, off + 0 AS off, "on" + 0 AS "on", literal + 0 AS literal FROM flags'))
      .toEqual([{ zero: 0, one: 1, off: 0, on: 1, literal: 1 }])
  })
})
