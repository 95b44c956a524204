import { readFileSync } from 'node:fs'
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { dropAndRestore, expectCleanCycle, migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A trigger made by hand (or by a migration of the project's own, as Omnivore's search vectors are kept) that
// fires on `UPDATE OF` a column, or reads it in its WHEN: PostgreSQL refuses to change that column's type
// ("cannot alter type of a column used in a trigger definition"). The migration drops the trigger before the
// change and creates it again after, in up and in down, and the diff never reports it.

@Entity('article')
class Article {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 10 }) code: string
  @Column({ type: 'varchar', length: 40 }) title: string
  @Column({ type: 'varchar', length: 20 }) status: string
  @Column({ type: 'text', default: '' }) search: string
}

@Entity('article')
class ArticleRetyped {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) code: string
  @Column({ type: 'text' }) title: string
  @Column({ type: 'varchar', length: 40 }) status: string
  @Column({ type: 'text', default: '' }) search: string
}

@Entity('note')
class Note {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) body: string
}

const articleTriggers = [
  `CREATE FUNCTION article_search() RETURNS trigger AS $$ BEGIN NEW.search := lower(NEW.title); RETURN NEW; END $$ LANGUAGE plpgsql`,
  `CREATE TRIGGER article_search_update BEFORE INSERT OR UPDATE OF title ON article FOR EACH ROW EXECUTE FUNCTION article_search()`,
  `CREATE TRIGGER article_status_change BEFORE UPDATE ON article FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION article_search()`,
]

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('triggers')
  await migrateTo(db, [Article], 'Init')
  for (const sql of articleTriggers) await db.query(sql)
  await db.query(`INSERT INTO article (code, title, status) VALUES ('a1', 'Ada', 'draft')`)
})
afterAll(async () => db?.drop())

const triggers = () => db.query<{ name: string }>(`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`)

it('keeps the triggers through type changes of the columns they read, up and down, and never reports them', async () => {
  expect(await pendingChanges(db, [Article])).toEqual([])
  const { source } = await expectCleanCycle(db, [Article], [ArticleRetyped], 'Retype', 'SELECT id, code, title, status, search FROM article')
  expect(source).toContain('DROP TRIGGER "article_search_update" ON "public"."article"')
  expect(source).toContain('CREATE TRIGGER article_search_update BEFORE INSERT OR UPDATE OF title ON public.article')
  // The three column changes still share one ALTER TABLE, between the drops and the creates.
  expect(source.match(/ALTER TABLE "public"."article" ALTER COLUMN/g)).toHaveLength(2)
  expect(await triggers()).toEqual([{ name: 'article_search_update' }, { name: 'article_status_change' }])
  await db.query(`UPDATE article SET title = 'Bo'`)
  expect(await db.query('SELECT search FROM article')).toEqual([{ search: 'bo' }])
})

it('gives a table that up drops its triggers back in down', async () => {
  const { source } = await dropAndRestore(() => createPostgresDatabase('dropped_triggers'), [Article, Note], [Article], [
    `CREATE FUNCTION note_body() RETURNS trigger AS $$ BEGIN NEW.body := trim(NEW.body); RETURN NEW; END $$ LANGUAGE plpgsql`,
    `CREATE TRIGGER note_body_trim BEFORE INSERT OR UPDATE OF body ON note FOR EACH ROW EXECUTE FUNCTION note_body()`,
  ], async (restored) => {
    await restored.query(`INSERT INTO note (body) VALUES ('  kept  ')`)
    expect(await restored.query('SELECT body FROM note')).toEqual([{ body: 'kept' }])
  })
  expect(source).toContain('DROP TABLE "public"."note"')
})

@Entity('article')
class ArticleWithoutStatus {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 10 }) code: string
  @Column({ type: 'varchar', length: 40 }) title: string
  @Column({ type: 'text', default: '' }) search: string
}

