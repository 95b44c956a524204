import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// A serial key made an identity one gets a sequence of its own, which started after the largest key: the keys of
// the rows deleted at the end were given again (keys 1 to 6 issued, 5 and 6 deleted: the next row got 5).
// It now starts after the old sequence's last value, and so does the serial one the down makes again.

@Entity('ticket')
class TicketSerial {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) title: string
}

@Entity('ticket')
class TicketIdentity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string
  @Column({ type: 'varchar', length: 20 }) title: string
}

describe('PostgreSQL: a serial key made identity, and back, keeps counting', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('serialidentity')
    await migrateTo(db, [TicketSerial], 'Init')
    await db.query(`INSERT INTO ticket (title) SELECT 'issued ' || n FROM generate_series(1, 6) AS n`)
    await db.query('DELETE FROM ticket WHERE id > 4')
  })
  afterAll(async () => db?.drop())

  const insert = async (title: string) => (await db.query<{ id: string }>(`INSERT INTO ticket (title) VALUES ('${title}') RETURNING id::text AS id`))[0]!.id
  const sequences = () => db.query(`SELECT relname FROM pg_class WHERE relkind = 'S' AND relname LIKE 'ticket%' ORDER BY 1`)

  it('gives no key twice through up and down', async () => {
    await migrateTo(db, [TicketIdentity], 'Identity')
    expect(await pendingChanges(db, [TicketIdentity])).toEqual([])
    expect(await insert('after up')).toBe('7')
    expect(await sequences()).toEqual([{ relname: 'ticket_id_seq' }])

    await revertLast(db, [TicketIdentity])
    expect(await pendingChanges(db, [TicketSerial])).toEqual([])
    expect(await insert('after down')).toBe('8')
    expect(await sequences()).toEqual([{ relname: 'ticket_id_seq' }])
  })
})
