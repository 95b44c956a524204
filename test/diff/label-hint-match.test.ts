import { matchLabelHint } from '../../src/diff/label-hint-match'
import type { LabelRenameHint } from '../../src/diff/rename-types'
import type { ColumnModel, SchemaModel, TableModel } from '../../src/model/schema-model'
import { flat, typed } from './diff-case'

const column = (labels: readonly string[], extra: Partial<ColumnModel> = {}): ColumnModel => ({ name: 'status', type: 'enum', nullable: false, enumValues: [...labels], ...extra })
const table = (columns: ColumnModel[], schema?: string): TableModel => ({ ...(schema && { schema }), name: 'task', columns, indexes: [], uniques: [], foreignKeys: [], checks: [] })
const schema = (t: TableModel, enums: SchemaModel['enums'] = []): SchemaModel => ({ tables: [t], enums, schemas: [], extensions: [], views: [] })
const hint = (from: string, to: string): LabelRenameHint => ({ kind: 'label', table: { name: 'task' }, column: 'status', from, to, origin: `--rename task.status:${from}=${to}` })

describe('matchLabelHint', () => {
  const before = schema(table([column(['pending', 'done'])]))
  const after = schema(table([column(['queued', 'done'])]))

  it('renames the label of a column holding its labels', () => {
    expect(matchLabelHint(before, after, hint('pending', 'queued'), [], flat)).toEqual({
      op: { kind: 'rename_column_label', table: { name: 'task' }, column: column(['pending', 'done']), from: 'pending', to: 'queued' },
    })
  })

  it('renames the label of the enum type of the column, labels read from the type', () => {
    const typedColumn = (labels: string[]) => column(labels, { enumName: 'task_state' })
    const actual = schema(table([typedColumn(['pending', 'done'])], 'public'), [{ schema: 'public', name: 'task_state', values: ['pending', 'done'] }])
    const desired = schema(table([typedColumn(['queued', 'done'])], 'public'), [{ schema: 'public', name: 'task_state', values: ['queued', 'done'] }])
    expect(matchLabelHint(actual, desired, hint('pending', 'queued'), [], typed)).toEqual({
      op: { kind: 'rename_enum_label', enumType: { schema: 'public', name: 'task_state' }, from: 'pending', to: 'queued' },
    })
  })

  it('is spent once the database has the new label alone, or the old one no more where the entities renamed the new one again, and says why it does not apply otherwise', () => {
    expect(matchLabelHint(after, after, hint('pending', 'queued'), [], flat)).toEqual({ reason: `the database's column "task"."status" has no label 'pending'`, stale: true })
    expect(matchLabelHint(before, before, hint('pending', 'queued'), [], flat)).toEqual({ reason: `the entities' column "task"."status" has no label 'queued'`, stale: false })
    const waiting = schema(table([column(['waiting', 'done'])]))
    expect(matchLabelHint(after, waiting, hint('pending', 'queued'), [], flat)).toEqual({ reason: `the entities' column "task"."status" has no label 'queued'`, stale: true })
    const both = schema(table([column(['pending', 'queued', 'done'])]))
    expect(matchLabelHint(before, both, hint('pending', 'queued'), [], flat)).toEqual({ reason: `the entities' column "task"."status" keeps the label 'pending'`, stale: false })
    expect(matchLabelHint(both, after, hint('pending', 'queued'), [], flat)).toEqual({ reason: `the database's column "task"."status" has the label 'queued' already`, stale: false })
    const set = schema(table([column(['pending', 'done'], { type: 'set' })]))
    expect(matchLabelHint(set, schema(table([column(['queued', 'done'], { type: 'set' })])), hint('pending', 'queued'), [], flat))
      .toEqual({ reason: `"task"."status" is a set, whose values list labels: move them with an UPDATE in a migration of your own`, stale: false })
    expect(matchLabelHint(schema(table([column(['pending', 'done'], { type: 'varchar' })], 'public')), schema(table([column(['queued', 'done'])], 'public')), hint('pending', 'queued'), [], typed))
      .toEqual({ reason: `the database's column "task"."status" is not of an enum type`, stale: false })
  })
})
