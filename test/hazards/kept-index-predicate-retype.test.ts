import { Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// Found on daily.dev's API: keyword.status (text) has a GIN index made by a migration and declared
// `synchronize: false`, WHERE status IN ('allow', 'synonym'). Making the column an enum, the generated
// migration failed at upgrade ('operator does not exist: keyword_status = text'): PostgreSQL rebuilds the index
// from its text, whose constants are text. An index left to the database cannot be written anew by the tool,
// and generate now says so before the migration is run.

function entities(state: 'text' | 'enum') {
  @Entity('task')
  @Index('IDX_task_open', { synchronize: false })
  class Task {
    @PrimaryColumn() id: number
    @Column(state === 'text' ? { type: 'text' } : { type: 'enum', enum: ['open', 'held', 'closed'], enumName: 'task_state' }) state: string
  }
  return [Task]
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('keptpredicate')
  await migrateTo(db, entities('text'), 'Tasks')
  await db.query(`CREATE INDEX "IDX_task_open" ON task (id) WHERE state IN ('open', 'held')`)
  await db.query(`INSERT INTO task (id, state) VALUES (1, 'open'), (2, 'closed')`)
})
afterAll(async () => db?.drop())

it('names the index left to the database, whose WHERE reads a column going to an enum type, and the migration fails as it says', async () => {
  const { hazards } = await compareProject(projectFor(db, entities('enum')))
  const found = hazards.filter((h) => h.code === 'INDEX_PREDICATE_OLD_TYPE')
  expect(found.map((h) => [h.severity, h.message])).toEqual([['danger', expect.stringContaining(
    'Changes "public"."task"."state" from text to enum "task_state" while index "IDX_task_open" reads it in its WHERE: the database rebuilds it from its text, whose constants keep the old type, and the migration fails there',
  )]])
  await expect(migrateTo(db, entities('enum'), 'Retype')).rejects.toThrow(/operator does not exist: task_state = text/)
})
