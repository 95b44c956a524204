import { Column, Entity, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'
import { upgrade } from '../../../src/runner/migration-runner'
import { compareProject } from '../../../src/pipeline/compare-project'
import { parseRenameFlags } from '../../../src/cli/rename-flag'

// fantasticit/wipi declares `charset: 'utf8mb4'` on its content columns, for a database whose default is another
// charset. Generated against a utf8mb4 database, the migration left the charset out (it is that database's
// default): run where the default is latin1, the columns were made latin1, and `check` then wanted them changed.
// A column the database does not have yet is made with the charset and collation it declares; a key column that
// declares none still takes the database's default, as the column it references did.

function entities(step: 1 | 2 | 3) {
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
  @Entity('remark')
  class Remark {
    @PrimaryGeneratedColumn() id: number
    @ManyToOne(() => PostWithContent, { onDelete: 'CASCADE' }) post: PostWithContent
  }
  return step === 1 ? [Post] : step === 2 ? [PostWithContent] : [PostWithContent, Remark]
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
  const init = await migrateTo(db, entities(1), 'Init')
  expect(init.source.replaceAll('\\`', '`')).toContain('`body` mediumtext CHARACTER SET `utf8mb4` NULL')
  expect(init.source.replaceAll('\\`', '`')).toContain('`slug` varchar(40) CHARACTER SET `utf8mb4` COLLATE `utf8mb4_bin` NOT NULL')
  const added = await migrateTo(db, entities(2), 'AddContent')
  expect(added.source.replaceAll('\\`', '`')).toContain('`content` text CHARACTER SET `utf8mb4` NULL')
  const remark = await migrateTo(db, entities(3), 'AddRemark')
  expect(remark.source.replaceAll('\\`', '`')).toContain('`postId` varchar(36) NULL')
  expect(await pendingChanges(db, entities(3))).toEqual([])

  // The same migrations, run where the default charset is latin1: the key's columns are both latin1.
  for (let i = 0; i < 3; i++) await revertLast(db, entities(3))
  await db.query(`ALTER DATABASE CHARACTER SET latin1 COLLATE latin1_swedish_ci`)
  await upgrade(projectFor(db, entities(3)))
  expect(await charsets()).toEqual([
    { name: 'body', charset: 'utf8mb4', collation: 'utf8mb4_general_ci' },
    { name: 'content', charset: 'utf8mb4', collation: 'utf8mb4_general_ci' },
    { name: 'id', charset: 'latin1', collation: 'latin1_swedish_ci' },
    { name: 'slug', charset: 'utf8mb4', collation: 'utf8mb4_bin' },
  ])
  expect(await pendingChanges(db, entities(3))).toEqual([])
})

describe('a renamed column that declares its charset', () => {
  function posts(renamed: boolean | 'table') {
    @Entity('note')
    class Note {
      @PrimaryColumn({ type: 'varchar', length: 36 }) id: string
      @Column({ type: 'mediumtext', nullable: true, charset: 'utf8mb4' }) text: string
    }
    @Entity('note')
    class RenamedNote {
      @PrimaryColumn({ type: 'varchar', length: 36 }) id: string
      @Column({ type: 'mediumtext', nullable: true, charset: 'utf8mb4' }) body: string
    }
    @Entity('memo')
    class Memo {
      @PrimaryColumn({ type: 'varchar', length: 36 }) id: string
      @Column({ type: 'mediumtext', nullable: true, charset: 'utf8mb4' }) text: string
    }
    return [renamed === 'table' ? Memo : renamed ? RenamedNote : Note]
  }
  let notes: TestDatabase
  beforeAll(async () => {
    notes = await createMariaDbDatabase('declared_charset_rename')
    await notes.query(`ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`)
    await migrateTo(notes, posts(false), 'Init')
  })
  afterAll(async () => notes?.drop())

  it('is only renamed, stated by a flag or confirmed at the prompt, as is its renamed table', async () => {
    const byFlag = await compareProject(projectFor(notes, posts(true)), { renames: parseRenameFlags(['note.text=body']) })
    expect(byFlag.up.map((op) => op.kind)).toEqual(['rename_column'])
    const byPrompt = await compareProject(projectFor(notes, posts(true)), { ask: async () => true })
    expect(byPrompt.up.map((op) => op.kind)).toEqual(['rename_column'])
    const tableByPrompt = await compareProject(projectFor(notes, posts('table')), { ask: async () => true })
    expect(tableByPrompt.up.map((op) => op.kind)).toEqual(['rename_table'])
  })
})
