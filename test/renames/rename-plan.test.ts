import type { DialectCapabilities } from '../../src/dialect/dialect'
import { postgresTypeFamilies, postgresTypeLimits } from '../../src/dialect/postgres/postgres-type-families'
import { diffSchemas } from '../../src/diff/diff-schemas'
import { planWithRenames } from '../../src/diff/rename-plan'
import type { RenameHint, SuspectedRename } from '../../src/diff/rename-types'
import type { SchemaModel, TableModel } from '../../src/model/schema-model'
import { applyOperations } from '../../src/operations/apply'
import type { Operation } from '../../src/operations/operation'
import { reverseOperations } from '../../src/operations/reverse'
import { column, schema, table } from '../support/model-builders'
import { alterColumn } from '../../src/plan/column-change'

const plain: DialectCapabilities = { schemas: false, enumTypes: false, extensions: false, transactionalDdl: true, typeFamilies: postgresTypeFamilies, typeLimits: postgresTypeLimits }
const withEnums: DialectCapabilities = { ...plain, schemas: true, enumTypes: true, extensions: true }
const id = column('id', 'integer', { generated: { kind: 'increment' } })
const post = { name: 'post' }

const columnHint = (tableName: string, from: string, to: string): RenameHint =>
  ({ kind: 'column', table: { name: tableName }, from, to, origin: `--rename ${tableName}.${from}=${to}` })
const tableHint = (from: string, to: string): RenameHint => ({ kind: 'table', table: { name: from }, from, to, origin: `--rename ${from}=${to}` })

/** expectRoundTrip checks that `ops` lead from `actual` to `desired` and their reverse back. */
function expectRoundTrip(actual: SchemaModel, desired: SchemaModel, ops: readonly Operation[], capabilities = plain): void {
  const after = applyOperations(actual, ops)
  expect(diffSchemas(after, desired, capabilities)).toEqual([])
  expect(diffSchemas(applyOperations(after, reverseOperations(ops)), actual, capabilities)).toEqual([])
}

