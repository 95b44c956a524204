import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// PostgreSQL writes the checks and partial indexes that read a column again when the column's type changes, with
// casts from the type before: `balance >= 0` made numeric and back read `(balance)::numeric >= (0)::numeric`,
// which no longer matched the entity after a downgrade. They are now dropped before the change and made again
// after, from the entities' text going up and from the database's going down.

function account(type: 'bigint' | 'numeric') {
  @Entity('account')
  @Check('balance_non_negative', '"balance" >= 0')
  @Index('IDX_in_credit', ['label'], { where: '"balance" > 0' })
  class Account {
    @PrimaryGeneratedColumn() id!: number
    @Column(type === 'bigint' ? { type, default: 0 } : { type, precision: 14, scale: 0, default: 0 }) balance!: string
    @Column({ type: 'varchar', nullable: true }) label!: string | null
  }
  return Account
}

const catalog = async (db: TestDatabase) => [
  ...(await db.query<{ def: string }>("SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'account'::regclass AND contype = 'c'")).map((r) => r.def),
  ...(await db.query<{ def: string }>("SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'IDX_in_credit'")).map((r) => r.def),
]

describe('a column retyped under a check and a partial index', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('retype_predicates')
  })
  afterAll(async () => db?.drop())

  it('leaves them as they were after up and down, still enforced', async () => {
    const [before, after] = [account('bigint'), account('numeric')]
    await migrateTo(db, [before], 'Init')
    await db.query("INSERT INTO account (balance, label) VALUES (5, 'a'), (0, 'b')")
    const made = await catalog(db)
    const { source } = await migrateTo(db, [after], 'Retype')
    expect(source).toMatch(/DROP CONSTRAINT "balance_non_negative"[\s\S]*TYPE numeric\(14,0\)[\s\S]*ADD CONSTRAINT "balance_non_negative"/)
    expect(await pendingChanges(db, [after])).toEqual([])
    await expect(db.query('INSERT INTO account (balance) VALUES (-1)')).rejects.toThrow(/balance_non_negative/)
    await revertLast(db, [after])
    expect(await catalog(db)).toEqual(made)
    expect(await pendingChanges(db, [before])).toEqual([])
    expect(await db.query('SELECT balance, label FROM account ORDER BY id')).toEqual([{ balance: '5', label: 'a' }, { balance: '0', label: 'b' }])
  })
})
