import { Column, Entity, PrimaryColumn } from 'typeorm'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'
import { upgrade } from '../../../src/runner/migration-runner'

// fantasticit/wipi declares `charset: 'utf8mb4'` on its content columns, for a database whose default is another
// charset. Generated against a utf8mb4 database, the migration left the charset out (it is that database's
// default): run where the default is latin1, the columns were made latin1, and `check` then wanted them changed.
// A column the database does not have yet is made with the charset and collation it declares.

function entities(withContent: boolean) {
  @Entity('post')
  class Post {
    @PrimaryColumn({ type: 'varchar', length: 36 }) id: string
    @Column({ type: 'mediumtext', nullable: true, charset: 'utf8mb4' }) body: string
    @Column({ type: 'varchar', length: 40, collation: 'utf8mb4_bin' }) slug: string
  }
  @Entity('post')
  class PostWithContent extends Post {
    @Column({ type: 'text', nullable: true, charset: 'utf8mb4' }) content: string
  }
  return [withContent ? PostWithContent : Post]
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('declared_charset')
  await db.query(`ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`)
})
afterAll(async () => db?.drop())

const charsets = () => db.query<{ name: string; charset: string; collation: string }>(
  `SELECT COLUMN_NAME AS name, CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation FROM information_schema.COLUMNS
   WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post' AND CHARACTER_SET_NAME IS NOT NULL ORDER BY COLUMN_NAME`)

it('a table and a column made by a migration get the charset and collation they declare, whatever the database\'s default', async () => {
  const init = await migrateTo(db, entities(false), 'Init')
  expect(init.source.replaceAll('\\`', '`')).toContain('`body` mediumtext CHARACTER SET `utf8mb4` NULL')
  expect(init.source.replaceAll('\\`', '`')).toContain('`slug` varchar(40) CHARACTER SET `utf8mb4` COLLATE `utf8mb4_bin` NOT NULL')
  const added = await migrateTo(db, entities(true), 'AddContent')
  expect(added.source.replaceAll('\\`', '`')).toContain('`content` text CHARACTER SET `utf8mb4` NULL')
  expect(await pendingChanges(db, entities(true))).toEqual([])

  // The same migrations, run where the default charset is latin1.
  await revertLast(db, entities(true))
  await revertLast(db, entities(true))
  await db.query(`ALTER DATABASE CHARACTER SET latin1 COLLATE latin1_swedish_ci`)
  await upgrade(projectFor(db, entities(true)))
  expect(await charsets()).toEqual([
    { name: 'body', charset: 'utf8mb4', collation: 'utf8mb4_general_ci' },
    { name: 'content', charset: 'utf8mb4', collation: 'utf8mb4_general_ci' },
    { name: 'id', charset: 'latin1', collation: 'latin1_swedish_ci' },
    { name: 'slug', charset: 'utf8mb4', collation: 'utf8mb4_bin' },
  ])
  expect(await pendingChanges(db, entities(true))).toEqual([])
})
