import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import { expectCleanCycle, migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// An enum type rebuilt (a label removed or the labels reordered; in down, labels added) moves its columns to
// the new type: the checks and partial indexes reading them hold constants of the old type, and are dropped
// before the rebuild and created again after it, in up and in down.

const labels = (values: string[]) => Column({ type: 'enum', enum: values, enumName: 'task_state', nullable: true })

@Entity('task')
@Check('CHK_task_state', `"state" IN ('open', 'done')`)
@Index('IDX_task_live', ['title'], { where: `"state" <> 'done'` })
class Task {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @labels(['open', 'done', 'void']) state: string
}

@Entity('task')
@Check('CHK_task_state', `"state" IN ('open', 'done')`)
@Index('IDX_task_live', ['title'], { where: `"state" <> 'done'` })
class TaskWithoutVoid {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @labels(['open', 'done']) state: string
}

@Entity('task')
@Check('CHK_task_state', `"state" IN ('open', 'done')`)
@Index('IDX_task_live', ['title'], { where: `"state" <> 'done'` })
class TaskReordered {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @labels(['void', 'done', 'open']) state: string
}

@Entity('task')
@Check('CHK_task_state_new', `"state" = 'open'`)
@Index('IDX_task_live', ['title'], { where: `"state" <> 'done'` })
class TaskCheckChanged {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @labels(['open', 'done']) state: string
}

@Entity('task')
@Check('CHK_task_any_state', `"state" IN ('open', 'done', 'void')`)
class TaskCheckingEveryLabel {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @labels(['open', 'done', 'void']) state: string
}

@Entity('task')
@Check('CHK_task_any_state', `"state" IN ('open', 'done')`)
class TaskCheckingFewerLabels {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @labels(['open', 'done']) state: string
}

let db: TestDatabase
beforeEach(async () => {
  db = await createPostgresDatabase('enumpredicates')
  await migrateTo(db, [Task], 'Tasks')
  await db.query(`INSERT INTO task (title, state) VALUES ('a', 'open'), ('b', 'done'), ('c', NULL)`)
})
afterEach(async () => db?.drop())

const rows = 'SELECT id, title, state::text AS state FROM task ORDER BY id'

it('keeps the check and the partial index of a column whose enum loses a label', async () => {
  await expectCleanCycle(db, [Task], [TaskWithoutVoid], 'DropVoid', rows)
  await expect(db.query(`INSERT INTO task (title, state) VALUES ('d', 'void')`)).rejects.toThrow(/CHK_task_state/)
})

it('keeps them where the labels are reordered', async () => {
  await expectCleanCycle(db, [Task], [TaskReordered], 'Reorder', rows)
})

it('changes a check of the column in the same migration', async () => {
  await db.query(`DELETE FROM task WHERE state = 'done'`)
  await expectCleanCycle(db, [Task], [TaskCheckChanged], 'NewCheck', rows)
})

// A down cannot be cut at a commit (its parts' downs run last first): it adds the label back by rebuilding the
// type, whose labels the check after it can use at once.
it('changes a check that names the label removed: its down rebuilds the type with the label, then adds the check, in one migration', async () => {
  await migrateTo(db, [TaskCheckingEveryLabel], 'CheckEveryLabel')
  const rowsBefore = await db.query(rows)
  const result = await generateMigration(projectFor(db, [TaskCheckingFewerLabels]), 'FewerLabels', 1_800_000_000_000)
  expect(result.written.map((w) => w.plan.name)).toEqual(['FewerLabels'])
  expect(result.plan.downStatements.map((s) => s.sql).join('\n')).not.toContain('ADD VALUE')
  expect(await upgrade(projectFor(db, [TaskCheckingFewerLabels]))).toHaveLength(1)
  expect(await pendingChanges(db, [TaskCheckingFewerLabels])).toEqual([])
  expect(await downgrade(projectFor(db, [TaskCheckingFewerLabels]), { steps: 1 })).toHaveLength(1)
  expect(await pendingChanges(db, [TaskCheckingEveryLabel])).toEqual([])
  expect(await db.query(rows)).toEqual(rowsBefore)
})
