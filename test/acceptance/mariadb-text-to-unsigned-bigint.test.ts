import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// hunt118 on Zeppelin: its entities declare Discord ids as strings where its migrations made them bigint unsigned.
// The migration that made them varchar(255) ran, and its down failed on an id past the signed range: MariaDB parses
// text into an integer column as a signed number ("Truncated incorrect INTEGER value: '18446744073709551615'"),
// although bigint unsigned holds it. Text made bigint unsigned now goes through decimal(20,0), which takes it whole.

@Entity('member')
class MemberAsText {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 255 }) userId: string
  @Column({ type: 'varchar', length: 20, nullable: true }) modId: string | null
}

@Entity('member')
class MemberAsNumber {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'bigint', unsigned: true }) userId: string
  @Column({ type: 'bigint', unsigned: true, nullable: true }) modId: string | null
}

describe('MariaDB: text made bigint unsigned, with values past the signed range', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('text_to_unsigned')
    await migrateTo(db, [MemberAsText], 'Init')
    await db.query("INSERT INTO member (userId, modId) VALUES ('18446744073709551615', '9223372036854775808'), ('5', NULL)")
  })
  afterAll(async () => db?.drop())

  it('keeps every value both ways', async () => {
    await generateMigration(projectFor(db, [MemberAsNumber]), 'Numbers', 1_800_000_000_000)
    await upgrade(projectFor(db, [MemberAsNumber]))
    expect(await db.query('SELECT CAST(userId AS CHAR) u, CAST(modId AS CHAR) m FROM member ORDER BY id')).toEqual([
      { u: '18446744073709551615', m: '9223372036854775808' }, { u: '5', m: null },
    ])
    expect(await pendingChanges(db, [MemberAsNumber])).toEqual([])
    await revertLast(db, [MemberAsNumber])
    expect(await pendingChanges(db, [MemberAsText])).toEqual([])
    expect(await db.query('SELECT userId u, modId m FROM member ORDER BY id')).toEqual([
      { u: '18446744073709551615', m: '9223372036854775808' }, { u: '5', m: null },
    ])
  })
})
