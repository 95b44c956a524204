import { alterColumn } from '../../src/plan/column-change'
import { planWithRenames } from '../../src/diff/rename-plan'
import type { RenameHint } from '../../src/diff/rename-types'
import type { SchemaModel } from '../../src/model/schema-model'
import { applyOperations } from '../../src/operations/apply'
import type { Operation } from '../../src/operations/operation'
import { reverseOperations } from '../../src/operations/reverse'
import { diffSchemas } from '../../src/diff/diff-schemas'
import { column, schema, table } from '../support/model-builders'
import { flat, typed } from './diff-case'

// Renames stated by a hint (`@RenamedFrom`, `--rename`): a table or a column keeps its rows through one RENAME
// plus what remains of the diff (Alembic has no rename detection; Atlas and Prisma ask, as `generate` does).
// Index, constraint and enum type renames are in the file of each.

interface RenameCase {
  readonly name: string
  readonly before: SchemaModel
  readonly after: SchemaModel
  readonly hints: readonly RenameHint[]
  readonly operations: readonly Operation[]
}

const post = (tableName: string, body: string, extra: { length?: number } = {}) =>
  table(tableName, [column('id'), column(body, 'varchar', { length: extra.length ?? 200 })], { primaryKey: { columns: ['id'] } })
const hint = (kind: 'table' | 'column', tableName: string, from: string, to: string): RenameHint =>
  ({ kind, table: { name: tableName }, from, to, origin: `--rename ${kind === 'table' ? '' : `${tableName}.`}${from}=${to}` })

const cases: RenameCase[] = [
  {
    name: 'a renamed table is one rename_table',
    before: schema([post('post', 'body')]),
    after: schema([post('article', 'body')]),
    hints: [hint('table', 'post', 'post', 'article')],
    operations: [{ kind: 'rename_table', from: { name: 'post' }, to: { name: 'article' }, table: post('post', 'body') }],
  },
  {
    name: 'a renamed column is one rename_column',
    before: schema([post('post', 'body')]),
    after: schema([post('post', 'content')]),
    hints: [hint('column', 'post', 'body', 'content')],
    operations: [{ kind: 'rename_column', table: { name: 'post' }, from: 'body', to: 'content', column: column('body', 'varchar', { length: 200 }) }],
  },
  {
    name: 'a renamed column whose type changes too is a rename_column, then an alter_column',
    before: schema([post('post', 'body')]),
    after: schema([post('post', 'content', { length: 400 })]),
    hints: [hint('column', 'post', 'body', 'content')],
    operations: [
      { kind: 'rename_column', table: { name: 'post' }, from: 'body', to: 'content', column: column('body', 'varchar', { length: 200 }) },
      alterColumn({ name: 'post' }, column('content', 'varchar', { length: 200 }), column('content', 'varchar', { length: 400 })),
    ],
  },
  {
    name: 'a column of a renamed table renamed too is a rename_table, then a rename_column under the new name',
    before: schema([post('post', 'body')]),
    after: schema([post('article', 'content')]),
    hints: [hint('table', 'post', 'post', 'article'), hint('column', 'article', 'body', 'content')],
    operations: [
      { kind: 'rename_table', from: { name: 'post' }, to: { name: 'article' }, table: post('post', 'body') },
      { kind: 'rename_column', table: { name: 'article' }, from: 'body', to: 'content', column: column('body', 'varchar', { length: 200 }) },
    ],
  },
]

/** reversed are the hints stated from `after` back to `before`, a column's table named as `after` names it. */
const reversed = (hints: readonly RenameHint[]): RenameHint[] =>
  hints.map((h) => {
    const tableName = h.kind === 'table' ? h.to : (hints.find((t) => t.kind === 'table' && t.from === h.table.name)?.to ?? h.table.name)
    return { ...h, table: { name: tableName }, from: h.to, to: h.from }
  })
const kinds = (ops: readonly Operation[]) => ops.map((op) => op.kind).sort()

describe.each([['renaming in place', typed], ['rebuilding', flat]] as const)('%s', (_label, capabilities) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, renameCase) => {
    const { ops, unresolved } = await planWithRenames(renameCase.before, renameCase.after, capabilities, { hints: renameCase.hints })
    expect(unresolved).toEqual([])
    expect(ops).toEqual(renameCase.operations)
    // Reversing gives the inverse: the renames stated the other way round plan the same kinds of operation
    // (tables are renamed first in both directions, so their order may differ), and applying the reverse restores.
    const back = await planWithRenames(renameCase.after, renameCase.before, capabilities, { hints: reversed(renameCase.hints) })
    expect(kinds(back.ops)).toEqual(kinds(reverseOperations(ops)))
    expect(diffSchemas(applyOperations(renameCase.before, ops), renameCase.after, capabilities)).toEqual([])
    expect(diffSchemas(applyOperations(renameCase.after, reverseOperations(ops)), renameCase.before, capabilities)).toEqual([])
  })
})
