import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Found on a Sakila port (nestjs_sakila_db, MariaDB): `payment`.`amount` decimal(5,2) made decimal(7,2) unsigned,
// in a migration that changed `actor` and `film` first. The change read as a rewrite that keeps every value
// (TYPE_CHANGE_REWRITE), with no check: a negative amount failed its ALTER ("Out of range") after the statements
// before it had committed, leaving the database half migrated (outside strict mode it would have become 0). A
// decimal, float or double made unsigned is now a narrowing, checked first for the negative values it refuses.

@Entity('actor')
class Actor {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 45 }) name: string
}

@Entity('actor')
class ActorCommented {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 45, comment: 'as on the card' }) name: string
}

@Entity('payment')
class Payment {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'decimal', precision: 5, scale: 2 }) amount: string
  @Column({ type: 'double' }) rate: number
}

@Entity('payment')
class PaymentUnsigned {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'decimal', precision: 7, scale: 2, unsigned: true }) amount: string
  @Column({ type: 'double', unsigned: true }) rate: number
}

const tablesQuery = "SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE y, COLUMN_COMMENT m FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' ORDER BY t, c"
const rowsQuery = 'SELECT id, amount, rate FROM payment ORDER BY id'

describe('MariaDB: a decimal and a double made unsigned after other statements', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('unsigned_decimal')
    await migrateTo(db, [Actor, Payment], 'Init')
    await db.query("INSERT INTO actor (name) VALUES ('PENELOPE')")
    await db.query('INSERT INTO payment (amount, rate) VALUES (2.99, 0.5), (-1.50, 1)')
  })
  afterEach(async () => db?.drop())

  it('warns of a narrowing and fails before its first statement while a value is negative', async () => {
    const result = await generateMigration(projectFor(db, [ActorCommented, PaymentUnsigned]), 'Unsigned', 1_800_000_000_000)
    const codes = (result.plan.hazards ?? []).map((h) => h.code)
    expect(codes).not.toContain('TYPE_CHANGE_REWRITE')
    expect(codes.filter((code) => code === 'TYPE_NARROWING')).toHaveLength(2)

    const schemaBefore = await db.query(tablesQuery)
    const rowsBefore = await db.query(rowsQuery)
    const failure = await upgrade(projectFor(db, [ActorCommented, PaymentUnsigned])).then(() => undefined, (error: Error) => error)
    expect(failure?.message).toContain('rows of "payment"."amount" hold negative numbers, which decimal(7,2) unsigned cannot hold')
    expect(failure?.message).toContain('nothing of the table was changed')
    expect(await db.query(tablesQuery)).toEqual(schemaBefore)
    expect(await db.query(rowsQuery)).toEqual(rowsBefore)

    await db.query('UPDATE payment SET amount = 1.50, rate = -0.25 WHERE id = 2')
    await expect(upgrade(projectFor(db, [ActorCommented, PaymentUnsigned]))).rejects.toThrow('rows of "payment"."rate" hold negative numbers, which double unsigned cannot hold')
    expect(await db.query(tablesQuery)).toEqual(schemaBefore)

    await db.query('UPDATE payment SET rate = 0.25 WHERE id = 2')
    expect(await upgrade(projectFor(db, [ActorCommented, PaymentUnsigned]))).toEqual(['Unsigned1800000000000'])
    expect(await pendingChanges(db, [ActorCommented, PaymentUnsigned])).toEqual([])
  })
})
