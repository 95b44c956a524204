import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// PostgreSQL's money keeps the decimal places of the locale (2 here): a `down` that makes a numeric column money
// again would round the values written since with more, without a word. It checks for them first and stops.

@Entity('fee')
class FeeInMoney {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'money' }) amount: string
}

@Entity('fee')
class FeeInNumeric {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'numeric' }) amount: string
}

describe('down making a numeric column money again', () => {
  let db: TestDatabase
  const amounts = () => db.query('SELECT amount::numeric::text AS amount FROM fee ORDER BY id')
  beforeAll(async () => {
    db = await createPostgresDatabase('moneydown')
    await migrateTo(db, [FeeInMoney], 'Init')
    await migrateTo(db, [FeeInNumeric], 'Exact')
    await db.query('INSERT INTO fee (amount) VALUES (1.2345)')
  })
  afterAll(async () => db?.drop())

  it('stops while a value has more decimal places than money keeps, and runs once none has', async () => {
    const refusal = await revertLast(db, [FeeInNumeric]).then(() => undefined, (err: Error) => err.message)
    expect(refusal).toMatch(/down cannot run: changing "public"\."fee"\."amount" back from numeric to money would round its values more precise than money keeps; .*nothing was changed/)
    expect(await pendingChanges(db, [FeeInNumeric])).toEqual([])
    expect(await amounts()).toEqual([{ amount: '1.2345' }])

    await db.query('UPDATE fee SET amount = 1.25')
    await revertLast(db, [FeeInNumeric])
    expect(await pendingChanges(db, [FeeInMoney])).toEqual([])
    expect(await amounts()).toEqual([{ amount: '1.25' }])
  })
})
