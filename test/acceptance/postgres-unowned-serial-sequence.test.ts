import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// Hand-written DDL (pagila, Flyway scripts) often makes a key's sequence apart and never says `OWNED BY`:
// `CREATE SEQUENCE staff_staff_id_seq; CREATE TABLE staff (staff_id integer DEFAULT nextval('staff_staff_id_seq'))`.
// TypeORM reads that column as its own serial, by the sequence's name. The tool read a change to a serial and
// wrote `CREATE SEQUENCE staff_staff_id_seq`, which fails: the sequence is there.

@Entity('staff')
class Staff {
  @PrimaryGeneratedColumn({ name: 'staff_id', primaryKeyConstraintName: 'staff_pkey' }) id: number
  @Column({ type: 'text' }) name: string
}

@Entity('staff')
class StaffWithEmail {
  @PrimaryGeneratedColumn({ name: 'staff_id', primaryKeyConstraintName: 'staff_pkey' }) id: number
  @Column({ type: 'text' }) name: string
  @Column({ type: 'text', nullable: true }) email: string | null
}

@Entity('staff')
class StaffByIdentity {
  @PrimaryGeneratedColumn('identity', { name: 'staff_id', primaryKeyConstraintName: 'staff_pkey' }) id: number
  @Column({ type: 'text' }) name: string
}

describe('PostgreSQL: a serial key whose sequence no column owns', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('unownedserial')
    await db.query('CREATE SEQUENCE staff_staff_id_seq')
    await db.query(`CREATE TABLE staff (staff_id integer DEFAULT nextval('staff_staff_id_seq'::regclass) NOT NULL PRIMARY KEY, name text NOT NULL)`)
    await db.query(`INSERT INTO staff (name) VALUES ('Mike'), ('Jon')`)
  })
  afterEach(async () => db?.drop())

  it('is the entity serial key: nothing to change, and a later change leaves it alone', async () => {
    expect(await pendingChanges(db, [Staff])).toEqual([])
    await migrateTo(db, [StaffWithEmail], 'AddEmail')
    expect(await pendingChanges(db, [StaffWithEmail])).toEqual([])
    await revertLast(db, [StaffWithEmail])
    expect(await db.query(`INSERT INTO staff (name) VALUES ('Ann') RETURNING staff_id`)).toEqual([{ staff_id: 3 }])
  })

  it('made an identity, counts on after the sequence and gives it back in down', async () => {
    await migrateTo(db, [StaffByIdentity], 'Identity')
    expect(await pendingChanges(db, [StaffByIdentity])).toEqual([])
    expect(await db.query(`INSERT INTO staff (name) VALUES ('Ann') RETURNING staff_id`)).toEqual([{ staff_id: 3 }])
    await revertLast(db, [StaffByIdentity])
    expect(await pendingChanges(db, [Staff])).toEqual([])
    expect(await db.query(`INSERT INTO staff (name) VALUES ('Bo') RETURNING staff_id`)).toEqual([{ staff_id: 4 }])
  })
})
