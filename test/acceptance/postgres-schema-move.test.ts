import { readFileSync, rmSync } from 'node:fs'
import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import type { Operation } from '../../src/operations/operation'
import { type GenerateOptions, generateMigration } from '../../src/pipeline/generate-migration'
import { RenamesUnresolvedError } from '../../src/pipeline/renames-unresolved-error'
import { upgrade } from '../../src/runner/migration-runner'
import { RenamedFrom } from '../../src/source/renamed-from'
import { type EntityList, migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { postgresSchemaDump } from '../support/postgres-schema-dump'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A table moved to another schema (crm.client to sales.client, or to sales.customer) keeps its rows, its
// serial key's sequence, its enum type and the foreign key another table holds to it; down moves it back.

/** entitiesAt declares the client table in `schema` under `name`, and an invoice table referencing it from public. */
function entitiesAt(schema: string, name: string, renamedFrom?: string, keeper = false): EntityList {
  @Entity({ schema, name })
  class Client {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'varchar', length: 100 }) title: string
    @Column({ type: 'enum', enum: ['lead', 'won'], default: 'lead' }) status: string
  }
  if (renamedFrom !== undefined) RenamedFrom(renamedFrom)(Client)
  @Entity('invoice')
  class Invoice {
    @PrimaryGeneratedColumn() id: number
    @ManyToOne(() => Client, { nullable: false, onDelete: 'CASCADE' }) client: Client
  }
  @Entity({ schema: 'crm', name: 'keeper' })
  class Keeper {
    @PrimaryGeneratedColumn() id: number
  }
  return keeper ? [Client, Invoice, Keeper] : [Client, Invoice]
}

const clock = { now: 1_810_000_000_000 }
const kinds = (ops: readonly Operation[]) => ops.map((op) => op.kind)
const rows = 'SELECT c.id, c.title, c.status::text AS status, i.id AS invoice FROM invoice i JOIN %s c ON c.id = i."clientId" ORDER BY i.id'

/**
 * moveStep generates the migration to `after` with `options`, applies it, checks the rows, the key's sequence
 * and that nothing is left to change, reverts it, checks that schema and rows are back, and deletes the file.
 */
async function moveStep(db: TestDatabase, before: EntityList, after: EntityList, options: GenerateOptions, table: string): Promise<{ up: readonly Operation[]; source: string }> {
  const dump = postgresSchemaDump(db)
  const rowsBefore = await db.query(rows.replace('%s', 'crm.client'))
  clock.now += 1000
  const result = await generateMigration(projectFor(db, after), 'Move', clock.now, options)
  if (!result.file) throw new Error('moveStep: no changes were found')
  expect(await upgrade(projectFor(db, after))).toEqual([`Move${clock.now}`])
  expect(await db.query(rows.replace('%s', table))).toEqual(rowsBefore)
  expect(await pendingChanges(db, after)).toEqual([])
  // The serial key's sequence moved with the table, and the foreign key still holds.
  const [added] = await db.query<{ id: number; status: string }>(`INSERT INTO ${table} (title) VALUES ('new') RETURNING id, status::text AS status`)
  expect(added!.id).toBeGreaterThan(2)
  expect(added!.status).toBe('lead')
  await db.query(`DELETE FROM ${table} WHERE id = ${added!.id}`)
  await expect(db.query(`INSERT INTO invoice ("clientId") VALUES (99)`)).rejects.toThrow(/foreign key/)
  await revertLast(db, before)
  expect(await pendingChanges(db, before)).toEqual([])
  expect(postgresSchemaDump(db)).toEqual(dump)
  expect(await db.query(rows.replace('%s', 'crm.client'))).toEqual(rowsBefore)
  const source = readFileSync(result.file, 'utf8')
  rmSync(result.file)
  return { up: result.comparison.up, source }
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('schema_move')
  await migrateTo(db, entitiesAt('crm', 'client', undefined, true), 'Init')
  await db.query(`INSERT INTO crm.client (title, status) VALUES ('Acme', 'won'), ('Initech', 'lead')`)
  await db.query(`INSERT INTO invoice ("clientId") VALUES (1), (2), (1)`)
})
afterAll(async () => db?.drop())

const before = () => entitiesAt('crm', 'client')

it('stops on a table that looks moved where the old schema is read, and asked, moves it on yes', async () => {
  const unasked = generateMigration(projectFor(db, entitiesAt('sales', 'client', undefined, true)), 'Move', clock.now + 500)
  await expect(unasked).rejects.toThrow(RenamesUnresolvedError)
  await expect(unasked).rejects.toThrow(
    "crm.client may have been moved to sales.client: add @RenamedFrom('crm.client') to Client, or pass --rename crm.client=sales.client; pass --accept-data-loss to drop and add instead",
  )
  const asked: string[] = []
  const ask = async (s: { table: { schema?: string }; from: string; toSchema?: string; to: string }) => (asked.push(`${s.table.schema}.${s.from} -> ${s.toSchema}.${s.to}`), true)
  const { up } = await moveStep(db, entitiesAt('crm', 'client', undefined, true), entitiesAt('sales', 'client', undefined, true), { ask }, 'sales.client')
  expect(asked).toEqual(['crm.client -> sales.client'])
  expect(kinds(up)).toEqual(['create_schema', 'rename_table', 'rename_enum'])
  // From here on the crm schema holds only the client table: no entity uses it any more.
  await db.query('DROP TABLE crm.keeper')
})

it('moves a table stated by --rename crm.client=sales.client, creating the schema; down moves it back and drops the schema', async () => {
  const { up, source } = await moveStep(db, before(), entitiesAt('sales', 'client'), { renames: parseRenameFlags(['crm.client=sales.client']) }, 'sales.client')
  expect(kinds(up)).toEqual(['create_schema', 'rename_table', 'rename_enum'])
  expect(source).toContain('~ table "sales"."client" (moved from "crm"."client")')
  expect(source).toContain('Moves table "crm"."client" to "sales"."client"')
  expect(source).toContain('ALTER TABLE "crm"."client" SET SCHEMA "sales"')
})

it('moves a table stated by @RenamedFrom(\'crm.client\')', async () => {
  const { up } = await moveStep(db, before(), entitiesAt('sales', 'client', 'crm.client'), {}, 'sales.client')
  expect(kinds(up)).toEqual(['create_schema', 'rename_table', 'rename_enum'])
})

it('moves and renames a table stated by --rename crm.client=sales.customer, its key and type following', async () => {
  const { up } = await moveStep(db, before(), entitiesAt('sales', 'customer'), { renames: parseRenameFlags(['crm.client=sales.customer']) }, 'sales.customer')
  expect(kinds(up)).toEqual(['create_schema', 'rename_table', 'rename_enum', 'rename_constraint'])
})