describe('planWithRenames: columns', () => {
  const before = schema([table('post', [id, column('body', 'text', { nullable: true })])])
  const after = schema([table('post', [id, column('content', 'text', { nullable: true }), column('views', 'integer', { default: '0' })])])

  it('turns a hinted drop and add into one rename, beside the rest of the diff', async () => {
    const plan = await planWithRenames(before, after, plain, { hints: [columnHint('post', 'body', 'content')] })
    expect(plan.ops).toEqual([
      { kind: 'rename_column', table: post, from: 'body', to: 'content', column: before.tables[0]!.columns[1]! },
      { kind: 'add_column', table: post, column: column('views', 'integer', { default: '0' }) },
    ])
    expect(plan.renames).toEqual([{ kind: 'column', table: post, from: 'body', to: 'content' }])
    expect(plan.unresolved).toEqual([])
    expectRoundTrip(before, after, plan.ops)
  })

  it('without a hint or an answer, reports the suspected rename and keeps the drop and add', async () => {
    const plan = await planWithRenames(before, after, plain)
    expect(plan.unresolved).toEqual([
      { kind: 'column', table: post, from: 'body', to: 'content', reasons: ['same type text', 'same position'] },
    ])
    expect(plan.ops.map((op) => op.kind)).toEqual(['drop_column', 'add_column', 'add_column'])
  })

  it('asks about each suspected rename: yes renames, no drops and adds', async () => {
    const asked: SuspectedRename[] = []
    const yes = await planWithRenames(before, after, plain, { ask: async (s) => (asked.push(s), true) })
    expect(asked.map((s) => `${s.from}->${s.to}`)).toEqual(['body->content'])
    expect(yes.ops.map((op) => op.kind)).toEqual(['rename_column', 'add_column'])
    const no = await planWithRenames(before, after, plain, { ask: async () => false })
    expect(no.ops.map((op) => op.kind)).toEqual(['drop_column', 'add_column', 'add_column'])
    expect(no.unresolved).toEqual([])
  })

  it('adds an AlterColumn when the renamed column changes too', async () => {
    const wider = schema([table('post', [id, column('content', 'varchar', { length: 500 })])])
    const from = schema([table('post', [id, column('body', 'varchar', { length: 200 })])])
    const plan = await planWithRenames(from, wider, plain, { hints: [columnHint('post', 'body', 'content')] })
    expect(plan.ops).toEqual([
      { kind: 'rename_column', table: post, from: 'body', to: 'content', column: from.tables[0]!.columns[1]! },
      alterColumn(post, column('content', 'varchar', { length: 200 }), column('content', 'varchar', { length: 500 })),
    ])
    expectRoundTrip(from, wider, plan.ops)
  })

  it('lets checks and partial indexes follow the renamed column, as the databases do, and re-creates them if they differ then', async () => {
    const from = schema([table('post', [id, column('body', 'text', { nullable: true })], {
      checks: [{ name: 'CHK_a', expression: `body <> ''` }, { name: 'CHK_b', expression: `length(body) < 100` }],
      indexes: [{ name: 'IDX_filled', columns: ['id'], unique: false, where: 'body IS NOT NULL' }],
    })])
    const to = schema([table('post', [id, column('content', 'text', { nullable: true })], {
      checks: [{ name: 'CHK_a', expression: `content <> ''` }, { name: 'CHK_b', expression: `length(content) < 200` }],
      indexes: [{ name: 'IDX_filled', columns: ['id'], unique: false, where: 'content IS NOT NULL' }],
    })])
    const plan = await planWithRenames(from, to, plain, { hints: [columnHint('post', 'body', 'content')] })
    // The models' expressions are canonical, as the dialects read them (a name that reads the same bare unquoted).
    // The dropped check is stated as the database has it after the rename, so that `down` can add it back
    // before renaming the column back.
    expect(plan.ops).toEqual([
      { kind: 'rename_column', table: post, from: 'body', to: 'content', column: from.tables[0]!.columns[1]! },
      { kind: 'drop_check', table: post, check: { name: 'CHK_b', expression: `length(content) < 100` } },
      { kind: 'add_check', table: post, check: { name: 'CHK_b', expression: `length(content) < 200` } },
    ])
    expectRoundTrip(from, to, plan.ops)
  })

  it('renames the indexes and constraints named after the column, and other tables follow the key it references', async () => {
    const author = (key: string, names: { pk: string; index: string; unique: string }) =>
      table('author', [column(key, 'integer'), column('name', 'text')], {
        primaryKey: { name: names.pk, columns: [key] },
        indexes: [{ name: names.index, columns: [key, 'name'], unique: false }],
        uniques: [{ name: names.unique, columns: [key] }],
      })
    const book = (key: string) => table('book', [id, column('authorId', 'integer')], {
      foreignKeys: [{ name: 'FK_book_author', columns: ['authorId'], referencedTable: 'author', referencedColumns: [key], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }],
    })
    const from = schema([author('code', { pk: 'PK_a1', index: 'IDX_a1', unique: 'UQ_a1' }), book('code')])
    const to = schema([author('ref', { pk: 'PK_b1', index: 'IDX_b1', unique: 'UQ_b1' }), book('ref')])
    const plan = await planWithRenames(from, to, plain, { hints: [columnHint('author', 'code', 'ref')] })
    expect(plan.ops).toEqual([
      { kind: 'rename_column', table: { name: 'author' }, from: 'code', to: 'ref', column: from.tables[0]!.columns[0]! },
      { kind: 'rename_index', table: { name: 'author' }, from: 'IDX_a1', to: 'IDX_b1', index: { ...from.tables[0]!.indexes[0]!, columns: ['ref', 'name'] } },
      { kind: 'rename_constraint', table: { name: 'author' }, constraint: 'primary_key', from: 'PK_a1', to: 'PK_b1', primaryKey: { name: 'PK_a1', columns: ['ref'] } },
      { kind: 'rename_constraint', table: { name: 'author' }, constraint: 'unique', from: 'UQ_a1', to: 'UQ_b1', unique: { name: 'UQ_a1', columns: ['ref'] } },
    ])
    expectRoundTrip(from, to, plan.ops)
  })

  // Issue 8 changed this: an index that differs only in its name is no longer dropped and re-created.
  it('leaves a name that is taken, and where renames are not in place, the database\'s names', async () => {
    const from = schema([
      table('post', [id, column('body', 'text')], { indexes: [{ name: 'IDX_1', columns: ['body'], unique: false }] }),
      table('tag', [id], { indexes: [{ name: 'IDX_2', columns: ['id'], unique: false }] }),
    ])
    const to = schema([
      table('post', [id, column('content', 'text')], { indexes: [{ name: 'IDX_2', columns: ['content'], unique: false }] }),
      table('tag', [id], { indexes: [{ name: 'IDX_3', columns: ['id'], unique: false }] }),
    ])
    const plan = await planWithRenames(from, to, plain, { hints: [columnHint('post', 'body', 'content')] })
    expect(plan.ops.map((op) => op.kind)).toEqual(['rename_column'])
    expectRoundTrip(from, to, plan.ops)
  })
})

