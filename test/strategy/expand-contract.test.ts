import type { SchemaModel } from '../../src/model/schema-model'
import { applyOperations } from '../../src/operations/apply'
import type { AlterColumn, Operation } from '../../src/operations/operation'
import { reverseOperations } from '../../src/operations/reverse'
import { splitExpandContract } from '../../src/strategy/expand-contract'
import { column, schema, table } from '../support/model-builders'
import { alterColumn } from '../../src/plan/column-change'

const post = { name: 'post' }
const id = column('id', 'integer', { generated: { kind: 'increment' } })
const title = column('title', 'varchar', { length: 100 })
const body = column('body', 'text')
const before = schema([
  table('post', [id, title, body], {
    primaryKey: { name: 'PK_post', columns: ['id'] },
    indexes: [{ name: 'IDX_body', columns: ['body'], unique: false }],
    checks: [{ name: 'CHK_body', expression: `"body" <> ''` }],
  }),
])
const always = () => true
const never = () => false

/** sorted puts columns in name order: expand and contract add columns at the end, which no diff minds. */
const sorted = (model: SchemaModel): SchemaModel => ({
  ...model,
  tables: model.tables.map((t) => ({ ...t, columns: [...t.columns].sort((a, b) => (a.name < b.name ? -1 : 1)) })),
})

/** expectPhases checks that expand then contract reach where `ops` do, and that each down leads back. */
function expectPhases(ops: readonly Operation[], isRisky: (op: AlterColumn) => boolean) {
  const split = splitExpandContract(ops, before, isRisky)
  const afterExpand = applyOperations(before, split.expand)
  const after = applyOperations(afterExpand, split.contract)
  expect(sorted(after)).toEqual(sorted(applyOperations(before, ops)))
  expect(sorted(applyOperations(after, reverseOperations(split.contract)))).toEqual(sorted(afterExpand))
  expect(sorted(applyOperations(afterExpand, reverseOperations(split.expand)))).toEqual(sorted(before))
  return split
}

