import type { DialectCapabilities } from '../../src/dialect/dialect'
import { postgresTypeFamilies, postgresTypeLimits } from '../../src/dialect/postgres/postgres-type-families'
import { diffSchemas } from '../../src/diff/diff-schemas'
import { applyOperations } from '../../src/operations/apply'
import { reverseOperations } from '../../src/operations/reverse'
import type { SchemaModel } from '../../src/model/schema-model'
import { column, schema, table } from '../support/model-builders'
import { alterColumn } from '../../src/plan/column-change'

const flat: DialectCapabilities = { schemas: false, enumTypes: false, extensions: false, transactionalDdl: true, typeFamilies: postgresTypeFamilies, typeLimits: postgresTypeLimits }
const typed: DialectCapabilities = { schemas: true, enumTypes: true, extensions: true, transactionalDdl: true, typeFamilies: postgresTypeFamilies, typeLimits: postgresTypeLimits }

const user = table('user', [column('id'), column('name', 'varchar', { length: 50 })], { primaryKey: { columns: ['id'] } })
const post = table('post', [column('id'), column('authorId', 'integer', { nullable: true })], {
  primaryKey: { columns: ['id'] },
  foreignKeys: [
    { name: 'FK_post_author', columns: ['authorId'], referencedTable: 'user', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
  ],
})

function kinds(actual: SchemaModel, desired: SchemaModel, caps = flat): string[] {
  return diffSchemas(actual, desired, caps).map((op) => op.kind)
}

/** Applying up leads to the desired model and applying down leads back. */
function expectRoundTrip(actual: SchemaModel, desired: SchemaModel, caps = flat): void {
  const up = diffSchemas(actual, desired, caps)
  const after = applyOperations(actual, up)
  expect(diffSchemas(after, desired, caps)).toEqual([])
  expect(diffSchemas(applyOperations(after, reverseOperations(up)), actual, caps)).toEqual([])
}

describe('diffSchemas', () => {
  it('finds nothing between equal models', () => {
    expect(diffSchemas(schema([user, post]), schema([user, post]), flat)).toEqual([])
  })

  it('creates a table and then adds its foreign keys', () => {
    const ops = diffSchemas(schema([user]), schema([user, post]), flat)
    expect(ops.map((op) => op.kind)).toEqual(['create_table', 'add_foreign_key'])
    expect(ops[0]).toMatchObject({ kind: 'create_table', table: { name: 'post', foreignKeys: [] } })
    expectRoundTrip(schema([user]), schema([user, post]))
  })

  it('drops the table of a removed entity after dropping its foreign keys', () => {
    expect(kinds(schema([user, post]), schema([user]))).toEqual(['drop_foreign_key', 'drop_table'])
    expectRoundTrip(schema([user, post]), schema([user]))
  })

  it('adds, drops and alters columns', () => {
    const after = table('user', [column('id'), column('name', 'varchar', { length: 100 }), column('age', 'integer', { nullable: true })], {
      primaryKey: { columns: ['id'] },
    })
    const before = table('user', [column('id'), column('name', 'varchar', { length: 50 }), column('legacy', 'text')], {
      primaryKey: { columns: ['id'] },
    })
    const ops = diffSchemas(schema([before]), schema([after]), flat)
    expect(ops).toEqual([
      { kind: 'add_column', table: { name: 'user' }, column: after.columns[2] },
      { kind: 'drop_column', table: { name: 'user' }, column: before.columns[2] },
      alterColumn({ name: 'user' }, before.columns[1], after.columns[1]),
    ])
    expectRoundTrip(schema([before]), schema([after]))
  })

  it('compares checks by expression, not by name', () => {
    const a = table('t', [column('age')], { checks: [{ name: 'CHK_a', expression: '"age" > 0' }] })
    const renamed = table('t', [column('age')], { checks: [{ name: 'CHK_other', expression: '"age" > 0' }] })
    const changed = table('t', [column('age')], { checks: [{ name: 'CHK_a', expression: '"age" >= 0' }] })
    expect(kinds(schema([a]), schema([renamed]))).toEqual([])
    expect(kinds(schema([a]), schema([changed]))).toEqual(['drop_check', 'add_check'])
    expectRoundTrip(schema([a]), schema([changed]))
  })

  it('replaces a changed primary key, index and foreign key', () => {
    const before = table('t', [column('a'), column('b')], {
      primaryKey: { columns: ['a'] },
      indexes: [{ name: 'IDX_t', columns: ['a'], unique: false }],
    })
    const after = table('t', [column('a'), column('b')], {
      primaryKey: { columns: ['a', 'b'] },
      indexes: [{ name: 'IDX_t', columns: ['a', 'b'], unique: true }],
      uniques: [{ name: 'UQ_t_b', columns: ['b'] }],
    })
    expect(kinds(schema([before]), schema([after]))).toEqual([
      'drop_primary_key',
      'drop_index',
      'add_primary_key',
      'create_index',
      'add_unique',
    ])
    expectRoundTrip(schema([before]), schema([after]))
    const fkChanged = { ...post, foreignKeys: [{ ...post.foreignKeys[0], onDelete: 'SET NULL' as const }] }
    expect(kinds(schema([user, post]), schema([user, fkChanged]))).toEqual(['drop_foreign_key', 'add_foreign_key'])
  })

  it('ignores the name of an otherwise identical unique constraint or foreign key', () => {
    const renamedFk = { ...post, foreignKeys: [{ ...post.foreignKeys[0], name: 'FK_other' }] }
    expect(kinds(schema([user, post]), schema([user, renamedFk]))).toEqual([])
  })

  it('diffs enum types on their own where they are named types, and never drops schemas or extensions', () => {
    const status = { schema: 'public', name: 'user_status_enum', values: ['a', 'b'] }
    const col = column('status', 'enum', { enumName: 'user_status_enum', enumValues: ['a', 'b'] })
    const before = schema([table('user', [col], { schema: 'public' })], { enums: [status], schemas: ['public', 'old'], extensions: ['x'] })
    const wider = { ...status, values: ['a', 'b', 'c'] }
    const after = schema([table('user', [{ ...col, enumValues: wider.values }], { schema: 'public' })], {
      enums: [wider],
      schemas: ['public', 'app'],
      extensions: ['uuid-ossp'],
    })
    expect(kinds(before, after, typed)).toEqual(['create_schema', 'create_extension', 'alter_enum'])
    expect(kinds(before, after, flat)).toContain('alter_column')
  })

  it('orders deterministically whatever the input order', () => {
    const a = table('a', [column('id')])
    const b = table('b', [column('id')])
    expect(diffSchemas(schema([]), schema([b, a]), flat)).toEqual(diffSchemas(schema([]), schema([a, b]), flat))
    expect(diffSchemas(schema([]), schema([b, a]), flat).map((op) => (op.kind === 'create_table' ? op.table.name : ''))).toEqual(['a', 'b'])
  })
})