describe('planWithRenames: tables', () => {
  const pk = (name: string) => ({ name, columns: ['id'] })
  const before = schema([
    table('post', [id, column('title', 'varchar', { length: 100 }), column('body', 'text', { nullable: true })], {
      primaryKey: pk('PK_post'),
      indexes: [{ name: 'IDX_post_title', columns: ['title'], unique: false }],
    }),
    table('comment', [id, column('postId', 'integer')], {
      primaryKey: pk('PK_comment'),
      foreignKeys: [{ name: 'FK_comment_post', columns: ['postId'], referencedTable: 'post', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }],
    }),
  ])
  const after = schema([
    table('article', [id, column('title', 'varchar', { length: 100 }), column('content', 'text', { nullable: true })], {
      primaryKey: pk('PK_article'),
      indexes: [{ name: 'IDX_article_title', columns: ['title'], unique: false }],
    }),
    table('comment', [id, column('postId', 'integer')], {
      primaryKey: pk('PK_comment'),
      foreignKeys: [{ name: 'FK_comment_post', columns: ['postId'], referencedTable: 'article', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }],
    }),
  ])
  const article = { name: 'article' }

  it('renames a hinted table, its column named by the old table name, and what is named after them', async () => {
    const plan = await planWithRenames(before, after, plain, { hints: [tableHint('post', 'article'), columnHint('post', 'body', 'content')] })
    expect(plan.ops).toEqual([
      { kind: 'rename_table', from: post, to: article, table: before.tables[0]! },
      { kind: 'rename_column', table: article, from: 'body', to: 'content', column: before.tables[0]!.columns[2]! },
      { kind: 'rename_index', table: article, from: 'IDX_post_title', to: 'IDX_article_title', index: before.tables[0]!.indexes[0]! },
      { kind: 'rename_constraint', table: article, constraint: 'primary_key', from: 'PK_post', to: 'PK_article', primaryKey: before.tables[0]!.primaryKey! },
    ])
    expectRoundTrip(before, after, plan.ops)
  })

  it('asks about a suspected table first, then about the columns of the renamed table', async () => {
    const asked: string[] = []
    const plan = await planWithRenames(before, after, plain, { ask: async (s) => (asked.push(`${s.kind} ${s.from}->${s.to} ${s.reasons.join('/')}`), true) })
    expect(asked).toEqual(['table post->article 2 of 3 columns equal', 'column body->content same type text/same position'])
    expect(plan.ops.map((op) => op.kind)).toEqual(['rename_table', 'rename_column', 'rename_index', 'rename_constraint'])
  })

  it('without hints, drops the old table and creates the new one, reporting the suspicion', async () => {
    const plan = await planWithRenames(before, after, plain)
    expect(plan.unresolved.map((s) => [s.kind, s.from, s.to])).toEqual([['table', 'post', 'article']])
    expect(plan.ops.map((op) => op.kind)).toContain('drop_table')
  })

  it('renames an enum type used only by a column of a renamed table', async () => {
    const status = (enumName: string) => column('status', 'enum', { enumName, enumValues: ['a', 'b'] })
    const from = schema([table('post', [id, status('post_status_enum')], { schema: 'public' })], {
      enums: [{ schema: 'public', name: 'post_status_enum', values: ['a', 'b'] }], schemas: ['public'],
    })
    const to = schema([table('article', [id, status('article_status_enum')], { schema: 'public' })], {
      enums: [{ schema: 'public', name: 'article_status_enum', values: ['a', 'b'] }], schemas: ['public'],
    })
    const hint: RenameHint = { kind: 'table', table: { name: 'post' }, from: 'post', to: 'article', origin: '@RenamedFrom' }
    const plan = await planWithRenames(from, to, withEnums, { hints: [hint] })
    expect(plan.ops).toEqual([
      { kind: 'rename_table', from: { schema: 'public', name: 'post' }, to: { schema: 'public', name: 'article' }, table: from.tables[0]! },
      { kind: 'rename_enum', from: { schema: 'public', name: 'post_status_enum' }, to: { schema: 'public', name: 'article_status_enum' } },
    ])
    expectRoundTrip(from, to, plan.ops, withEnums)
  })
})

