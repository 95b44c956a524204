import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// An index the entities declare with `synchronize: false` is made by hand (a GIN index on a tsvector column,
// as immich does). The diff leaves it alone; when the migration drops its column and adds it again (a
// generated column's new expression), it is created again after, in up and in down.

const searchOf = (expression: string) => Column({ type: 'tsvector', generatedType: 'STORED', asExpression: expression, nullable: true })

@Entity('doc')
@Index('doc_search', { synchronize: false })
class Doc {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) title: string
  @Column({ type: 'text', nullable: true }) body: string | null
  @searchOf(`to_tsvector('english', title)`) search: string
}

@Entity('doc')
@Index('doc_search', { synchronize: false })
class DocSearchingBody {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) title: string
  @Column({ type: 'text', nullable: true }) body: string | null
  @searchOf(`to_tsvector('english', title || ' ' || COALESCE(body, ''))`) search: string
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('skippedindex')
  await migrateTo(db, [Doc], 'Docs')
  await db.query('CREATE INDEX doc_search ON doc USING gin (search)')
  await db.query(`INSERT INTO doc (title, body) VALUES ('hello', 'world')`)
})
afterAll(async () => db?.drop())

const indexes = "SELECT indexdef FROM pg_indexes WHERE tablename = 'doc' AND indexname = 'doc_search'"

it('creates the hand-made index again after its column is dropped and added, up and down', async () => {
  const { up, source } = await expectCleanCycle(db, [Doc], [DocSearchingBody], 'SearchBody', 'SELECT id, title, search::text FROM doc ORDER BY id')
  expect(up.some((op) => op.kind === 'drop_index' || op.kind === 'create_index')).toBe(false)
  expect(source.match(/CREATE INDEX "doc_search" ON "public"\."doc" USING gin \("search"\)/g)).toHaveLength(2)
  expect(await db.query(indexes)).toEqual([{ indexdef: 'CREATE INDEX doc_search ON public.doc USING gin (search)' }])
})
