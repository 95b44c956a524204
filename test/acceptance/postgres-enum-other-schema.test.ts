import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A column whose enum type was made by hand in another schema than its table's (Omnivore's migrations make
// `user_status_type` in public for the table omnivore.user): TypeORM makes an entity's enum type in the
// table's schema, so the migration moves the column to that one, and its down moves it back to the type where
// it is, which it neither made nor drops.

@Entity('person')
class Person {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) mood: string
}

@Entity('person')
class PersonWithEnum {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['calm', 'busy'], default: 'calm' }) mood: string
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('enum_other_schema')
  await migrateTo(db, [Person], 'Init')
  await db.query(`CREATE SCHEMA shared`)
  await db.query(`CREATE TYPE shared.mood AS ENUM ('calm', 'busy')`)
  await db.query(`ALTER TABLE person ALTER COLUMN mood TYPE shared.mood USING mood::shared.mood, ALTER COLUMN mood SET DEFAULT 'calm'::shared.mood`)
  await db.query(`INSERT INTO person (mood) VALUES ('busy'), ('calm')`)
})
afterAll(async () => db?.drop())

const moodType = async () =>
  (await db.query<{ type: string }>(`SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'person'::regclass AND attname = 'mood'`))[0]?.type

it('moves the column to the type in its own schema, and down back to the type in the other one', async () => {
  expect(await moodType()).toBe('shared.mood')
  const rows = 'SELECT id, mood::text FROM person ORDER BY id'
  const before = await db.query(rows)
  const { source } = await migrateTo(db, [PersonWithEnum], 'OwnEnum')
  expect(await pendingChanges(db, [PersonWithEnum])).toEqual([])
  expect(await moodType()).toBe('person_mood_enum')
  expect(await db.query(rows)).toEqual(before)
  expect(source).toContain('TYPE "shared"."mood" USING')
  await revertLast(db, [PersonWithEnum])
  expect(await moodType()).toBe('shared.mood')
  expect(await db.query(rows)).toEqual(before)
  expect(await db.query(`SELECT column_default AS value FROM information_schema.columns WHERE table_name = 'person' AND column_name = 'mood'`)).toEqual([{ value: "'calm'::shared.mood" }])
})
