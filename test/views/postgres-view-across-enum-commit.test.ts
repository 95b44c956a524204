import { readFileSync } from 'node:fs'
import { Column, Entity, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// A change that adds an enum label and uses it is cut into migrations at the commit PostgreSQL needs before the
// label can be used. A view made again around a column change of the same table must be dropped in the part that
// makes it again: dropped one part early, it is missing between the parts, and gone for good if the later part fails.

@Entity('ticket')
class TicketV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['open', 'closed'], enumName: 'ticket_state', default: 'open' }) state: string
  @Column({ type: 'varchar', length: 10 }) title: string
}

@Entity('ticket')
class TicketV2 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['open', 'closed', 'waiting'], enumName: 'ticket_state', default: 'waiting' }) state: string
  @Column({ type: 'varchar', length: 40 }) title: string
}

@ViewEntity({ name: 'ticket_v', expression: 'SELECT id, state, title FROM ticket' })
class TicketView { @ViewColumn() id: number; @ViewColumn() state: string; @ViewColumn() title: string }

describe('postgres: a view made again around a change cut at an enum commit', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('viewenumcommit')
    await migrateTo(db, [TicketV1, TicketView], 'Init')
    await db.query(`INSERT INTO ticket (state, title) VALUES ('closed', 'first'), ('open', 'second')`)
  })
  afterAll(async () => db?.drop())

  const viewRows = 'SELECT id, state::text, title FROM ticket_v ORDER BY id'
  const rows = [{ id: 1, state: 'closed', title: 'first' }, { id: 2, state: 'open', title: 'second' }]

  it('is dropped and made again within each part, so that it is there between them, both ways', async () => {
    const after = [TicketV2, TicketView]
    const result = await generateMigration(projectFor(db, after), 'Waiting', 1_830_000_000_000)
    expect(result.written.map((w) => w.plan.name)).toEqual(['WaitingEnumValues', 'Waiting'])
    for (const source of result.written.map((w) => readFileSync(w.file, 'utf8'))) {
      // up and down each drop it and make it again
      expect(source.match(/DROP VIEW/g)).toHaveLength(2)
      expect(source.match(/CREATE VIEW/g)).toHaveLength(2)
    }
    expect(await upgrade(projectFor(db, after), { steps: 1 })).toEqual(['WaitingEnumValues1830000000000'])
    expect(await db.query(viewRows)).toEqual(rows)
    expect(await upgrade(projectFor(db, after))).toEqual(['Waiting1830000000001'])
    expect(await pendingChanges(db, after)).toEqual([])
    expect(await db.query(viewRows)).toEqual(rows)
    await revertLast(db, after)
    expect(await db.query(viewRows)).toEqual(rows)
    await revertLast(db, after)
    expect(await pendingChanges(db, [TicketV1, TicketView])).toEqual([])
    expect(await db.query(viewRows)).toEqual(rows)
  })
})

@Entity('ticket')
class TicketV3 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['open', 'closed', 'waiting'], enumName: 'ticket_state', default: 'open' }) state: string
  @Column({ type: 'varchar', length: 10 }) title: string
}

@ViewEntity({ name: 'ticket_v', expression: `SELECT id, state, title FROM ticket WHERE state <> 'waiting'` })
class TicketViewNotWaiting { @ViewColumn() id: number; @ViewColumn() state: string; @ViewColumn() title: string }

describe('postgres: a view redefined to read an enum label the same change adds', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('viewenumlabel')
    await migrateTo(db, [TicketV1, TicketView], 'Init')
    await db.query(`INSERT INTO ticket (state, title) VALUES ('closed', 'first'), ('open', 'second')`)
  })
  afterAll(async () => db?.drop())

  it('is made once the label is committed, and runs', async () => {
    const after = [TicketV3, TicketViewNotWaiting]
    const result = await generateMigration(projectFor(db, after), 'NotWaiting', 1_830_000_000_000)
    expect(result.written.map((w) => w.plan.name)).toEqual(['NotWaitingEnumValues', 'NotWaiting'])
    expect(await upgrade(projectFor(db, after))).toEqual(['NotWaitingEnumValues1830000000000', 'NotWaiting1830000000001'])
    expect(await pendingChanges(db, after)).toEqual([])
    await db.query(`INSERT INTO ticket (state, title) VALUES ('waiting', 'third')`)
    expect(await db.query('SELECT id FROM ticket_v ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }])
    await db.query('DELETE FROM ticket WHERE id = 3')
    await revertLast(db, after)
    await revertLast(db, after)
    expect(await pendingChanges(db, [TicketV1, TicketView])).toEqual([])
  })
})
