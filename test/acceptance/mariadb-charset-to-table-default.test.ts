import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// fantasticit/wipi declares `charset: 'utf8mb4'` on its content columns, its tables being of the database's
// default charset (utf8mb3 on older servers). Removing the charset from the entity makes the column its table's
// utf8mb3, which has no emoji: no CHARSET_NARROWING was reported and no check ran first (the change went to `none`,
// which the rule and the guard skipped), so the MODIFY failed half-way or, outside strict mode, wrote '?'.

function entities(declared: boolean) {
  @Entity('article')
  class Article {
    @PrimaryColumn({ type: 'varchar', length: 36 }) id: string
    @Column({ type: 'mediumtext', nullable: true, ...(declared && { charset: 'utf8mb4' }) }) body: string
  }
  return [Article]
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('charset_to_table')
  await db.query('ALTER DATABASE CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci')
  await migrateTo(db, entities(true), 'Init')
  await db.query("INSERT INTO article (id, body) VALUES ('a1', CONVERT(0x6869F09F9880 USING utf8mb4)), ('a2', 'plain')")
})
afterAll(async () => db?.drop())

it('a column whose own charset is dropped for its table\'s narrower one is CHARSET_NARROWING, checked before the ALTER', async () => {
  const { hazards } = await compareProject(projectFor(db, entities(false)))
  expect(hazards.filter((h) => h.code === 'CHARSET_NARROWING').map((h) => h.message)).toEqual([
    expect.stringContaining('Gives "article"."body" charset utf8mb3'),
  ])
  expect(hazards.find((h) => h.code === 'CHARSET_NARROWING')!.message).toContain('1 value')
  const result = await generateMigration(projectFor(db, entities(false)), 'Plain', 1_800_000_000_000)
  await expect(upgrade(projectFor(db, entities(false)))).rejects.toThrow(/cannot store/)
  expect(result.file).toBeDefined()
  expect(await db.query("SELECT HEX(body) AS body FROM article WHERE id = 'a1'")).toEqual([{ body: '6869F09F9880' }])
})
