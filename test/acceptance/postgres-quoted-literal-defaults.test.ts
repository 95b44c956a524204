import { Column, Entity, PrimaryColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// UniqueNetwork's marketplace declares `@Column('boolean', { default: "'f'" })` over a column its own migration made
// DEFAULT false. On a text column such a default is the text with its quotes (see doubled-quote-default), but no
// boolean, number, date or uuid holds a quote: the migration wrote SET DEFAULT '''f''' and failed ("invalid input
// syntax for type boolean"). There the default is read as the SQL literal written, 'f', which is false.

let db: TestDatabase
beforeEach(async () => {
  db = await createPostgresDatabase('quoted_literal_defaults')
})
afterEach(async () => db?.drop())

it('reads a quoted default of a column that holds no text as the literal written', async () => {
  await db.query(`CREATE TABLE flags (id int CONSTRAINT "PK_ea7e333c92a55de9e9b8d0b9afd" PRIMARY KEY, on_sale boolean NOT NULL DEFAULT false, tries int NOT NULL DEFAULT 3)`)
  @Entity('flags')
  class Flags {
    @PrimaryColumn('int') id: number
    @Column('boolean', { name: 'on_sale', default: "'f'" }) onSale: boolean
    @Column('int', { default: "'3'" }) tries: number
  }
  expect(await pendingChanges(db, [Flags])).toEqual([])
})

it('makes the column with that default, which a new row gets', async () => {
  @Entity('flags')
  class Flags {
    @PrimaryColumn('int') id: number
    @Column('boolean', { name: 'on_sale', default: "'t'" }) onSale: boolean
    @Column('varchar', { default: "'all'" }) months: string
  }
  await migrateTo(db, [Flags], 'Flags')
  expect(await pendingChanges(db, [Flags])).toEqual([])
  await db.query('INSERT INTO flags (id) VALUES (1)')
  expect(await db.query('SELECT on_sale, months FROM flags')).toEqual([{ on_sale: true, months: "'all'" }])
})
