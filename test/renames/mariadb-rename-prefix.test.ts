import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// MariaDB indexes a TEXT column an index names whole with a prefix of its own (768 bytes); the entity's index,
// which has none, takes the database's. A column renamed with --rename is matched with the column it comes
// from, and so are the checks naming it, in backquotes or in double quotes as TypeORM's examples write them.

@Entity('post')
@Index('IDX_post_body', ['body'])
@Check('CHK_post_score', '`score` >= 0')
@Check('CHK_post_title', `"title" <> '' AND score < 100`)
class Post {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) body: string
  @Column({ type: 'varchar', length: 300 }) title: string
  @Column({ type: 'int', default: 0 }) score: number
}

@Entity('post')
@Index('IDX_post_body', ['content'])
@Check('CHK_post_score', '`points` >= 0')
@Check('CHK_post_title', `"heading" <> '' AND points < 100`)
class PostRenamed {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) content: string
  @Column({ type: 'varchar', length: 300 }) heading: string
  @Column({ type: 'int', default: 0 }) points: number
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('rename_prefix')
  await migrateTo(db, [Post], 'Init')
  await db.query(`INSERT INTO post (body, title, score) VALUES ('a long body', 'first', 3)`)
})
afterAll(async () => db?.drop())

it('renames the columns alone, keeping the prefix index and the checks, and reverts', async () => {
  const renames = parseRenameFlags(['post.body=content', 'post.title=heading', 'post.score=points'])
  const result = await generateMigration(projectFor(db, [PostRenamed]), 'Rename', 1_800_000_000_000, { renames })
  expect(result.comparison.up.map((op) => op.kind)).toEqual(['rename_column', 'rename_column', 'rename_column'])
  expect(await upgrade(projectFor(db, [PostRenamed]))).toEqual(['Rename1800000000000'])
  expect(await pendingChanges(db, [PostRenamed])).toEqual([])
  expect(await db.query(`SELECT SUB_PART AS part FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'IDX_post_body'`)).toEqual([{ part: '768' }])
  expect(await db.query('SELECT content, heading, points FROM post')).toEqual([{ content: 'a long body', heading: 'first', points: 3 }])
  await revertLast(db, [PostRenamed])
  expect(await pendingChanges(db, [Post])).toEqual([])
})
