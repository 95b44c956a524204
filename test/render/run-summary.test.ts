import type { MigrationPlan } from '../../src/plan/migration-plan'
import { runSummary } from '../../src/render/run-summary'

// The line a diff, check or generate ends with counts every object the plan changes: a view changed alone
// is a change (check exits 1 for it), not "no changes".

const plan = (up: MigrationPlan['up']): MigrationPlan => ({ name: 'Pending', timestamp: 0, up, upStatements: [], downStatements: [], warnings: [] })
const view = (name: string) => ({ name, definition: `SELECT 1 AS ${name}`, reads: [] })

it('counts views with tables', () => {
  expect(runSummary([plan([{ kind: 'replace_view', from: view('report'), to: { ...view('report'), definition: 'SELECT 2 AS report' } }])]).line).toBe('1 view changed')
  expect(runSummary([plan([
    { kind: 'create_view', view: view('a') },
    { kind: 'create_view', view: view('b') },
    { kind: 'drop_table', table: { name: 'old', columns: [], indexes: [], uniques: [], foreignKeys: [], checks: [] } },
  ])]).line).toBe('1 table and 2 views changed')
  expect(runSummary([plan([])]).line).toBe('no changes')
})

it('counts an object once however many of its changes, and plans, there are', () => {
  // An enum moved to another schema and given a value read "2 enums changed"; a table changed in both the
  // migration that adds enum values and the one after it, "2 tables".
  const moved = { name: 'kind', schema: 'sales' }
  const enumChanges = plan([
    { kind: 'rename_enum', from: { name: 'kind', schema: 'crm' }, to: moved },
    { kind: 'alter_enum', from: { ...moved, values: ['a'] }, to: { ...moved, values: ['a', 'b'] }, users: [] },
  ])
  expect(runSummary([enumChanges]).line).toBe('1 enum changed')
  const dropIndex = (name: string) => plan([{ kind: 'drop_index', table: { name: 'team' }, index: { name, columns: ['a'], unique: false } }])
  expect(runSummary([dropIndex('one'), dropIndex('two')]).line).toBe('1 table changed')
})

// A view dropped and created again around its tables' changes is two summary lines (- and +), but one view: the
// line counted it twice ("2 tables and 2 views changed" for one view).
it('counts a view dropped and created again once', () => {
  expect(runSummary([plan([{ kind: 'drop_view', view: view('stats') }, { kind: 'create_view', view: view('stats') }])]).line).toBe('1 view changed')
})
