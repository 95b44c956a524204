import { alterColumn } from '../../src/plan/column-change'
import type { ViewModel } from '../../src/model/schema-model'
import { planViews } from '../../src/diff/view-dependents'
import type { Operation } from '../../src/operations/operation'
import { applyOperations } from '../../src/operations/apply'
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

  describe('indexes of a materialized view that stays', () => {
    const byTotal = { name: 'by_total', columns: ['total'], unique: false }
    const byNote = { name: 'by_note', columns: ['note'], unique: true, where: 'note IS NOT NULL' }
    const materialized = view('sums', [{ name: 'order', columns: ['total', 'note'] }], { materialized: true, indexes: [byTotal] })
    const before = schema([order], { views: [materialized] })
    const indexed = (indexes: ViewModel['indexes']) => ({ ...before, views: [{ ...materialized, indexes }] })
    const on = { name: 'sums' }

    it('drops the indexes it loses before the table changes and creates those it gains last, on the view', () => {
      const after = indexed([byNote])
      const ops = planViews([retypeTotal], before, after, breaking([]))
      expect(ops).toEqual([{ kind: 'drop_index', table: on, index: byTotal, onMaterializedView: true }, retypeTotal, { kind: 'create_index', table: on, index: byNote, onMaterializedView: true }])
      expect(applyOperations(before, ops).views).toEqual(after.views)
      const { indexes: _none, ...unindexed } = materialized
      expect(applyOperations(before, planViews([], before, { ...before, views: [unindexed] }, breaking([]))).views).toEqual([unindexed])
    })

    it('drops and creates again an index whose definition changes under the same name', () => {
      const wider = { ...byTotal, columns: ['total', 'note'] }
      expect(planViews([], before, indexed([wider]), breaking([]))).toEqual([
        { kind: 'drop_index', table: on, index: byTotal, onMaterializedView: true }, { kind: 'create_index', table: on, index: wider, onMaterializedView: true },
      ])
    })

    it('leaves an index that differs only in its name, and the indexes of a view the entities do not declare', () => {
      expect(planViews([], before, indexed([{ ...byTotal, name: 'renamed' }]), breaking([]))).toEqual([])
      expect(planViews([], before, { ...before, views: [] }, breaking([]))).toEqual([])
    })

    it('leaves them to the view when the migration drops and creates it again', () => {
      const after = indexed([byTotal, byNote])
      const ops = planViews([retypeTotal], before, after, breaking([{ name: 'order', columns: ['total'] }]))
      expect(ops).toEqual([{ kind: 'drop_view', view: materialized }, retypeTotal, { kind: 'create_view', view: after.views[0] }])
    })
  })
})