@Entity('article')
class ArticleHeadline {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 10 }) code: string
  @Column({ type: 'text' }) headline: string
  @Column({ type: 'varchar', length: 20 }) status: string
  @Column({ type: 'text', default: '' }) search: string
}

@Entity('article')
class ArticleHeadlineKept {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 10 }) code: string
  @Column({ type: 'varchar', length: 40 }) headline: string
  @Column({ type: 'varchar', length: 20 }) status: string
  @Column({ type: 'text', default: '' }) search: string
}

// What PostgreSQL refuses while the trigger reads the column, and the migration cannot work around from the
// trigger's text: generate says so up front, naming the trigger, and upgrade fails as it says, changing nothing.
describe.each([
  ['drops a column a trigger reads', [ArticleWithoutStatus], [], /^Drops column "public"\."article"\."status", which trigger "article_status_change" on "public"\."article" reads: the database refuses to drop a column a trigger depends on, so upgrade fails/, /cannot drop column status of table article because other objects depend on it/],
  ['renames and retypes a column a trigger reads', [ArticleHeadline], ['article.title=headline'], /^Changes the type of "public"\."article"\."title", which trigger "article_search_update" on "public"\."article" reads, in the migration that renames it or its table/, /cannot alter type of a column used in a trigger definition/],
] as const)('a migration that %s', (_what, entities, renames, hazard, failure) => {
  let trigger: TestDatabase
  beforeAll(async () => {
    trigger = await createPostgresDatabase('trigger_reads')
    await migrateTo(trigger, [Article], 'Init')
    for (const sql of articleTriggers) await trigger.query(sql)
  })
  afterAll(async () => trigger?.drop())

  it('is a hazard naming the trigger, and fails at upgrade as it says, changing nothing', async () => {
    const project = projectFor(trigger, [...entities])
    const comparison = await compareProject(project, { renames: parseRenameFlags([...renames]) })
    expect(comparison.hazards.filter((h) => h.code === 'TRIGGER_READS_COLUMN').map((h) => h.message)).toEqual([expect.stringMatching(hazard)])
    await generateMigration(project, 'Breaks', undefined, { renames: parseRenameFlags([...renames]) })
    await expect(upgrade(projectFor(trigger, [...entities]))).rejects.toThrow(failure)
    expect(await pendingChanges(trigger, [Article])).toEqual([])
  })
})

it('renames a column a trigger reads in one migration and retypes it in the next, as the hazard advises', async () => {
  const split = await createPostgresDatabase('trigger_split')
  try {
    await migrateTo(split, [Article], 'Init')
    await split.query(`CREATE FUNCTION article_search() RETURNS trigger AS $$ BEGIN NEW.search := lower(NEW.code); RETURN NEW; END $$ LANGUAGE plpgsql`)
    await split.query(`CREATE TRIGGER article_search_update BEFORE INSERT OR UPDATE OF title ON article FOR EACH ROW EXECUTE FUNCTION article_search()`)
    const now = Date.now()
    const renamed = await generateMigration(projectFor(split, [ArticleHeadlineKept]), 'Rename', now, { renames: parseRenameFlags(['article.title=headline']) })
    expect(renamed.comparison.hazards.filter((h) => h.code === 'TRIGGER_READS_COLUMN')).toEqual([])
    await upgrade(projectFor(split, [ArticleHeadlineKept]))
    const retyped = await generateMigration(projectFor(split, [ArticleHeadline]), 'Retype', now + 1000)
    expect(retyped.comparison.hazards.filter((h) => h.code === 'TRIGGER_READS_COLUMN')).toEqual([])
    expect(readFileSync(retyped.file!, 'utf8')).toContain('CREATE TRIGGER article_search_update BEFORE INSERT OR UPDATE OF headline ON public.article')
    await upgrade(projectFor(split, [ArticleHeadline]))
    expect(await pendingChanges(split, [ArticleHeadline])).toEqual([])
  } finally {
    await split.drop()
  }
})
