import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// An enum type renamed in place keeps its oid: the partial indexes and checks reading its columns follow it, and
// PostgreSQL prints their casts with the new name, bare where it reads the same bare (`'open'::task_status`).
// Renaming the type is the whole change; they are not dropped and made again.

function entities(enumName: string) {
  @Entity('task')
  @Check('CHK_task_state', `"state" <> 'closed' OR "title" <> ''`)
  @Index('IDX_task_open', ['title'], { where: `"state" = 'open'` })
  class Task {
    @PrimaryColumn() id: number
    @Column() title: string
    @Column({ type: 'enum', enum: ['open', 'closed'], enumName }) state: string
  }
  return [Task]
}

let db: TestDatabase
afterEach(async () => db?.drop())

it.each([
  ['task_state', 'task_status'],
  ['task_state', 'TaskStatus'],
  ['TaskState', 'task_status'],
])('renames enum type %s to %s and leaves the index and check reading it alone', async (from, to) => {
  db = await createPostgresDatabase('enumrenamepred')
  await migrateTo(db, entities(from), 'Tasks')
  await db.query(`INSERT INTO task (id, title, state) VALUES (1, 'a', 'open'), (2, 'b', 'closed')`)
  expect((await pendingChanges(db, entities(to))).map((op) => op.kind)).toEqual(['rename_enum'])
  await expectCleanCycle(db, entities(from), entities(to), 'RenameType', 'SELECT id, title, state::text AS state FROM task ORDER BY id')
})

it.each([
  ['task_state', 'task_status'],
  ['task_state', 'TaskStatus'],
])('with keepDatabaseNames, finds nothing to change where enum type %s is named %s', async (from, to) => {
  db = await createPostgresDatabase('enumrenamekeep')
  await migrateTo(db, entities(from), 'Tasks')
  expect((await compareProject(projectFor(db, entities(to), { keepDatabaseNames: true }))).up).toEqual([])
})
