import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { dropAndRestore, expectCleanCycle, migrateTo, pendingChanges } from '../support/migration-cycle'
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

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('triggers')
  await migrateTo(db, [Article], 'Init')
  await db.query(`CREATE FUNCTION article_search() RETURNS trigger AS $$ BEGIN NEW.search := lower(NEW.title); RETURN NEW; END $$ LANGUAGE plpgsql`)
  await db.query(`CREATE TRIGGER article_search_update BEFORE INSERT OR UPDATE OF title ON article FOR EACH ROW EXECUTE FUNCTION article_search()`)
  await db.query(`CREATE TRIGGER article_status_change BEFORE UPDATE ON article FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION article_search()`)
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
