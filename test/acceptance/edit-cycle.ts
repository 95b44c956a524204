import { upgrade } from '../../src/runner/migration-runner'
import { expectCleanCycle, migrateTo, pendingChanges, projectFor, type EntityList } from '../support/migration-cycle'
import type { TestDatabase } from '../support/test-database'
import * as v from './edit-entities'

/**
 * describeEditCycle runs, on one dialect, every edit of the "Done when" list as a full cycle: generate,
 * apply with TypeORM's runner, expect no further diff, check rows, revert, expect the old schema and rows.
 * Each step then re-applies its migration so that the next edit starts from it. From the second step on, a
 * view reads both tables: every later edit keeps it working (its view operations are checked apart).
 */
export function describeEditCycle(label: string, createDatabase: () => Promise<TestDatabase>): void {
  describe(`${label}: every edit applies, leaves no diff, keeps rows and reverts`, () => {
    let db: TestDatabase
    beforeAll(async () => {
      db = await createDatabase()
      await migrateTo(db, [v.AuthorV1], 'Init')
      await db.query(`INSERT INTO author (name) VALUES ('Ada'), ('Grace'), ('Edsger')`)
    })
    afterAll(async () => db?.drop())

    const authors = 'SELECT id, name FROM author ORDER BY id'
    const posts = 'SELECT id, title, "authorId" FROM post ORDER BY id'
    const view = 'SELECT author_name, title FROM author_posts ORDER BY author_name, title'
    const isView = (kind: string) => kind.endsWith('_view')
    const step = async (before: EntityList, after: EntityList, name: string, rows = authors) => {
      const withView = (list: EntityList) => (viewAdded && list.some((e) => postVersions.includes(e)) ? [...list, v.AuthorPosts] : list)
      const viewRowsBefore = viewAdded ? await db.query(view) : []
      const result = await expectCleanCycle(db, withView(before), withView(after), name, rows)
      await upgrade(projectFor(db, withView(after)))
      expect(await pendingChanges(db, withView(after))).toEqual([])
      if (viewAdded && withView(after).includes(v.AuthorPosts)) expect(await db.query(view)).toEqual(viewRowsBefore)
      const all = result.up.map((op) => op.kind)
      return { ...result, kinds: all.filter((k) => !isView(k)), viewKinds: all.filter(isView) }
    }
    let viewAdded = false
    const postVersions: EntityList = [v.PostV2, v.PostV6, v.PostV7, v.PostV8]

    it('adds an entity', async () => {
      const { kinds } = await step([v.AuthorV1], [v.AuthorV1, v.PostV2], 'AddPost')
      expect(kinds).toEqual(['create_table'])
      await db.query(`INSERT INTO post (title, "authorId") VALUES ('Hello', 1), ('World', 2)`)
    })

    it('adds a view reading both tables', async () => {
      const result = await expectCleanCycle(db, [v.AuthorV1, v.PostV2], [v.AuthorV1, v.PostV2, v.AuthorPosts], 'AddAuthorPosts', authors)
      expect(result.up.map((op) => op.kind)).toEqual(['create_view'])
      await upgrade(projectFor(db, [v.AuthorV1, v.PostV2, v.AuthorPosts]))
      expect(await db.query(view)).toEqual([{ author_name: 'Ada', title: 'Hello' }, { author_name: 'Grace', title: 'World' }])
      viewAdded = true
    })

    it('adds a nullable column', async () => {
      const { kinds } = await step([v.AuthorV1, v.PostV2], [v.AuthorV3, v.PostV2], 'AddBio')
      expect(kinds).toEqual(['add_column'])
      await db.query(`UPDATE author SET bio = 'wrote things' WHERE id = 1`)
    })

    it('adds a NOT NULL column with a default, filling existing rows', async () => {
      const { kinds } = await step([v.AuthorV3, v.PostV2], [v.AuthorV4, v.PostV2], 'AddRating')
      expect(kinds).toEqual(['add_column'])
      expect((await db.query<{ rating: unknown }>('SELECT rating FROM author')).map((r) => Number(r.rating))).toEqual([0, 0, 0])
      await db.query(`UPDATE author SET rating = 3 WHERE id = 2`)
    })

    it("changes a column's type, length and default, keeping the values", async () => {
      const ratings = 'SELECT id, name, bio, rating FROM author ORDER BY id'
      const { kinds, viewKinds, rowsAfter } = await step([v.AuthorV4, v.PostV2], [v.AuthorV5, v.PostV2], 'WidenAuthor', ratings)
      expect(kinds).toEqual(['alter_column', 'alter_column'])
      // The view reads author.name, whose type changes (PostgreSQL) and whose table is rebuilt (SQLite); a
      // MySQL view is resolved again at each query, so a type change leaves it alone.
      expect(viewKinds).toEqual(db.label === 'mariadb' ? [] : ['drop_view', 'create_view'])
      expect(rowsAfter.map((r) => Number((r as { rating: unknown }).rating))).toEqual([0, 3, 0])
      await db.query(`INSERT INTO author (name) VALUES ('${'x'.repeat(100)}')`)
      expect((await db.query<{ rating: unknown }>('SELECT rating FROM author WHERE id = 4')).map((r) => Number(r.rating))).toEqual([5])
    })

    it('adds an index, a unique constraint, a foreign key and a check', async () => {
      const { kinds } = await step([v.AuthorV5, v.PostV2], [v.AuthorV6, v.PostV6], 'AddConstraints', posts)
      // MySQL indexes a foreign key's columns: the index backing it is created with it.
      const backingIndex = db.label === 'mariadb' ? ['create_index'] : []
      expect([...kinds].sort()).toEqual(['add_check', 'add_foreign_key', 'add_unique', 'create_index', ...backingIndex])
      await expect(db.query(`INSERT INTO post (title, "authorId") VALUES ('Orphan', 999)`)).rejects.toThrow()
      await expect(db.query(`UPDATE author SET rating = -1 WHERE id = 1`)).rejects.toThrow()
    })

    it("changes a check's expression", async () => {
      const { kinds } = await step([v.AuthorV6, v.PostV6], [v.AuthorV7, v.PostV7], 'NarrowRating')
      expect(kinds).toEqual(['drop_check', 'add_check'])
      await expect(db.query(`UPDATE author SET rating = 11 WHERE id = 1`)).rejects.toThrow()
    })

    it('drops a column', async () => {
      const { kinds } = await step([v.AuthorV7, v.PostV7], [v.AuthorV8, v.PostV8], 'DropBio')
      expect(kinds).toEqual(['drop_column'])
    })

    it('removes an entity and drops its table', async () => {
      const { kinds, viewKinds } = await step([v.AuthorV8, v.PostV8], [v.AuthorV8], 'DropPost')
      expect(kinds).toEqual(['drop_foreign_key', 'drop_table'])
      expect(viewKinds).toEqual(['drop_view'])
      expect(await pendingChanges(db, [v.AuthorV8])).toEqual([])
    })
  })
}
