import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { dropAndRestore, expectCleanCycle, migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
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

// PostgreSQL refuses to drop a column a trigger reads: generate says so up front, naming the trigger, and
// upgrade fails as it says, changing nothing.
it('warns of a migration that drops a column a trigger reads, which fails at upgrade as it says, changing nothing', async () => {
  const dropped = await createPostgresDatabase('trigger_reads')
  try {
    await migrateTo(dropped, [Article], 'Init')
    for (const sql of articleTriggers) await dropped.query(sql)
    const project = projectFor(dropped, [ArticleWithoutStatus])
    const { comparison } = await generateMigration(project, 'DropStatus', Date.now())
    expect(comparison.hazards.filter((h) => h.code === 'TRIGGER_READS_COLUMN').map((h) => h.message)).toEqual([
      expect.stringMatching(/^Drops column "public"\."article"\."status", which trigger "article_status_change" on "public"\."article" reads: the database refuses to drop a column a trigger depends on, so upgrade fails/),
    ])
    await expect(upgrade(projectFor(dropped, [ArticleWithoutStatus]))).rejects.toThrow(/cannot drop column status of table article because other objects depend on it/)
    expect(await pendingChanges(dropped, [Article])).toEqual([])
  } finally {
    await dropped.drop()
  }
})

// A column renamed and retyped in one migration, its table renamed too: the trigger is created again from what
// PostgreSQL prints for it after the renames, up and down.
@Entity('story')
class StoryHeadline {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 10 }) code: string
  @Column({ type: 'text' }) headline: string
  @Column({ type: 'varchar', length: 20 }) status: string
  @Column({ type: 'text', default: '' }) search: string
}

it.each([
  ['a column a trigger reads renamed and retyped', [ArticleHeadline], ['article.title=headline'], 'UPDATE OF headline ON public.article'],
  ['that column and its table renamed, the column retyped', [StoryHeadline], ['article=story', 'story.title=headline'], 'UPDATE OF headline ON public.story'],
] as const)('keeps the triggers through %s in one migration, up and down', async (_what, entities, renames, printed) => {
  const both = await createPostgresDatabase('trigger_rename_retype')
  try {
    await migrateTo(both, [Article], 'Init')
    // The function reads no column the migration renames: PostgreSQL follows a rename in the trigger, not in a function's body.
    await both.query(`CREATE FUNCTION article_fired() RETURNS trigger AS $$ BEGIN NEW.search := NEW.search || '+'; RETURN NEW; END $$ LANGUAGE plpgsql`)
    for (const sql of articleTriggers.slice(1)) await both.query(sql.replace('article_search()', 'article_fired()'))
    await both.query(`INSERT INTO article (code, title, status) VALUES ('a1', 'Ada', 'draft')`)
    const project = projectFor(both, [...entities])
    const { comparison } = await generateMigration(project, 'RenameRetype', Date.now(), { renames: parseRenameFlags([...renames]) })
    expect(comparison.hazards.filter((h) => h.code === 'TRIGGER_READS_COLUMN')).toEqual([])
    await upgrade(projectFor(both, [...entities]))
    expect(await pendingChanges(both, [...entities])).toEqual([])
    const table = entities[0] === StoryHeadline ? 'story' : 'article'
    const definitions = () => both.query<{ definition: string }>(`SELECT pg_get_triggerdef(oid) AS definition FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`)
    expect((await definitions())[0]!.definition).toContain(printed)
    await both.query(`UPDATE ${table} SET headline = 'Bo'`)
    expect(await both.query(`SELECT search FROM ${table}`)).toEqual([{ search: '++' }])
    expect(await both.query(`SELECT to_regclass('pg_temp.typeorm_autogen_triggers') AS kept`)).toEqual([{ kept: null }])
    await revertLast(both, [...entities])
    expect(await pendingChanges(both, [Article])).toEqual([])
    expect((await definitions()).map((d) => d.definition)).toEqual([
      expect.stringContaining('UPDATE OF title ON public.article'), expect.stringContaining('(old.status)::text IS DISTINCT FROM (new.status)::text'),
    ])
    await both.query(`UPDATE article SET title = 'Cy'`)
    expect(await both.query('SELECT search FROM article')).toEqual([{ search: '+++' }])
  } finally {
    await both.drop()
  }
})

// A trigger's PL/pgSQL function names columns as NEW.x, which PostgreSQL does not track: a rename or drop of one
// succeeds, and every write the trigger fires on fails from then on (record "new" has no field ...).
@Entity('article')
class ArticleStamped {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 10 }) code: string
  @Column({ type: 'varchar', length: 40 }) title: string
  @Column({ type: 'varchar', length: 20 }) status: string
  @Column({ type: 'text', default: '' }) search: string
  @Column({ type: 'timestamptz', nullable: true }) changedAt: Date | null
}

// code and status go too: the function names them only in a comment and in a string.
@Entity('article')
class ArticleStampedRenamed {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) headline: string
  @Column({ type: 'text', default: '' }) search: string
}

it('warns of a rename or drop of a column a trigger\'s function names, which breaks the trigger', async () => {
  const stamped = await createPostgresDatabase('trigger_function_reads')
  try {
    await migrateTo(stamped, [ArticleStamped], 'Init')
    await stamped.query(`CREATE FUNCTION article_stamp() RETURNS trigger AS $$
      BEGIN
        -- NEW.code is named in a comment only
        NEW."changedAt" := now(); NEW.search := lower(new.TITLE) || 'old.status';
        RETURN NEW;
      END $$ LANGUAGE plpgsql`)
    await stamped.query('CREATE TRIGGER article_stamp BEFORE UPDATE ON article FOR EACH ROW EXECUTE FUNCTION article_stamp()')
    await stamped.query('CREATE TRIGGER article_stamp_again BEFORE INSERT ON article FOR EACH ROW EXECUTE FUNCTION article_stamp()')
    await stamped.query(`INSERT INTO article (code, title, status) VALUES ('a1', 'Ada', 'draft')`)
    expect(await pendingChanges(stamped, [ArticleStamped])).toEqual([])
    const project = projectFor(stamped, [ArticleStampedRenamed])
    const { comparison } = await generateMigration(project, 'RenameTitle', Date.now(), { renames: parseRenameFlags(['article.title=headline']) })
    expect(comparison.hazards.filter((h) => h.code === 'TRIGGER_READS_COLUMN').map((h) => h.message)).toEqual([
      'Renames column "public"."article"."title" to "headline", but triggers "article_stamp", "article_stamp_again" on "public"."article" name it by its old name ' +
        'in their functions as NEW or OLD: every write the trigger fires on fails from then on (unknown column); change the function (CREATE OR REPLACE FUNCTION) ' +
        'to the new name after the rename in up, and back to the old name in down.',
      'Drops column "public"."article"."changedAt", which triggers "article_stamp", "article_stamp_again" on "public"."article" read in their functions as NEW or OLD: ' +
        'every write the trigger fires on fails from then on (unknown column); change the function (CREATE OR REPLACE FUNCTION) in this migration, or keep the column.',
    ])
    // What the hazard says: the migration runs, and the trigger fails when it next fires.
    await upgrade(projectFor(stamped, [ArticleStampedRenamed]))
    await expect(stamped.query(`UPDATE article SET headline = 'Bo'`)).rejects.toThrow(/record "new" has no field "changedAt"/)
  } finally {
    await stamped.drop()
  }
})
