import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A trigger whose PL/pgSQL function writes another table by name (Omnivore's insert_discover_feed_new_user on
// "user", whose function inserts into omnivore.discover_feed_subscription): PostgreSQL does not track the tables
// a function names, so a migration drops or renames that table without a word, and every write the trigger
// fires on fails from then on (`relation ... does not exist`). generate says so.

@Entity('account')
class Account {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) name: string
}

@Entity('welcome')
class Welcome {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int' }) accountId: number
}

@Entity('greeting')
class Greeting {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int' }) accountId: number
}

const byHand = [
  `CREATE FUNCTION welcome_account() RETURNS trigger AS $$ BEGIN INSERT INTO public.welcome("accountId") VALUES (NEW.id); RETURN NEW; END $$ LANGUAGE plpgsql`,
  `CREATE TRIGGER account_welcome AFTER INSERT ON account FOR EACH ROW EXECUTE FUNCTION welcome_account()`,
]

let db: TestDatabase
beforeEach(async () => {
  db = await createPostgresDatabase('trigger_tables')
  await migrateTo(db, [Account, Welcome], 'Init')
  for (const sql of byHand) await db.query(sql)
})
afterEach(async () => db?.drop())

it.each([
  ['drops', [Account], [], /^Drops table "public"\."welcome", which the function of trigger "account_welcome" on "public"\."account" names: every write the trigger fires on fails from then on/],
  ['renames', [Account, Greeting], ['welcome=greeting'], /^Renames table "public"\."welcome" to "greeting", but the function of trigger "account_welcome" on "public"\."account" names it by its old name: every write the trigger fires on fails from then on/],
] as const)('warns of a migration that %s a table a trigger function names', async (_what, entities, renames, message) => {
  const { comparison } = await generateMigration(projectFor(db, [...entities]), 'Change', Date.now(), { renames: parseRenameFlags([...renames]), acceptDataLoss: true })
  expect(comparison.hazards.filter((h) => h.code === 'TRIGGER_FUNCTION_READS_TABLE').map((h) => h.message)).toEqual([expect.stringMatching(message)])
})

it('says nothing where the migration drops the trigger\'s own table with it', async () => {
  const { comparison } = await generateMigration(projectFor(db, [Welcome]), 'Change', Date.now(), { acceptDataLoss: true })
  expect(comparison.hazards.filter((h) => h.code === 'TRIGGER_FUNCTION_READS_TABLE')).toEqual([])
})
