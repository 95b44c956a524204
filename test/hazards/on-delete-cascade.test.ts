import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, migratedDatabase, projectFor } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase } from '../support/test-database'

// A relation's onDelete made 'CASCADE' (hunt35, on CromwellCMS): from then on, deleting a customer deletes its
// orders, where the delete failed before. generate wrote the new key without a word.

@Entity('customer')
class Customer {
  @PrimaryGeneratedColumn() id: number
}

@Entity('purchase')
class Purchase {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Customer, { nullable: true }) customer: Customer | null
}

@Entity('purchase')
class PurchaseCascade {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Customer, { nullable: true, onDelete: 'CASCADE' }) customer: Customer | null
}

@Entity('purchase')
class PurchaseSetNull {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Customer, { nullable: true, onDelete: 'SET NULL' }) customer: Customer | null
}

@Entity('purchase')
class PurchaseCascadeOnUpdate {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Customer, { nullable: true, onDelete: 'CASCADE', onUpdate: 'CASCADE' }) customer: Customer | null
}

// A relation new to the table: nothing ran against it yet.
@Entity('purchase')
class PurchaseNewReferrer {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Customer, { nullable: true }) customer: Customer | null
  @Column({ nullable: true }) note: string
  @ManyToOne(() => Customer, { nullable: true, onDelete: 'CASCADE' }) referrer: Customer | null
}

// A line of a purchase goes with its purchase already: a customer's delete would take both along.
@Entity('purchase_line')
class PurchaseLine {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Purchase, { nullable: true, onDelete: 'CASCADE' }) purchase: Purchase | null
}

@Entity('purchase_line')
class PurchaseLineOfCascade {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => PurchaseCascade, { nullable: true, onDelete: 'CASCADE' }) purchase: PurchaseCascade | null
}

const cascades = async (db: TestDatabase, entities: Function[]) =>
  (await compareProject(projectFor(db, entities))).hazards.filter((h) => h.code === 'ON_DELETE_CASCADE').map((h) => [h.severity, h.message])

describe.each([
  ['sqlite', () => createSqliteDatabase(), '"purchase"', '"customer"'],
  ['postgres', () => createPostgresDatabase('cascade'), '"public"."purchase"', '"public"."customer"'],
  ['mariadb', () => createMariaDbDatabase('cascade'), '"purchase"', '"customer"'],
] as const)('%s: a foreign key made ON DELETE CASCADE', (_dialect, create, purchase, customer) => {
  const database = migratedDatabase(create, [Customer, Purchase], 'INSERT INTO customer (id) VALUES (1), (2)')

  it('is ON_DELETE_CASCADE, saying what deletes did before', async () => {
    const [found, ...others] = await cascades(database(), [Customer, PurchaseCascade])
    expect(others).toEqual([])
    expect(found?.[0]).toBe('warning')
    expect(found?.[1]).toContain(` on ${purchase} ("customerId") -> ${customer} becomes ON DELETE CASCADE: deleting a row of ${customer} then deletes the rows of ${purchase} that reference it, where the delete failed while they existed (`)
  })

  it('says the rows were kept where the key set them NULL, and is none for a key new to the table or one cascading already', async () => {
    await migrateTo(database(), [Customer, PurchaseSetNull], 'SetNull')
    expect((await cascades(database(), [Customer, PurchaseCascade]))[0]?.[1]).toContain('where the delete kept them (SET NULL)')
    await migrateTo(database(), [Customer, PurchaseCascade], 'Cascade')
    expect(await cascades(database(), [Customer, PurchaseCascadeOnUpdate])).toEqual([])
    await migrateTo(database(), [Customer, Purchase], 'NoAction')
    expect(await cascades(database(), [Customer, PurchaseNewReferrer])).toEqual([])
  })

  it('names the tables whose own cascading keys a delete then reaches too', async () => {
    await migrateTo(database(), [Customer, Purchase, PurchaseLine], 'Lines')
    const [found] = await cascades(database(), [Customer, PurchaseCascade, PurchaseLineOfCascade])
    const line = purchase.replace('purchase', 'purchase_line')
    expect(found?.[1]).toContain(`then deletes the rows of ${purchase} that reference it, and with them, through their own ON DELETE CASCADE keys, the rows of ${line} that reference those, where the delete`)
  })
})

const settingNull = async (db: TestDatabase, entities: Function[]) =>
  (await compareProject(projectFor(db, entities))).hazards.filter((h) => h.code === 'ON_DELETE_SET_NULL').map((h) => [h.severity, h.message])

// A relation's onDelete made 'SET NULL' (hunt67, on nestjs-boilerplate): a customer's delete, which failed while it had
// purchases, then succeeds and leaves them without a customer.
describe.each([
  ['sqlite', () => createSqliteDatabase(), '"purchase"', '"customer"'],
  ['postgres', () => createPostgresDatabase('setnull'), '"public"."purchase"', '"public"."customer"'],
  ['mariadb', () => createMariaDbDatabase('setnull'), '"purchase"', '"customer"'],
] as const)('%s: a foreign key made ON DELETE SET NULL', (_dialect, create, purchase, customer) => {
  const database = migratedDatabase(create, [Customer, Purchase], 'INSERT INTO customer (id) VALUES (1), (2)')

  it('is ON_DELETE_SET_NULL, saying the delete failed before', async () => {
    const [found, ...others] = await settingNull(database(), [Customer, PurchaseSetNull])
    expect(others).toEqual([])
    expect(found?.[0]).toBe('warning')
    expect(found?.[1]).toMatch(new RegExp(` on ${purchase.replace(/[."]/g, '\\$&')} \\("customerId"\\) -> ${customer.replace(/[."]/g, '\\$&')} becomes ON DELETE SET NULL: deleting a row of .* then sets to NULL \\("customerId"\\) in the rows of .* that reference it, where the delete failed while they existed \\((NO ACTION|RESTRICT)\\)`))
    expect(await settingNull(database(), [Customer, PurchaseCascade])).toEqual([])
  })

  it('is none from CASCADE, whose rows are then kept', async () => {
    await migrateTo(database(), [Customer, PurchaseCascade], 'Cascade')
    expect(await settingNull(database(), [Customer, PurchaseSetNull])).toEqual([])
  })
})

