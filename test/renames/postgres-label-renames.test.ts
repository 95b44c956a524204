import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import type { Operation } from '../../src/operations/operation'
import { type GenerateOptions, generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { RenamedLabel } from '../../src/source/renamed-label'
import { type EntityList, migrateTo, pendingChanges, projectFor, revertLast, typeormProposes } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// An enum label renamed in place keeps the rows holding it: ALTER TYPE ... RENAME VALUE, where the label's
// removal and the new one's addition would fail while rows hold the old label.

@Entity('task')
@Index('IDX_task_waiting', ['id'], { where: `"status" = 'pending'` })
@Check('CHK_task_done_priority', `"status" <> 'done' OR "priority" IS NOT NULL`)
class TaskV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['pending', 'running', 'done'], enumName: 'task_state', default: 'pending' }) status: string
  @Column({ type: 'enum', enum: ['pending', 'running', 'done'], enumName: 'task_state', array: true, default: ['pending', 'done'] }) history: string[]
  @Column({ type: 'enum', enum: ['low', 'high'], nullable: true }) priority: string | null
}

@Entity('job')
class JobV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['pending', 'running', 'done'], enumName: 'task_state' }) state: string
}

@Entity('task')
@Index('IDX_task_waiting', ['id'], { where: `"status" = 'queued'` })
@Check('CHK_task_done_priority', `"status" <> 'done' OR "priority" IS NOT NULL`)
class TaskQueuedDecorated {
  @PrimaryGeneratedColumn() id: number
  @RenamedLabel('pending', 'queued')
  @Column({ type: 'enum', enum: ['queued', 'running', 'done'], enumName: 'task_state', default: 'queued' }) status: string
  @Column({ type: 'enum', enum: ['queued', 'running', 'done'], enumName: 'task_state', array: true, default: ['queued', 'done'] }) history: string[]
  @Column({ type: 'enum', enum: ['low', 'high'], nullable: true }) priority: string | null
}

@Entity('job')
class JobQueued {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['queued', 'running', 'done'], enumName: 'task_state' }) state: string
}

// The label renamed again, both hints left in place: the first names a label the entities no longer have.
@Entity('task')
@Index('IDX_task_waiting', ['id'], { where: `"status" = 'waiting'` })
@Check('CHK_task_done_priority', `"status" <> 'done' OR "priority" IS NOT NULL`)
class TaskWaitingDecorated {
  @PrimaryGeneratedColumn() id: number
  @RenamedLabel('pending', 'queued')
  @RenamedLabel('queued', 'waiting')
  @Column({ type: 'enum', enum: ['waiting', 'running', 'done'], enumName: 'task_state', default: 'waiting' }) status: string
  @Column({ type: 'enum', enum: ['waiting', 'running', 'done'], enumName: 'task_state', array: true, default: ['waiting', 'done'] }) history: string[]
  @Column({ type: 'enum', enum: ['low', 'high'], nullable: true }) priority: string | null
}

@Entity('job')
class JobWaiting {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['waiting', 'running', 'done'], enumName: 'task_state' }) state: string
}

/** The same without the decorator. */
@Entity('task')
@Index('IDX_task_waiting', ['id'], { where: `"status" = 'queued'` })
@Check('CHK_task_done_priority', `"status" <> 'done' OR "priority" IS NOT NULL`)
class TaskQueuedUndeclared {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['queued', 'running', 'done'], enumName: 'task_state', default: 'queued' }) status: string
  @Column({ type: 'enum', enum: ['queued', 'running', 'done'], enumName: 'task_state', array: true, default: ['queued', 'done'] }) history: string[]
  @Column({ type: 'enum', enum: ['low', 'high'], nullable: true }) priority: string | null
}

/** Two labels of an unshared type renamed by flags, a label added beside them, and the column renamed. */
@Entity('task')
@Index('IDX_task_waiting', ['id'], { where: `"status" = 'pending'` })
@Check('CHK_task_done_priority', `"status" <> 'done' OR "urgency" IS NOT NULL`)
class TaskUrgency {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['pending', 'running', 'done'], enumName: 'task_state', default: 'pending' }) status: string
  @Column({ type: 'enum', enum: ['pending', 'running', 'done'], enumName: 'task_state', array: true, default: ['pending', 'done'] }) history: string[]
  @Column({ type: 'enum', enum: ['minor', 'major', 'critical'], nullable: true }) urgency: string | null
}

