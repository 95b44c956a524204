import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { dropAndRestore } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// Change-data-capture (Debezium, logical replication) needs a table's old rows in full: migrations set
// `REPLICA IDENTITY FULL`, or USING INDEX, which no entity declares. A table up drops gets it back in down.

@Entity('account')
class Account {
  @PrimaryGeneratedColumn() id: number
}

@Entity('comment_vote')
class CommentVote {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) body: string
}

@Entity('ledger')
@Index('IDX_ledger_code', ['code'], { unique: true })
class Ledger {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) code: string
}

it('gives a table that up drops its replica identity back in down, FULL or USING INDEX', async () => {
  const { source } = await dropAndRestore(() => createPostgresDatabase('replica_identity'), [Account, CommentVote, Ledger], [Account], [
    'ALTER TABLE comment_vote REPLICA IDENTITY FULL',
    'ALTER TABLE ledger REPLICA IDENTITY USING INDEX "IDX_ledger_code"',
  ], async (restored) => {
    const identities = await restored.query(`SELECT c.relname AS name, c.relreplident AS identity,
        (SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid AND i.indisreplident) AS index
      FROM pg_class c WHERE c.relname IN ('account', 'comment_vote', 'ledger') ORDER BY c.relname`)
    expect(identities).toEqual([
      { name: 'account', identity: 'd', index: null },
      { name: 'comment_vote', identity: 'f', index: null },
      { name: 'ledger', identity: 'i', index: 'IDX_ledger_code' },
    ])
  })
  expect(source).toContain('ALTER TABLE "public"."comment_vote" REPLICA IDENTITY FULL')
})
