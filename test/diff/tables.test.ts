import { column, schema, table } from '../support/model-builders'
import { type DiffCase, expectDiffCase, flat, typed } from './diff-case'

// Tables as a whole: created, dropped, commented, their options (engine, WITHOUT ROWID) changed (Alembic: test_autogen_diffs, add/remove table, table comments).

const user = table('user', [column('id'), column('name', 'varchar', { length: 50 })], { primaryKey: { columns: ['id'] } })
const post = table('post', [column('id'), column('authorId', 'integer', { nullable: true })], {
  primaryKey: { columns: ['id'] },
  indexes: [{ name: 'IDX_post_author', columns: ['authorId'], unique: false }],
  foreignKeys: [{ name: 'FK_post_author', columns: ['authorId'], referencedTable: 'user', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }],
})
const withoutForeignKeys = { ...post, foreignKeys: [] }
const legacy = table('legacy', [column('id'), column('code', 'varchar', { length: 10 })], {
  primaryKey: { columns: ['id'] },
  indexes: [{ name: 'IDX_legacy_code', columns: ['code'], unique: false }],
})
const shorterNames = table('user', [column('id'), column('name', 'varchar', { length: 20 })], { primaryKey: { columns: ['id'] } })
const outsideTransactions = { ...flat, transactionalDdl: false }
const commented = (comment: string | undefined) => table('user', [...user.columns], { primaryKey: user.primaryKey, comment })

const cases: DiffCase[] = [
  { name: 'no change gives no operation', before: schema([user, post]), after: schema([user, post]), operations: [] },
  {
    name: 'a new table is created, then its foreign keys added',
    before: schema([user]),
    after: schema([user, post]),
    operations: [
      { kind: 'create_table', table: withoutForeignKeys },
      { kind: 'add_foreign_key', table: { name: 'post' }, foreignKey: post.foreignKeys[0]! },
    ],
  },
  {
    name: 'a removed table loses its foreign keys, then is dropped',
    before: schema([user, post]),
    after: schema([user]),
    operations: [
      { kind: 'drop_foreign_key', table: { name: 'post' }, foreignKey: post.foreignKeys[0]! },
      { kind: 'drop_table', table: withoutForeignKeys },
    ],
  },
  {
    name: 'two new tables that reference each other are both created before either foreign key',
    before: schema([]),
    after: schema([user, post]),
    operations: [
      { kind: 'create_table', table: withoutForeignKeys },
      { kind: 'create_table', table: user },
      { kind: 'add_foreign_key', table: { name: 'post' }, foreignKey: post.foreignKeys[0]! },
    ],
  },
  {
    name: 'a table in another schema is another table',
    before: schema([user], { schemas: ['audit'] }),
    after: schema([user, { ...user, schema: 'audit' }], { schemas: ['audit'] }),
    operations: [{ kind: 'create_table', table: { ...user, schema: 'audit' } }],
    capabilities: typed,
  },
  {
    name: 'a table moved to another schema is dropped there, then created in the new one',
    before: schema([{ ...user, schema: 'public' }], { schemas: ['public', 'audit'] }),
    after: schema([{ ...user, schema: 'audit' }], { schemas: ['public', 'audit'] }),
    operations: [{ kind: 'drop_table', table: { ...user, schema: 'public' } }, { kind: 'create_table', table: { ...user, schema: 'audit' } }],
    capabilities: typed,
  },
  {
    name: 'a table comment is added',
    before: schema([commented(undefined)]),
    after: schema([commented('People who sign in')]),
    operations: [{ kind: 'alter_table_comment', table: { name: 'user' }, from: undefined, to: 'People who sign in' }],
  },
  {
    name: 'a table comment is changed',
    before: schema([commented('old')]),
    after: schema([commented('new')]),
    operations: [{ kind: 'alter_table_comment', table: { name: 'user' }, from: 'old', to: 'new' }],
  },
  {
    name: 'a table comment is removed',
    before: schema([commented('old')]),
    after: schema([commented(undefined)]),
    operations: [{ kind: 'alter_table_comment', table: { name: 'user' }, from: 'old', to: undefined }],
  },
  {
    name: 'a table made WITHOUT ROWID changes its options (it was left as it was)',
    before: schema([user]),
    after: schema([{ ...user, withoutRowid: true }]),
    operations: [{ kind: 'alter_table_options', table: { name: 'user' }, from: {}, to: { withoutRowid: true } }],
  },
  {
    name: 'a table given another engine changes its options (it was left as it was)',
    before: schema([{ ...user, engine: 'InnoDB' }]),
    after: schema([{ ...user, engine: 'Aria' }]),
    operations: [{ kind: 'alter_table_options', table: { name: 'user' }, from: { engine: 'InnoDB' }, to: { engine: 'Aria' } }],
  },
  {
    name: 'where schema changes run outside transactions, a removed table is dropped after every other change, so that one that fails leaves it',
    before: schema([user, legacy]),
    after: schema([shorterNames, withoutForeignKeys]),
    operations: [
      { kind: 'create_table', table: withoutForeignKeys },
      { kind: 'alter_column', table: { name: 'user' }, from: user.columns[1]!, to: shorterNames.columns[1]!, changes: ['size'] },
      { kind: 'drop_table', table: legacy },
    ],
    capabilities: outsideTransactions,
  },
  {
    name: 'where schema changes run outside transactions, a removed table whose index name a new table takes is still dropped first',
    before: schema([user, legacy]),
    after: schema([user, { ...withoutForeignKeys, indexes: [{ ...withoutForeignKeys.indexes[0]!, name: 'IDX_legacy_code' }] }]),
    operations: [
      { kind: 'drop_table', table: legacy },
      { kind: 'create_table', table: { ...withoutForeignKeys, indexes: [{ ...withoutForeignKeys.indexes[0]!, name: 'IDX_legacy_code' }] } },
    ],
    capabilities: outsideTransactions,
  },
  {
    name: 'where schema changes run outside transactions, a column of a table changed no further is dropped after every other change',
    before: schema([user, legacy]),
    after: schema([shorterNames, { ...legacy, columns: [legacy.columns[0]!], indexes: [] }]),
    operations: [
      { kind: 'drop_index', table: { name: 'legacy' }, index: legacy.indexes[0]! },
      { kind: 'alter_column', table: { name: 'user' }, from: user.columns[1]!, to: shorterNames.columns[1]!, changes: ['size'] },
      { kind: 'drop_column', table: { name: 'legacy' }, column: legacy.columns[1]! },
    ],
    capabilities: outsideTransactions,
  },
  {
    name: 'where schema changes run outside transactions, a column of a table with other changes is dropped with them',
    before: schema([{ ...user, columns: [...user.columns, column('nick', 'text')] }]),
    after: schema([shorterNames]),
    operations: [
      { kind: 'alter_column', table: { name: 'user' }, from: user.columns[1]!, to: shorterNames.columns[1]!, changes: ['size'] },
      { kind: 'drop_column', table: { name: 'user' }, column: column('nick', 'text') },
    ],
    capabilities: outsideTransactions,
  },
]

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, diffCase) => expectDiffCase(diffCase))
