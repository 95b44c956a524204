import { rmSync } from 'node:fs'
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { type TestDatabase, allDialects, inQuotesOf } from '../support/test-database'

// A migration that drops a table and a column of another, and makes a change the rows break: where schema
// changes run outside transactions (MariaDB), the drops run last, so the failure leaves the table, the column
// and their values; elsewhere the failed migration is rolled back.

@Entity('fk_legacy')
class Legacy {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) note: string
}

@Entity('fk_profile')
class Profile {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20, nullable: true }) bio: string | null
}

@Entity('fk_profile')
class ProfileWithoutBio {
  @PrimaryGeneratedColumn() id: number
}

@Entity('fk_account')
class Account {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) email: string
}

@Entity('fk_account')
class AccountWithUniqueEmail {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20, unique: true }) email: string
}

describe.each(allDialects('failkeeps'))('%s: a migration that drops a table and a column, and adds a key the rows break', (label, createDatabase) => {
  let db: TestDatabase
  const sql = (text: string) => inQuotesOf(label, text)
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [Legacy, Profile, Account], 'Init')
    await db.query("INSERT INTO fk_legacy (id, note) VALUES (1, 'keep me')")
    await db.query("INSERT INTO fk_profile (id, bio) VALUES (1, 'hello')")
    await db.query("INSERT INTO fk_account (id, email) VALUES (1, 'a@x'), (2, 'a@x')")
  }, 60_000)
  afterAll(async () => db?.drop())

  it('fails changing nothing: the table and the column to drop are still there, with their values', async () => {
    const generated = await generateMigration(projectFor(db, [ProfileWithoutBio, AccountWithUniqueEmail]), 'Unique', 1_800_000_000_000)
    try {
      await expect(upgrade(projectFor(db, [ProfileWithoutBio, AccountWithUniqueEmail]))).rejects.toThrow()
    } finally {
      rmSync(generated.file!)
    }
    expect(await pendingChanges(db, [Legacy, Profile, Account])).toEqual([])
    expect(await db.query(sql('SELECT id, note FROM fk_legacy'))).toEqual([{ id: 1, note: 'keep me' }])
    expect(await db.query(sql('SELECT id, bio FROM fk_profile'))).toEqual([{ id: 1, bio: 'hello' }])
  })

  it('applies once the rows fit the key', async () => {
    await db.query("UPDATE fk_account SET email = 'b@x' WHERE id = 2")
    await migrateTo(db, [ProfileWithoutBio, AccountWithUniqueEmail], 'Unique')
    expect(await pendingChanges(db, [ProfileWithoutBio, AccountWithUniqueEmail])).toEqual([])
  })
})