describe('splitExpandContract', () => {
  it('moves a renamed column into its new name: add, copy; then copy into the empty rows, drop, NOT NULL', () => {
    const ops: Operation[] = [
      { kind: 'rename_column', table: post, from: 'body', to: 'content', column: body },
      { kind: 'rename_index', table: post, from: 'IDX_body', to: 'IDX_content', index: before.tables[0]!.indexes[0]! },
      { kind: 'drop_check', table: post, check: { name: 'CHK_body', expression: `"content" <> ''` } },
      { kind: 'add_check', table: post, check: { name: 'CHK_content', expression: `"content" <> ''` } },
      { kind: 'add_column', table: post, column: column('views', 'integer', { default: '0' }) },
    ]
    const split = expectPhases(ops, never)
    const content = column('content', 'text', { nullable: true })
    const relaxed = { ...body, nullable: true }
    expect(split.expand).toEqual([
      ops[4],
      alterColumn(post, body, relaxed),
      { kind: 'add_column', table: post, column: content },
      { kind: 'copy_column', table: post, from: relaxed, to: content, rows: 'empty' },
      { kind: 'create_index', table: post, index: { name: 'IDX_content', columns: ['content'], unique: false } },
      { kind: 'add_check', table: post, check: { name: 'CHK_content', expression: `"content" <> ''` } },
    ])
    expect(split.contract).toEqual([
      { kind: 'drop_index', table: post, index: { name: 'IDX_body', columns: ['body'], unique: false } },
      { kind: 'drop_check', table: post, check: { name: 'CHK_body', expression: `"body" <> ''` } },
      { kind: 'copy_column', table: post, from: relaxed, to: content, rows: 'empty' },
      { kind: 'drop_column', table: post, column: relaxed },
      alterColumn(post, content, column('content', 'text')),
    ])
    expect(split.keptInPlace).toEqual([])
  })

  it('moves a narrowing type change through a temporary column, renamed into place in contract', () => {
    const to = { ...title, length: 20 }
    const ops: Operation[] = [alterColumn(post, title, to)]
    const split = expectPhases(ops, always)
    const temporary = { ...to, name: 'title__new', nullable: true }
    const relaxed = { ...title, nullable: true }
    expect(split.expand).toEqual([
      { kind: 'add_column', table: post, column: temporary },
      { kind: 'copy_column', table: post, from: title, to: temporary, rows: 'empty' },
    ])
    expect(split.contract).toEqual([
      alterColumn(post, title, relaxed),
      { kind: 'copy_column', table: post, from: relaxed, to: temporary, rows: 'all' },
      { kind: 'drop_column', table: post, column: relaxed },
      { kind: 'rename_column', table: post, from: 'title__new', to: 'title', column: temporary },
      alterColumn(post, { ...temporary, name: 'title' }, to),
    ])
    expect(split.temporaryRenames).toEqual([split.contract[3]])
  })

  it('re-creates the index of a column whose cast may fail after contract renames the new column into place', () => {
    const to = column('body', 'integer', { default: '0' })
    const ops: Operation[] = [alterColumn(post, body, to)]
    const split = expectPhases(ops, always)
    expect(split.expand.map((op) => op.kind)).toEqual(['add_column', 'copy_column'])
    expect(split.contract.map((op) => op.kind)).toEqual([
      'drop_index', 'drop_check', 'alter_column', 'copy_column', 'drop_column', 'rename_column', 'alter_column', 'create_index', 'add_check',
    ])
    expect(split.contract.at(-3)).toEqual(alterColumn(post, { ...to, name: 'body', nullable: true, default: undefined }, to))
  })

  it('leaves a change with nothing risky as it is, with no contract', () => {
    const ops: Operation[] = [
      alterColumn(post, title, { ...title, length: 200 }),
      { kind: 'add_column', table: post, column: column('views', 'integer', { default: '0' }) },
    ]
    expect(splitExpandContract(ops, before, never)).toEqual({ expand: ops, contract: [], moved: [], keptInPlace: [], temporaryRenames: [] })
  })

  it('renames an enum label in place, in expand, saying so', () => {
    const ops: Operation[] = [{ kind: 'rename_enum_label', enumType: { schema: 'public', name: 'post_state' }, from: 'draft', to: 'pending' }]
    expect(splitExpandContract(ops, before, never)).toEqual({
      expand: ops, contract: [], moved: [], temporaryRenames: [],
      keptInPlace: [`label 'draft' of enum "post_state" is renamed to 'pending' in place, in expand: code writing the old label fails from then on`],
    })
  })

  it('keeps a rename of a primary key column in place, saying why', () => {
    const ops: Operation[] = [
      { kind: 'rename_column', table: post, from: 'id', to: 'key', column: id },
      { kind: 'add_column', table: post, column: column('views', 'integer', { default: '0' }) },
    ]
    const split = splitExpandContract(ops, before, never)
    expect(split.contract).toEqual([])
    expect(split.expand).toEqual(ops)
    expect(split.keptInPlace).toEqual(['column "post"."id" renamed to "key" stays in place: the database generates its values'])
  })

  it('keeps a rename of the case alone in place where column names ignore case, and moves it where they do not', () => {
    const ops: Operation[] = [{ kind: 'rename_column', table: post, from: 'body', to: 'Body', column: body }]
    const inPlace = splitExpandContract(ops, before, never, { columnNamesIgnoreCase: true })
    expect([inPlace.expand, inPlace.contract]).toEqual([ops, []])
    expect(inPlace.keptInPlace).toEqual([
      'column "post"."body" renamed to "Body" stays in place: the database ignores the case of column names, so code using either name finds it',
    ])
    expect(splitExpandContract(ops, before, never).moved.map((m) => m.added)).toEqual(['Body'])
  })
})