describe('planWithRenames: a table moved to another schema', () => {
  const status = (enumName: string) => column('status', 'enum', { enumName, enumValues: ['a', 'b'] })
  const client = (schemaName: string, name: string) =>
    table(name, [id, column('name', 'text'), status(`${name}_status_enum`)], { schema: schemaName, primaryKey: { name: `${name}_pkey`, columns: ['id'] } })
  const invoice = (schemaName: string, name: string) => table('invoice', [id, column('clientId', 'integer')], {
    schema: 'billing',
    foreignKeys: [{ name: 'FK_invoice_client', columns: ['clientId'], referencedSchema: schemaName, referencedTable: name, referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }],
  })
  const enumIn = (schemaName: string, name: string) => ({ schema: schemaName, name: `${name}_status_enum`, values: ['a', 'b'] })
  const from = schema([client('crm', 'client'), invoice('crm', 'client')], { enums: [enumIn('crm', 'client')], schemas: ['billing', 'crm'] })
  const moveHint = (to: string): RenameHint =>
    ({ kind: 'table', table: { schema: 'crm', name: 'client' }, from: 'client', to, toSchema: 'sales', move: true, origin: `--rename crm.client=sales.${to}` })

  it('moves a hinted table with its enum type, creating the schema first, and the foreign keys to it follow', async () => {
    const to = schema([client('sales', 'client'), invoice('sales', 'client')], { enums: [enumIn('sales', 'client')], schemas: ['billing', 'sales'] })
    const plan = await planWithRenames(from, to, withEnums, { hints: [moveHint('client')] })
    expect(plan.ops).toEqual([
      { kind: 'create_schema', schema: 'sales' },
      { kind: 'rename_table', from: { schema: 'crm', name: 'client' }, to: { schema: 'sales', name: 'client' }, table: from.tables[0]! },
      { kind: 'rename_enum', from: { schema: 'crm', name: 'client_status_enum' }, to: { schema: 'sales', name: 'client_status_enum' } },
    ])
    expect(plan.renames).toEqual([{ kind: 'table', table: { schema: 'crm', name: 'client' }, from: 'client', to: 'client', toSchema: 'sales' }])
    expectRoundTrip(from, to, plan.ops, withEnums)
  })

  it('moves and renames, the type and the key named after the table following', async () => {
    const to = schema([client('sales', 'customer'), invoice('sales', 'customer')], { enums: [enumIn('sales', 'customer')], schemas: ['billing', 'crm', 'sales'] })
    const plan = await planWithRenames(from, to, withEnums, { hints: [moveHint('customer')] })
    expect(plan.ops).toEqual([
      { kind: 'create_schema', schema: 'sales' },
      { kind: 'rename_table', from: { schema: 'crm', name: 'client' }, to: { schema: 'sales', name: 'customer' }, table: from.tables[0]! },
      { kind: 'rename_enum', from: { schema: 'crm', name: 'client_status_enum' }, to: { schema: 'sales', name: 'customer_status_enum' } },
      { kind: 'rename_constraint', table: { schema: 'sales', name: 'customer' }, constraint: 'primary_key', from: 'client_pkey', to: 'customer_pkey', primaryKey: from.tables[0]!.primaryKey! },
    ])
    expectRoundTrip(from, to, plan.ops, withEnums)
  })

  it('leaves an enum type another table uses where it is', async () => {
    const sharing = table('lead', [id, status('client_status_enum')], { schema: 'crm' })
    const shared = schema([client('crm', 'client'), sharing], { enums: [enumIn('crm', 'client')], schemas: ['crm'] })
    const to = schema([client('sales', 'client'), sharing], { enums: [enumIn('crm', 'client'), enumIn('sales', 'client')], schemas: ['crm', 'sales'] })
    const plan = await planWithRenames(shared, to, withEnums, { hints: [moveHint('client')] })
    // The type stays in crm, which the moved table's column names after the move; the column then takes the type
    // the entities give it, sales' own (TypeORM keeps a column's type in its table's schema).
    expect(plan.ops.map((op) => op.kind)).toEqual(['create_schema', 'rename_table', 'create_enum', 'alter_column'])
    const retype = plan.ops.find((op) => op.kind === 'alter_column')
    expect(retype?.kind === 'alter_column' && [retype.from.enumSchema, retype.to.enumSchema]).toEqual(['crm', undefined])
    expectRoundTrip(shared, to, plan.ops, withEnums)
  })

  it('finds the new schema of a decorator hint that names only the old one', async () => {
    const to = schema([client('sales', 'client'), invoice('sales', 'client')], { enums: [enumIn('sales', 'client')], schemas: ['billing', 'sales'] })
    const { toSchema: _toSchema, ...decorator } = moveHint('client')
    const plan = await planWithRenames(from, to, withEnums, { hints: [decorator] })
    expect(plan.renames).toEqual([{ kind: 'table', table: { schema: 'crm', name: 'client' }, from: 'client', to: 'client', toSchema: 'sales' }])
    expect(plan.ignoredHints).toEqual([])
  })

  it('asks about a table that looks moved, and moves it on yes', async () => {
    const to = schema([client('sales', 'client'), invoice('sales', 'client')], { enums: [enumIn('sales', 'client')], schemas: ['billing', 'crm', 'sales'] })
    const asked: string[] = []
    const plan = await planWithRenames(from, to, withEnums, { ask: async (s) => (asked.push(`${s.table.schema}.${s.from}->${s.toSchema}.${s.to}`), true) })
    expect(asked).toEqual(['crm.client->sales.client'])
    expect(plan.ops.map((op) => op.kind)).toEqual(['create_schema', 'rename_table', 'rename_enum'])
    expectRoundTrip(from, to, plan.ops, withEnums)
  })
})

