import { rmSync } from 'node:fs'
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from '../../src/source/renamed-from'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'
import * as r from '../renames/rename-entities'

// A column rename inside a renamed table, with an index and a check on the column and a foreign key from
// another table; an enum column renamed (on PostgreSQL its enum type is named after it): expand and contract
// still reach the entities (expand, upgrade, then contract), and both revert with every row.

@Entity('ticket')
class TicketV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'simple-enum', enum: r.Status, default: r.Status.Draft }) status: r.Status
}

@Entity('ticket')
class TicketV2 {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('status') @Column({ type: 'simple-enum', enum: r.Status, default: r.Status.Draft }) state: r.Status
}

const kinds = (ops: readonly { kind: string }[]) => ops.map((op) => op.kind)

const setups: [string, () => Promise<TestDatabase>][] = [
  ['sqlite', createSqliteDatabase],
  ['postgres', () => createPostgresDatabase('richec')],
  ['mariadb', () => createMariaDbDatabase('richec')],
]

describe.each(setups)('%s: expand and contract with a renamed table, index and check', (_label, createDatabase) => {
  let db: TestDatabase
  const before = [r.RichPostV1, r.RichCommentV1]
  const after = [r.RichArticleV2, r.RichCommentV2]
  const posts = 'SELECT id, title, body, status FROM post ORDER BY id'
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, before, 'Init')
    await db.query(`INSERT INTO post (title, body, status) VALUES ('one', 'first', 'live'), ('two', 'second', 'draft')`)
    await db.query(`INSERT INTO comment (text, "postId") VALUES ('nice', 1), ('meh', 2)`)
  })
  afterAll(async () => db?.drop())

  it('reaches the entities in two steps and reverts both', async () => {
    const rowsAtStart = await db.query(posts)
    const result = await generateMigration(projectFor(db, after), 'Rich', 1_820_000_000_000, { strategy: 'expand-contract' })
    expect(result.plan.warnings).toEqual([])
    expect(kinds(result.plan.up)).not.toContain('drop_column')
    expect(await upgrade(projectFor(db, after))).toEqual(['RichExpand1820000000000'])
    const contract = await generateMigration(projectFor(db, after), 'Rich', 1_820_000_001_000, { strategy: 'contract' })
    expect(kinds(contract.plan.up)).toContain('drop_column')
    expect(await upgrade(projectFor(db, after))).toEqual(['RichContract1820000001000'])
    expect(await pendingChanges(db, after)).toEqual([])
    expect(await db.query('SELECT id, title, content AS body, status FROM article ORDER BY id')).toEqual(rowsAtStart)
    expect(await db.query('SELECT id, text, "postId" FROM comment ORDER BY id')).toEqual([
      { id: 1, text: 'nice', postId: 1 }, { id: 2, text: 'meh', postId: 2 },
    ])
    await revertLast(db, after)
    await revertLast(db, after)
    expect(await pendingChanges(db, before)).toEqual([])
    expect(await db.query(posts)).toEqual(rowsAtStart)
    rmSync(result.file!)
    rmSync(contract.file!)
  })

  it('renames an enum column in two steps and reverts both', async () => {
    await migrateTo(db, [...before, TicketV1], 'Tickets')
    await db.query(`INSERT INTO ticket (status) VALUES ('live'), ('draft')`)
    const tickets = 'SELECT id, status FROM ticket ORDER BY id'
    const rowsAtStart = await db.query(tickets)
    const result = await generateMigration(projectFor(db, [...before, TicketV2]), 'Ticket', 1_820_000_010_000, { strategy: 'expand-contract' })
    expect(result.plan.phase?.step).toBe('expand')
    await upgrade(projectFor(db, [...before, TicketV2]))
    await generateMigration(projectFor(db, [...before, TicketV2]), 'Ticket', 1_820_000_011_000, { strategy: 'contract' })
    await upgrade(projectFor(db, [...before, TicketV2]))
    expect(await pendingChanges(db, [...before, TicketV2])).toEqual([])
    expect(await db.query('SELECT id, state AS status FROM ticket ORDER BY id')).toEqual(rowsAtStart)
    await revertLast(db, [...before, TicketV2])
    await revertLast(db, [...before, TicketV2])
    expect(await pendingChanges(db, [...before, TicketV1])).toEqual([])
    expect(await db.query(tickets)).toEqual(rowsAtStart)
  })
})
