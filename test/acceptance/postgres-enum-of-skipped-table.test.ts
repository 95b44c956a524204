import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// An entity declared synchronize: false keeps its table out of the diff (Phalcode/gamevault-backend keeps its
// v12 entities so for a data migration). The enum types of that table's columns are its own too: the diff
// neither drops them (PostgreSQL refuses while the column uses them) nor takes one for a new enum of the same
// labels, renamed.

@Entity('legacy', { synchronize: false })
class Legacy {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['open', 'closed'] }) state: string
}

@Entity('ticket')
class Ticket {
  @PrimaryGeneratedColumn() id: number
}

@Entity('ticket')
class TicketWithState {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['open', 'closed'], default: 'open' }) state: string
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('skippedenum')
  await migrateTo(db, [Ticket], 'Tickets')
  await db.query(`CREATE TYPE legacy_state_enum AS ENUM ('open', 'closed')`)
  await db.query(`CREATE TABLE legacy (id serial PRIMARY KEY, state legacy_state_enum NOT NULL, tags legacy_state_enum[])`)
  await db.query(`INSERT INTO legacy (state, tags) VALUES ('closed', '{open}')`)
})
afterAll(async () => db?.drop())

it('leaves the enum types of a synchronize: false table alone', async () => {
  expect(await pendingChanges(db, [Legacy, Ticket])).toEqual([])
})

it('makes a new enum of the same labels beside it, not from it', async () => {
  const { up } = await migrateTo(db, [Legacy, TicketWithState], 'TicketState')
  expect(up.filter((op) => op.kind.includes('enum'))).toEqual([
    { kind: 'create_enum', enumType: { schema: 'public', name: 'ticket_state_enum', values: ['open', 'closed'] } },
  ])
  expect(await pendingChanges(db, [Legacy, TicketWithState])).toEqual([])
  expect(await db.query('SELECT state::text, tags::text FROM legacy')).toEqual([{ state: 'closed', tags: '{open}' }])
})