describe('planWithRenames: hints that do not apply', () => {
  const t = (columns: string[]): TableModel => table('post', [id, ...columns.map((c) => column(c, 'text'))])

  it('drops first, with what names it, a column whose name a rename takes: the rename onto a freed name applies', async () => {
    const from = schema([table('post', [id, column('body', 'text'), column('content', 'varchar', { nullable: true })], {
      indexes: [{ name: 'IDX_content', columns: ['content'], unique: false }, { name: 'IDX_body', columns: ['body'], unique: false }],
      uniques: [{ name: 'UQ_both', columns: ['body', 'content'] }],
      checks: [{ name: 'CHK_content', expression: "content <> ''" }],
    })])
    const to = schema([table('post', [id, column('content', 'text')], { indexes: [{ name: 'IDX_body', columns: ['content'], unique: false }] })])
    const plan = await planWithRenames(from, to, plain, { hints: [columnHint('post', 'body', 'content')] })
    expect(plan.ignoredHints).toEqual([])
    expect(plan.ops.map((op) => [op.kind, 'from' in op && typeof op.from === 'string' ? op.from : '']).map(String)).toEqual([
      'drop_check,', 'drop_index,', 'drop_unique,', 'drop_column,', 'rename_column,body',
    ])
    expect(plan.ops[3]).toMatchObject({ kind: 'drop_column', column: { name: 'content' } })
    expectRoundTrip(from, to, plan.ops)
  })

  it('renames a column whose old name the entities give a new column, and adds that one after', async () => {
    const from = schema([table('post', [id, column('body', 'text')])])
    const to = schema([table('post', [id, column('body', 'integer', { nullable: true }), column('content', 'text')])])
    const plan = await planWithRenames(from, to, plain, { hints: [columnHint('post', 'body', 'content')] })
    expect(plan.ops).toEqual([
      { kind: 'rename_column', table: post, from: 'body', to: 'content', column: from.tables[0]!.columns[1]! },
      { kind: 'add_column', table: post, column: column('body', 'integer', { nullable: true }) },
    ])
    expectRoundTrip(from, to, plan.ops)
  })

  it('renames a table whose old name the entities give a new table, and creates that one after; then the hint is spent', async () => {
    const draft = table('draft', [id, column('body', 'text')])
    const fresh = table('draft', [id, column('note', 'integer', { nullable: true })])
    const from = schema([draft])
    const to = schema([{ ...draft, name: 'post' }, fresh])
    const plan = await planWithRenames(from, to, plain, { hints: [tableHint('draft', 'post')] })
    expect(plan.ignoredHints).toEqual([])
    expect(plan.ops.map((op) => op.kind)).toEqual(['rename_table', 'create_table'])
    expect(plan.ops[1]).toMatchObject({ kind: 'create_table', table: { name: 'draft', columns: fresh.columns } })
    expectRoundTrip(from, to, plan.ops)
    const spent = await planWithRenames(to, to, plain, { hints: [tableHint('draft', 'post')] })
    expect(spent.ignoredHints.map((i) => [i.reason, i.stale])).toEqual([['the database already has table "post"', true]])
    expect(spent.ops).toEqual([])
    const taken = await planWithRenames(to, schema([{ ...draft, name: 'post' }]), plain, { hints: [tableHint('draft', 'post')] })
    expect(taken.ignoredHints.map((i) => [i.reason, i.stale])).toEqual([['the database already has table "post"', false]])
  })

  it('ignores a hint whose old name is gone as stale, and says why others do not apply', async () => {
    const cases: [string[], string[], string, boolean][] = [
      [['content'], ['content'], 'the database has no column "post"."body"', true],
      [['body'], ['text'], 'the entities have no column "post"."content"', false],
      // Neither name in the database: the hint names no column it has (a misspelt name), not one renamed before.
      [['title'], ['title', 'content'], 'the database has no column "post"."body"', false],
    ]
    for (const [db, entities, reason, stale] of cases) {
      const plan = await planWithRenames(schema([t(db)]), schema([t(entities)]), plain, { hints: [columnHint('post', 'body', 'content')] })
      expect(plan.ignoredHints.map((i) => [i.reason, i.stale])).toEqual([[reason, stale]])
      expect(plan.renames).toEqual([])
    }
    // A name another rename moves away is not dropped to free it.
    const chain = await planWithRenames(schema([t(['body', 'content'])]), schema([t(['content', 'summary'])]), plain, {
      hints: [columnHint('post', 'body', 'content'), columnHint('post', 'content', 'summary')],
    })
    expect(chain.ignoredHints.map((i) => i.reason)).toEqual(['the database already has column "post"."content"'])
    expect(chain.ops.some((op) => op.kind === 'drop_column' && op.column.name === 'content')).toBe(false)
    // A decorator left over after its rename, once a new column took the old name, drops nothing either.
    const leftover = await planWithRenames(schema([t(['body', 'content'])]), schema([t(['body', 'content'])]), plain, {
      hints: [columnHint('post', 'body', 'content')],
    })
    expect(leftover.ignoredHints.map((i) => i.reason)).toEqual(['the database already has column "post"."content"'])
    expect(leftover.ops).toEqual([])
    const tables = await planWithRenames(schema([t([])]), schema([t([])]), plain, { hints: [tableHint('draft', 'post')] })
    expect(tables.ignoredHints.map((i) => [i.reason, i.stale])).toEqual([['the database has no table "draft"', true]])
    // A table made now under a name the hint says it had, in a database that has neither: a misspelt name.
    const misspelt = await planWithRenames(schema([table('other', [id])]), schema([table('other', [id]), t([])]), plain, { hints: [tableHint('draft', 'post')] })
    expect(misspelt.ignoredHints.map((i) => [i.reason, i.stale])).toEqual([['the database has no table "draft"', false]])
    // In a new, empty database every table is made from scratch, and old names are no news.
    const fresh = await planWithRenames(schema([]), schema([t([])]), plain, { hints: [tableHint('draft', 'post')] })
    expect(fresh.ignoredHints.map((i) => [i.reason, i.stale])).toEqual([['the database has no table "draft"', true]])
  })
})

describe('planWithRenames: a table name that tables of two schemas have', () => {
  // Twenty-style: "core"."usage" and "billing"."usage", one of them renaming a column.
  const usage = (schemaName: string, amount: string) => table('usage', [id, column(amount, 'integer', { default: '0' })], { schema: schemaName })
  const from = schema([usage('billing', 'amount'), usage('core', 'amount')], { schemas: ['billing', 'core'] })

  it.each(['billing', 'core'])('a column hint naming no schema renames in the %s table, the one whose entity has the new name', async (renamedIn) => {
    const to = schema([usage('billing', renamedIn === 'billing' ? 'units' : 'amount'), usage('core', renamedIn === 'core' ? 'units' : 'amount')], { schemas: ['billing', 'core'] })
    const plan = await planWithRenames(from, to, withEnums, { hints: [columnHint('usage', 'amount', 'units')] })
    expect(plan.ignoredHints).toEqual([])
    expect(plan.renames).toEqual([{ kind: 'column', table: { schema: renamedIn, name: 'usage' }, from: 'amount', to: 'units' }])
    expectRoundTrip(from, to, plan.ops, withEnums)
  })
})
