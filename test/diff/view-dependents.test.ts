import { alterColumn } from '../../src/plan/column-change'
import type { ViewModel } from '../../src/model/schema-model'
import { planViews } from '../../src/diff/view-dependents'
import type { Operation } from '../../src/operations/operation'
import { column, schema, table } from '../support/model-builders'

const order = table('order', [column('id'), column('total'), column('note', 'text')])
const view = (name: string, reads: ViewModel['reads'], extra: Partial<ViewModel> = {}): ViewModel => ({ name, definition: `SELECT ${name}`, reads, ...extra })
const totals = view('totals', [{ name: 'order', columns: ['total'] }])
const notes = view('notes', [{ name: 'order', columns: ['note'] }])
const big = view('big', [{ name: 'totals' }])
const actual = schema([order], { views: [big, notes, totals] })
const retypeTotal: Operation = alterColumn({ name: 'order' }, column('total'), column('total', 'bigint'))
const breaking = (sources: ReturnType<Parameters<typeof planViews>[3]['viewBreakingChanges']>) => ({
  capabilities: { schemas: false, enumTypes: false, extensions: false, transactionalDdl: true, replacesViews: true, typeFamilies: [], typeLimits: { lengthTypes: [], integerRanges: {}, decimalTypes: [] } },
  viewBreakingChanges: () => sources,
})
const described = (ops: readonly Operation[]) =>
  ops.map((op) => (op.kind === 'drop_view' || op.kind === 'create_view' ? `${op.kind} ${op.view.name}` : op.kind === 'replace_view' ? `replace_view ${op.to.name}` : op.kind))

describe('planViews', () => {
  it('drops the views reading a retyped column, dependents first, and re-creates them after, dependencies first', () => {
    const ops = planViews([retypeTotal], actual, actual, breaking([{ name: 'order', columns: ['total'] }]))
    expect(described(ops)).toEqual(['drop_view big', 'drop_view totals', 'alter_column', 'create_view totals', 'create_view big'])
  })

  it('leaves alone the views reading other columns, and adds nothing when nothing breaks', () => {
    expect(planViews([retypeTotal], actual, actual, breaking([]))).toEqual([retypeTotal])
  })

  it('drops for good an undeclared view naming a dropped column, and re-creates a declared one with its new definition', () => {
    const dropNote: Operation = { kind: 'drop_column', table: { name: 'order' }, column: column('note', 'text') }
    const undeclared = { ...actual, views: [] }
    expect(described(planViews([dropNote], actual, undeclared, breaking([])))).toEqual(['drop_view notes', 'drop_column'])
    const declared = { ...notes, definition: 'SELECT 1' }
    const ops = planViews([dropNote], actual, { ...actual, views: [big, declared, totals] }, breaking([]))
    expect(ops.at(-1)).toEqual({ kind: 'create_view', view: declared })
  })

  it('replaces a view in place when its columns stay, and drops and creates it with its dependents when they change', () => {
    const columns = [{ name: 'total', type: 'integer' }]
    const before = schema([order], { views: [big, { ...totals, columns }] })
    const same = { ...totals, definition: 'SELECT 2', columns }
    expect(described(planViews([], before, { ...before, views: [big, same] }, breaking([])))).toEqual(['replace_view totals'])
    const wider = { ...same, columns: [...columns, { name: 'note', type: 'text' }] }
    expect(described(planViews([], before, { ...before, views: [big, wider] }, breaking([])))).toEqual([
      'drop_view big', 'drop_view totals', 'create_view totals', 'create_view big',
    ])
  })
})
