import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { pendingChanges, projectFor } from '../support/migration-cycle'
import { compareProject } from '../../src/pipeline/compare-project'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// PostgreSQL keeps the first 63 bytes of a longer name. A table named so in `autogen.ignoreTables`, or declared by
// an entity with `synchronize: false`, was compared uncut with the database's cut name: not left alone, but
// dropped by the migration with its rows.

const longName = `audit_trail_of_every_change_made_by_the_billing_service_to_invoices_${'x'.repeat(8)}`
const storedName = longName.slice(0, 63)

@Entity('note')
class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
}

@Entity(longName, { synchronize: false })
class LegacyAudit {
  @PrimaryGeneratedColumn() id: number
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('longignored')
  await db.query(`CREATE TABLE note (id serial CONSTRAINT "PK_96d0c172a4fba276b1bbed43058" PRIMARY KEY, text varchar NOT NULL)`)
  await db.query(`CREATE TABLE "${storedName}" (id serial PRIMARY KEY, what text)`)
})
afterAll(async () => db?.drop())

it('leaves alone a table autogen.ignoreTables names by its long name', async () => {
  const { up } = await compareProject(projectFor(db, [Note], { ignoreTables: [longName] }))
  expect(up).toEqual([])
})

it('leaves alone the table of a synchronize: false entity of a long name', async () => {
  expect(await pendingChanges(db, [Note, LegacyAudit])).toEqual([])
})
