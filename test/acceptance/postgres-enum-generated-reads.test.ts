import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// An enum type whose labels change other than by additions is rebuilt, and its columns move over to the new
// type: PostgreSQL refuses that for a column a generated column reads, as for any change of its type. The
// generated column is dropped before and added again after, in up and in down.

const stateColumn = (labels: string[]) => Column({ type: 'enum', enum: labels, enumName: 'ticket_state' })
const isOpen = () => Column({ type: 'boolean', generatedType: 'STORED', asExpression: `"state" = 'open'`, nullable: true })

@Entity('ticket')
class Ticket {
  @PrimaryGeneratedColumn() id: number
  @stateColumn(['open', 'closed']) state: string
  @isOpen() open: boolean
}

@Entity('ticket')
class TicketWithHeld {
  @PrimaryGeneratedColumn() id: number
  @stateColumn(['open', 'closed', 'held']) state: string
  @isOpen() open: boolean
}

@Entity('ticket')
class TicketOpenOnly {
  @PrimaryGeneratedColumn() id: number
  @stateColumn(['open']) state: string
  @isOpen() open: boolean
}

let db: TestDatabase
beforeEach(async () => {
  db = await createPostgresDatabase('enumgenerated')
  await migrateTo(db, [Ticket], 'Tickets')
  await db.query(`INSERT INTO ticket (state) VALUES ('open'), ('closed')`)
})
afterEach(async () => db?.drop())

const rows = 'SELECT id, state::text AS state, open FROM ticket ORDER BY id'

it('adds a label in place, and its down rebuilds the type under the generated column', async () => {
  const { rowsAfter, source } = await expectCleanCycle(db, [Ticket], [TicketWithHeld], 'AddHeld', rows)
  expect(source).toContain(`ADD VALUE 'held'`)
  expect(rowsAfter).toEqual([{ id: 1, state: 'open', open: true }, { id: 2, state: 'closed', open: false }])
})

it('removes a label, rebuilding the type under the generated column', async () => {
  await db.query(`DELETE FROM ticket WHERE state = 'closed'`)
  const { rowsAfter } = await expectCleanCycle(db, [Ticket], [TicketOpenOnly], 'OpenOnly', rows)
  expect(rowsAfter).toEqual([{ id: 1, state: 'open', open: true }])
})

it('drops and re-creates a view reading the generated column', async () => {
  await db.query(`DELETE FROM ticket WHERE state = 'closed'`)
  await db.query('CREATE VIEW open_tickets AS SELECT id, open FROM ticket')
  const { up } = await expectCleanCycle(db, [Ticket], [TicketOpenOnly], 'OpenOnlyUnderView', 'SELECT id, open FROM open_tickets ORDER BY id')
  expect(up.filter((op) => op.kind.endsWith('_view')).map((op) => op.kind)).toEqual(['drop_view', 'create_view'])
})
