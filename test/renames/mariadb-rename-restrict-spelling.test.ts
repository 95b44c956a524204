import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// A foreign key made with no action named (by hand, another tool) reads as RESTRICT on MariaDB; TypeORM's
// entity says NO ACTION, which InnoDB checks alike, and the entity's key takes the database's spelling. The
// columns and tables of a stated rename are matched under the names they come from.

@Entity('author')
class Author {
  @PrimaryGeneratedColumn() id: number
}

@Entity('post')
class Post {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) authorId: number
  @ManyToOne(() => Author) @JoinColumn({ name: 'authorId', foreignKeyConstraintName: 'FK_post_author' }) author: Author
}

@Entity('writer')
class Writer {
  @PrimaryGeneratedColumn() id: number
}

@Entity('post')
class PostRenamed {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) writerId: number
  @ManyToOne(() => Writer) @JoinColumn({ name: 'writerId', foreignKeyConstraintName: 'FK_post_author' }) writer: Writer
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('rename_restrict')
  await migrateTo(db, [Author, Post], 'Init')
  await db.query('ALTER TABLE post DROP FOREIGN KEY FK_post_author')
  await db.query('ALTER TABLE post ADD CONSTRAINT FK_post_author FOREIGN KEY (authorId) REFERENCES author (id)')
  await db.query('INSERT INTO author (id) VALUES (1)')
  await db.query('INSERT INTO post (authorId) VALUES (1)')
})
afterAll(async () => db?.drop())

it('renames the column and the table its foreign key references, and leaves the key as it is', async () => {
  expect(await pendingChanges(db, [Author, Post])).toEqual([])
  const renames = parseRenameFlags(['author=writer', 'post.authorId=writerId'])
  const result = await generateMigration(projectFor(db, [Writer, PostRenamed]), 'Rename', 1_800_000_000_000, { renames })
  expect(result.comparison.up.map((op) => op.kind).sort()).toEqual(['rename_column', 'rename_table'])
  expect(await upgrade(projectFor(db, [Writer, PostRenamed]))).toEqual(['Rename1800000000000'])
  expect(await pendingChanges(db, [Writer, PostRenamed])).toEqual([])
  expect(await db.query('SELECT writerId FROM post')).toEqual([{ writerId: 1 }])
  await revertLast(db, [Writer, PostRenamed])
  expect(await pendingChanges(db, [Author, Post])).toEqual([])
})
