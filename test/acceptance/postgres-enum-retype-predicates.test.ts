import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A column goes to, from or between enum types while a check and a partial index read it: PostgreSQL keeps
// them as text whose constants have the old type, which it cannot rebuild against the new one. They are
// dropped before the change and created again after, from the entities' text (and the database's in down).

type Kind = 'shared' | 'own' | 'varchar' | 'text'
const stateColumn = (kind: Kind) => (kind === 'varchar' || kind === 'text'
  ? Column({ type: kind, ...(kind === 'varchar' && { length: 10 }), nullable: true })
  : Column({ type: 'enum', enum: ['a', 'b', 'c'], nullable: true, ...(kind === 'shared' && { enumName: 'shared_state' }) }))

function entities(kind: Kind) {
  @Entity('task')
  @Check('CHK_task_e', `"e" IN ('a', 'b')`)
  @Check('CHK_task_not_c', `"e" <> 'c'`)
  @Index('IDX_task_live', ['id'], { where: `"e" <> 'b'` })
  class Task {
    @PrimaryColumn() id: number
    @stateColumn(kind) e: string
  }
  @Entity('other')
  class Other {
    @PrimaryColumn() id: number
    @stateColumn('shared') e: string
  }
  return [Task, Other]
}

let db: TestDatabase
afterEach(async () => db?.drop())

it.each([
  ['shared', 'own'],
  ['own', 'shared'],
  ['own', 'varchar'],
  ['shared', 'varchar'],
  ['varchar', 'own'],
  // Beside a text column PostgreSQL keeps `e <> 'b'::text`, which means what the entities' `"e" <> 'b'` does
  // (the cast is implicit): the index is made again all the same.
  ['text', 'own'],
  ['own', 'text'],
] as const)('changes the column from %s to %s, up and down', async (from, to) => {
  db = await createPostgresDatabase('enumretype')
  await migrateTo(db, entities(from), 'Tasks')
  await db.query(`INSERT INTO task (id, e) VALUES (1, 'a'), (2, 'b'), (3, NULL)`)
  await expectCleanCycle(db, entities(from), entities(to), 'Retype', 'SELECT id, e::text AS e FROM task ORDER BY id')
  await expect(db.query(`INSERT INTO task (id, e) VALUES (4, 'c')`)).rejects.toThrow(/CHK_task_e/)
})
