import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, allDialects } from '../support/test-database'
import * as v from './junction-rename-entities'

// A stated entity rename carries the junction tables and join columns TypeORM derives from it, in one run.

describe.each(allDialects('junction'))('%s: renames through a junction table', (_label, createDatabase) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [v.TagV1, v.PostV1], 'Init')
    await db.query(`INSERT INTO tag (name) VALUES ('red'), ('blue')`)
    await db.query(`INSERT INTO post (title) VALUES ('one'), ('two')`)
    await db.query(`INSERT INTO post_tags_tag ("postId", "tagId") VALUES (1, 1), (1, 2), (2, 2)`)
  })
  afterAll(async () => db?.drop())

  it('renames post, tag, Post.tags and so the junction and its join columns in one migration, keeping its rows, and reverts', async () => {
    const after = [v.Label, v.Article]
    const junctionBefore = await db.query('SELECT "postId" AS owner, "tagId" AS target FROM post_tags_tag ORDER BY 1, 2')
    const result = await generateMigration(projectFor(db, after), 'RenameAll', 1_900_000_000_000)
    expect(result.comparison.suspectedRenames).toEqual([])
    expect(result.comparison.warnings.filter((w) => w.message.includes('RenamedFrom'))).toEqual([])
    expect(result.comparison.renames.map((r) => `${r.kind} ${r.table.name}: ${r.from} -> ${r.to}`)).toEqual([
      'table post: post -> article',
      'table tag: tag -> label',
      'table post_tags_tag: post_tags_tag -> article_labels_label',
      'column article_labels_label: postId -> articleId',
      'column article_labels_label: tagId -> labelId',
    ])
    expect(result.comparison.up.filter((op) => op.kind === 'drop_table' || op.kind === 'drop_column')).toEqual([])
    expect(await upgrade(projectFor(db, after))).toEqual(['RenameAll1900000000000'])
    expect(await pendingChanges(db, after)).toEqual([])
    expect(await db.query('SELECT "articleId" AS owner, "labelId" AS target FROM article_labels_label ORDER BY 1, 2')).toEqual(junctionBefore)

    await revertLast(db, after)
    expect(await pendingChanges(db, [v.TagV1, v.PostV1])).toEqual([])
    expect(await db.query('SELECT "postId" AS owner, "tagId" AS target FROM post_tags_tag ORDER BY 1, 2')).toEqual(junctionBefore)
  })
})
