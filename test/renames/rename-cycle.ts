import { readdirSync, rmSync } from 'node:fs'
import type { SuspectedRename } from '../../src/diff/rename-types'
import type { Operation } from '../../src/operations/operation'
import { type GenerateOptions, generateMigration } from '../../src/pipeline/generate-migration'
import { RenamesUnresolvedError } from '../../src/pipeline/renames-unresolved-error'
import { upgrade } from '../../src/runner/migration-runner'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { type EntityList, migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import type { TestDatabase } from '../support/test-database'
import * as v from './rename-entities'

let clock = 1_800_000_000_000

/** RenameStep is one migration generated with rename options, applied, checked and reverted. */
interface RenameStep {
  readonly up: readonly Operation[]
  readonly rowsAfter: readonly unknown[]
}

/**
 * renameStep generates the migration from the database (at `before`) to `after` with `options`, applies it,
 * expects no further diff, reads `rowsQuery`, reverts it, expects `before` and the rows back, and deletes
 * the file so that the next step starts from the same database.
 */
async function renameStep(
  db: TestDatabase, before: EntityList, after: EntityList, options: GenerateOptions, rowsQuery: string, rowsBeforeQuery: string,
  whileApplied: () => Promise<void> = async () => {},
): Promise<RenameStep> {
  const rowsBefore = await db.query(rowsBeforeQuery)
  clock += 1000
  const result = await generateMigration(projectFor(db, after), 'Rename', clock, options)
  if (!result.file) throw new Error('renameStep: no changes were found')
  expect(await upgrade(projectFor(db, after))).toEqual([`Rename${clock}`])
  expect(await pendingChanges(db, after)).toEqual([])
  const rowsAfter = await db.query(rowsQuery)
  await whileApplied()
  await revertLast(db, after)
  expect(await pendingChanges(db, before)).toEqual([])
  expect(await db.query(rowsBeforeQuery)).toEqual(rowsBefore)
  rmSync(result.file)
  return { up: result.comparison.up, rowsAfter }
}

const kinds = (ops: readonly Operation[]) => ops.map((op) => op.kind)

/**
 * describeRenames runs the rename cases on one dialect: a column renamed while another is added, and a
 * table renamed, each stated by decorator, by flag or at the prompt, keep every row and revert; without any
 * of those generate stops, and with acceptDataLoss it writes the drop and add.
 */
export function describeRenames(label: string, createDatabase: () => Promise<TestDatabase>): void {
  describe(`${label}: a stated rename keeps every row`, () => {
    let db: TestDatabase
    const posts = 'SELECT id, title, body FROM post ORDER BY id'
    const renamedPosts = 'SELECT id, title, content AS body FROM post ORDER BY id'
    beforeAll(async () => {
      db = await createDatabase()
      await migrateTo(db, [v.PostV1], 'Init')
      await db.query(`INSERT INTO post (title, body) VALUES ('one', 'first body'), ('two', NULL), ('three', 'third')`)
    })
    afterAll(async () => db?.drop())

    const expectRenamed = async (after: EntityList, options: GenerateOptions) => {
      const step = await renameStep(db, [v.PostV1], after, options, renamedPosts, posts)
      expect(kinds(step.up)).toEqual(['rename_column', 'add_column'])
      expect(step.rowsAfter).toEqual(await db.query(posts))
      return step
    }

    it('renames a column stated by @RenamedFrom while adding another', async () => {
      await expectRenamed([v.PostContentDecorated], {})
    })

    it('renames a column stated by --rename', async () => {
      await expectRenamed([v.PostContent], { renames: parseRenameFlags(['post.body=content']) })
    })

    it('renames a column confirmed at the prompt', async () => {
      const asked: SuspectedRename[] = []
      await expectRenamed([v.PostContent], { ask: async (suspect) => (asked.push(suspect), true) })
      expect(asked).toEqual([{ kind: 'column', table: expect.objectContaining({ name: 'post' }), from: 'body', to: 'content', reasons: ['same type text', 'same position'] }])
    })

    // As a drop and an add, MariaDB skipped ADD COLUMN IF NOT EXISTS Body (the table has it, as body) and dropped body.
    it('renames a column whose name changes only in case, unstated, where column names ignore case', async () => {
      if (label === 'postgres') {
        await expect(generateMigration(projectFor(db, [v.PostBodyCased]), 'Rename', clock + 1)).rejects.toThrow(RenamesUnresolvedError)
        return
      }
      const step = await renameStep(db, [v.PostV1], [v.PostBodyCased], {}, 'SELECT id, title, Body AS body FROM post ORDER BY id', posts)
      expect(step.up).toEqual([expect.objectContaining({ kind: 'rename_column', from: 'body', to: 'Body' })])
      expect(step.rowsAfter).toEqual(await db.query(posts))
    })

    it('renames a table stated by @RenamedFrom, and back', async () => {
      const step = await renameStep(db, [v.PostV1], [v.ArticleDecorated], {}, 'SELECT id, title, body FROM article ORDER BY id', posts)
      expect(kinds(step.up).filter((k) => k !== 'rename_constraint' && k !== 'rename_index')).toEqual(['rename_table'])
      expect(step.rowsAfter).toEqual(await db.query(posts))
    })

    it('renames a table stated by --rename, or confirmed at the prompt', async () => {
      const byFlag = await renameStep(db, [v.PostV1], [v.Article], { renames: parseRenameFlags(['post=article']) }, 'SELECT id, title, body FROM article ORDER BY id', posts)
      expect(kinds(byFlag.up)[0]).toBe('rename_table')
      const byPrompt = await renameStep(db, [v.PostV1], [v.Article], { ask: async () => true }, 'SELECT id, title, body FROM article ORDER BY id', posts)
      expect(byPrompt.up).toEqual(byFlag.up)
    })

    it('without a hint or a prompt, stops and writes nothing', async () => {
      const files = readdirSync(projectFor(db, []).migrationsDir)
      const attempt = generateMigration(projectFor(db, [v.PostContent]), 'Rename', clock + 1)
      await expect(attempt).rejects.toThrow(RenamesUnresolvedError)
      await expect(attempt).rejects.toThrow(
        "post.body may have been renamed to post.content: add @RenamedFrom('body') to PostContent.content, or pass --rename post.body=content; pass --accept-data-loss to drop and add instead",
      )
      expect(readdirSync(projectFor(db, []).migrationsDir)).toEqual(files)
    })

    it('with acceptDataLoss, drops and adds as the warning says', async () => {
      clock += 1000
      const result = await generateMigration(projectFor(db, [v.PostContent]), 'DropAdd', clock, { acceptDataLoss: true })
      expect(kinds(result.comparison.up)).toEqual(['drop_column', 'add_column', 'add_column'])
      // The snapshot still names the Rename migration reverted and deleted above (SNAPSHOT_STALE, see test/snapshot).
      expect(result.plan.warnings.filter((w) => w.code !== 'SNAPSHOT_STALE').map((w) => w.message)).toEqual([
        "post.body may have been renamed to post.content (same type text, same position): add @RenamedFrom('body') to PostContent.content, " +
          'or pass --rename post.body=content; as it stands it is dropped and added, losing its data',
      ])
      await upgrade(projectFor(db, [v.PostContent]))
      expect(await db.query('SELECT content FROM post ORDER BY id')).toEqual([{ content: null }, { content: null }, { content: null }])
    })
  })

  describe(`${label}: names derived from a renamed table and column follow them`, () => {
    let db: TestDatabase
    const before = [v.RichPostV1, v.RichCommentV1]
    const after = [v.RichArticleV2, v.RichCommentV2]
    beforeAll(async () => {
      db = await createDatabase()
      await migrateTo(db, before, 'Init')
      await db.query(`INSERT INTO post (title, body, status) VALUES ('one', 'first', 'live'), ('two', 'second', 'draft')`)
      await db.query(`INSERT INTO comment (text, "postId") VALUES ('nice', 1), ('meh', 2)`)
    })
    afterAll(async () => db?.drop())

    it('renames the table, the column, its index and constraints, re-creates the check, and keeps the rows', async () => {
      const posts = 'SELECT id, title, body, status FROM post ORDER BY id'
      const renamed = 'SELECT id, title, content AS body, status FROM article ORDER BY id'
      const step = await renameStep(db, before, after, {}, renamed, posts, async () => {
        // The key's sequence followed the table: a new row gets the next id.
        await db.query(`INSERT INTO article (title, content) VALUES ('three', 'third')`)
        expect(await db.query(`SELECT id FROM article WHERE title = 'three'`)).toEqual([{ id: 3 }])
        await db.query(`DELETE FROM article WHERE id = 3`)
      })
      expect(kinds(step.up).slice(0, 2)).toEqual(['rename_table', 'rename_column'])
      expect(kinds(step.up)).toEqual(expect.arrayContaining(['rename_index', 'rename_constraint']))
      // The check follows the column; it is re-created only where the database spells it otherwise than the entity.
      expect(kinds(step.up).filter((k) => k.startsWith('drop_'))).toEqual(kinds(step.up).filter((k) => k === 'drop_check'))
      expect(step.rowsAfter).toEqual(await db.query(posts))
      expect(await db.query('SELECT id, text, "postId" FROM comment ORDER BY id')).toEqual([
        { id: 1, text: 'nice', postId: 1 },
        { id: 2, text: 'meh', postId: 2 },
      ])
    })
  })
}