let clock = 1_900_000_000_000

const kinds = (ops: readonly Operation[]) => ops.map((op) => op.kind)

describe('postgres: an enum label stated renamed is renamed in place', () => {
  let db: TestDatabase
  const rows = 'SELECT t.id, t.status::text AS status, t.priority::text AS priority, t.history::text AS history FROM task t ORDER BY t.id'
  const jobRows = 'SELECT id, state::text AS state FROM job ORDER BY id'
  beforeAll(async () => {
    db = await createPostgresDatabase('labelrename')
    await migrateTo(db, [TaskV1, JobV1], 'Init')
    await db.query(`INSERT INTO task (status, priority, history) VALUES ('pending', 'low', '{pending}'), ('running', 'high', '{pending,running}'), ('pending', NULL, DEFAULT), ('done', 'high', '{}')`)
    await db.query(`INSERT INTO job (state) VALUES ('pending'), ('done')`)
  })
  afterAll(async () => db?.drop())

  /** step generates from V1 to `after`, applies it, checks the rows and that nothing is left, reverts, and checks V1 and its rows back. */
  const step = async (after: EntityList, options: GenerateOptions, expectApplied: () => Promise<void>) => {
    const before = [TaskV1, JobV1]
    const rowsBefore = [await db.query(rows), await db.query(jobRows)]
    clock += 1000
    const result = await generateMigration(projectFor(db, after), 'Relabel', clock, options)
    if (!result.file) throw new Error('no changes were found')
    const source = readFileSync(result.file, 'utf8')
    expect(await upgrade(projectFor(db, after))).toEqual([`Relabel${clock}`])
    expect(await pendingChanges(db, after)).toEqual([])
    expect(await typeormProposes(db, after)).toEqual([])
    await expectApplied()
    await revertLast(db, after)
    expect(await pendingChanges(db, before)).toEqual([])
    expect([await db.query(rows), await db.query(jobRows)]).toEqual(rowsBefore)
    rmSync(result.file)
    return { up: result.comparison.up, source, hazards: result.comparison.hazards.map((h) => h.code) }
  }

  it('renames a label of a shared type stated by @RenamedLabel: every table\'s rows and the default follow it', async () => {
    const { up, source, hazards } = await step([TaskQueuedDecorated, JobQueued], {}, async () => {
      expect((await db.query<{ status: string }>(rows)).map((r) => r.status)).toEqual(['queued', 'running', 'queued', 'done'])
      expect(await db.query(jobRows)).toEqual([{ id: 1, state: 'queued' }, { id: 2, state: 'done' }])
      expect((await db.query<{ history: string }>(rows)).map((r) => r.history)).toEqual(['{queued}', '{queued,running}', '{queued,done}', '{}'])
      await db.query('INSERT INTO task (priority) VALUES (NULL)')
      expect(await db.query(`SELECT status::text AS status, history::text AS history FROM task WHERE priority IS NULL AND id > 4`)).toEqual([{ status: 'queued', history: '{queued,done}' }])
      await db.query('DELETE FROM task WHERE id > 4')
    })
    // The partial index naming the new label is made again: the entities' predicate cannot be read by the server
    // before the label exists. Its `down` re-creates it naming the label as it is then, before renaming it back.
    expect(kinds(up)).toEqual(['rename_enum_label', 'drop_index', 'create_index'])
    expect(source).toContain(`ALTER TYPE "public"."task_state" RENAME VALUE 'pending' TO 'queued'`)
    expect(source).toContain(`ALTER TYPE "public"."task_state" RENAME VALUE 'queued' TO 'pending'`)
    expect(hazards).not.toContain('ENUM_VALUE_REMOVED')
    expect(hazards).toContain('RENAME')
  })

  it('renames labels stated by --rename beside a label added and the column renamed', async () => {
    const renames = parseRenameFlags(['task.priority=urgency', 'task.urgency:low=minor', 'task.urgency:high=major'])
    const { up, hazards } = await step([TaskUrgency, JobV1], { renames }, async () => {
      expect((await db.query<{ urgency: string | null }>('SELECT urgency::text AS urgency FROM task ORDER BY id')).map((r) => r.urgency))
        .toEqual(['minor', 'major', null, 'major'])
    })
    expect(kinds(up)).toEqual(['rename_column', 'rename_enum_label', 'rename_enum_label', 'rename_enum', 'alter_enum'])
    expect(hazards).not.toContain('ENUM_VALUE_REMOVED')
  })

  it('without a statement the label is removed and added, and rows holding it are counted', async () => {
    clock += 1000
    const result = await generateMigration(projectFor(db, [TaskQueuedUndeclared, JobQueued]), 'Relabel', clock, { dryRun: true })
    expect(kinds(result.comparison.up)).not.toContain('rename_enum_label')
    const removed = result.comparison.hazards.filter((h) => h.code === 'ENUM_VALUE_REMOVED')
    const counts = Object.fromEntries(removed.map((h) => [`${h.column?.table.name ?? ''}.${h.column?.name ?? ''}`, h.measurement?.count]))
    expect(counts).toEqual({ 'job.state': 1, 'task.status': 2, 'task.history': 3 })
    const advice = (flag: string) => `move those rows to another value first, or, where a label was renamed, state it: @RenamedLabel('pending', 'queued') on the column, or ${flag}.`
    expect(removed.find((h) => h.column?.name === 'state')!.message).toContain(advice('--rename job.state:pending=queued'))
    expect(removed.find((h) => h.column?.name === 'status')!.message).toContain(advice('--rename task.status:pending=queued'))
  })

  it('ignores a spent @RenamedLabel once the database has the new label', async () => {
    await migrateTo(db, [TaskQueuedDecorated, JobQueued], 'Queued')
    expect(await pendingChanges(db, [TaskQueuedDecorated, JobQueued])).toEqual([])
    const result = await generateMigration(projectFor(db, [TaskQueuedDecorated, JobQueued]), 'Again', clock + 5000, { dryRun: true })
    expect(result.comparison.warnings.map((w) => w.code)).not.toContain('RENAME_HINT_IGNORED')
    await revertLast(db, [TaskQueuedDecorated, JobQueued])
    const folder = join(db.dir, 'migrations')
    for (const file of readdirSync(folder).filter((f) => f.includes('Queued'))) rmSync(join(folder, file))
  })

  it('ignores, without a warning, a spent @RenamedLabel whose new label was renamed again since', async () => {
    await migrateTo(db, [TaskQueuedDecorated, JobQueued], 'Queued')
    const renamedAgain = await generateMigration(projectFor(db, [TaskWaitingDecorated, JobWaiting]), 'Waiting', clock + 6000, { dryRun: true })
    expect(renamedAgain.comparison.warnings.map((w) => w.code)).not.toContain('RENAME_HINT_IGNORED')
    expect(renamedAgain.comparison.up).toContainEqual({ kind: 'rename_enum_label', enumType: { schema: 'public', name: 'task_state' }, from: 'queued', to: 'waiting' })
    await migrateTo(db, [TaskWaitingDecorated, JobWaiting], 'Waiting')
    const spent = await generateMigration(projectFor(db, [TaskWaitingDecorated, JobWaiting]), 'Again', clock + 6000, { dryRun: true })
    expect(spent.comparison.warnings.map((w) => w.code)).not.toContain('RENAME_HINT_IGNORED')
    expect(await pendingChanges(db, [TaskWaitingDecorated, JobWaiting])).toEqual([])
    await revertLast(db, [TaskWaitingDecorated, JobWaiting])
    await revertLast(db, [TaskQueuedDecorated, JobQueued])
    const folder = join(db.dir, 'migrations')
    for (const file of readdirSync(folder).filter((f) => f.includes('Queued') || f.includes('Waiting'))) rmSync(join(folder, file))
  })

  it('refuses a --rename of a label the database does not have', async () => {
    await expect(generateMigration(projectFor(db, [TaskQueuedDecorated, JobQueued]), 'Bad', clock + 9000, { renames: parseRenameFlags(['task.status:waiting=queued']) }))
      .rejects.toThrow(`--rename task.status:waiting=queued does not apply: the database's column "task"."status" has no label 'waiting'`)
  })
})
