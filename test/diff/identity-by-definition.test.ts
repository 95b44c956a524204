import type { DialectCapabilities } from '../../src/dialect/dialect'
import { postgresTypeFamilies, postgresTypeLimits } from '../../src/dialect/postgres/postgres-type-families'
import { diffSchemas } from '../../src/diff/diff-schemas'
import { primaryKeyOrderWarnings } from '../../src/diff/primary-key-order'
import { applyOperations } from '../../src/operations/apply'
import { reverseOperations } from '../../src/operations/reverse'
import type { IndexModel, SchemaModel, TableModel } from '../../src/model/schema-model'
import { column, schema, table } from '../support/model-builders'

// Issue 8 item 1: indexes, constraints and enum types are matched by what they are, never by name.
const renaming: DialectCapabilities = { schemas: true, enumTypes: true, extensions: true, transactionalDdl: true, renamesInPlace: true, typeFamilies: postgresTypeFamilies, typeLimits: postgresTypeLimits }
const rebuilding: DialectCapabilities = { schemas: false, enumTypes: false, extensions: false, transactionalDdl: true, typeFamilies: postgresTypeFamilies, typeLimits: postgresTypeLimits }

const user = (extra: Partial<TableModel>): TableModel =>
  table('user', [column('id'), column('email', 'varchar', { length: 100 }), column('orgId', 'integer')], {
    schema: 'public', primaryKey: { name: 'user_pkey', columns: ['id'] }, ...extra,
  })
const org = table('org', [column('id')], { schema: 'public', primaryKey: { name: 'org_pkey', columns: ['id'] } })
const byEmail = (name: string, extra: Partial<IndexModel> = {}): IndexModel => ({ name, columns: ['email'], unique: false, ...extra })
const fk = (name: string) => ({
  name, columns: ['orgId'], referencedSchema: 'public', referencedTable: 'org', referencedColumns: ['id'], onDelete: 'CASCADE' as const, onUpdate: 'NO ACTION' as const,
})

const handWritten = schema([org, user({
  indexes: [byEmail('user_email_idx')],
  uniques: [{ name: 'user_email_org_key', columns: ['email', 'orgId'] }],
  foreignKeys: [fk('user_org_fk')],
  checks: [{ name: 'user_email_check', expression: "(email <> '')" }],
})], { schemas: ['public'] })
const declared = schema([org, user({
  primaryKey: { name: 'PK_user', columns: ['id'] },
  indexes: [byEmail('IDX_user_email')],
  uniques: [{ name: 'UQ_user_email_org', columns: ['email', 'orgId'] }],
  foreignKeys: [fk('FK_user_org')],
  checks: [{ name: 'CHK_user_email', expression: "(email <> '')" }],
})], { schemas: ['public'] })

function expectRoundTrip(actual: SchemaModel, desired: SchemaModel, caps: DialectCapabilities): void {
  const up = diffSchemas(actual, desired, caps)
  const after = applyOperations(actual, up)
  expect(after).toEqual(desired)
  expect(applyOperations(after, reverseOperations(up))).toEqual(actual)
}

describe('identity by definition', () => {
  it('renames in place what differs only in its name, where the dialect renames in place', () => {
    const ops = diffSchemas(handWritten, declared, renaming)
    const table = { schema: 'public', name: 'user' }
    expect(ops).toEqual([
      { kind: 'rename_constraint', table, constraint: 'check', from: 'user_email_check', to: 'CHK_user_email', check: { name: 'user_email_check', expression: "(email <> '')" } },
      { kind: 'rename_index', table, from: 'user_email_idx', to: 'IDX_user_email', index: byEmail('user_email_idx') },
      { kind: 'rename_constraint', table, constraint: 'unique', from: 'user_email_org_key', to: 'UQ_user_email_org', unique: { name: 'user_email_org_key', columns: ['email', 'orgId'] } },
      { kind: 'rename_constraint', table, constraint: 'foreign_key', from: 'user_org_fk', to: 'FK_user_org', foreignKey: fk('user_org_fk') },
      { kind: 'rename_constraint', table, constraint: 'primary_key', from: 'user_pkey', to: 'PK_user', primaryKey: { name: 'user_pkey', columns: ['id'] } },
    ])
    expectRoundTrip(handWritten, declared, renaming)
  })

  it('renames a foreign key and its index onto one name where index names are apart from the others (MySQL)', () => {
    const withIndex = (name: string) => user({ indexes: [{ name, columns: ['orgId'], unique: false }], foreignKeys: [fk(name)] })
    const renames = (caps: DialectCapabilities) => diffSchemas(schema([org, withIndex('user_org_fk')]), schema([org, withIndex('FK_user_org')]), caps)
      .map((op) => op.kind)
    expect(renames({ ...renaming, indexNamesApart: true })).toEqual(['rename_index', 'rename_constraint'])
    // One namespace: the second rename finds the name taken and is left out.
    expect(renames(renaming)).toHaveLength(1)
  })

  it('leaves the database\'s names where the dialect cannot rename in place (or keepDatabaseNames is set)', () => {
    expect(diffSchemas(handWritten, declared, rebuilding)).toEqual([])
    expect(diffSchemas(handWritten, declared, { ...renaming, renamesInPlace: false })).toEqual([])
  })

  it('drops and creates an index whose operator class, order, collation, INCLUDE or expression differ', () => {
    const variants: Partial<IndexModel>[] = [
      { keyOptions: [{ opclass: 'varchar_pattern_ops' }] },
      { keyOptions: [{ descending: true }] },
      { keyOptions: [{ nulls: 'first' }] },
      { keyOptions: [{ collation: 'C' }] },
      { include: ['orgId'] },
      { method: 'hash' },
      { where: '(email IS NOT NULL)' },
    ]
    for (const variant of variants) {
      const before = schema([org, user({ indexes: [byEmail('a', variant)] })])
      const after = schema([org, user({ indexes: [byEmail('b')] })])
      expect(diffSchemas(before, after, renaming).map((op) => op.kind)).toEqual(['drop_index', 'create_index'])
    }
    const expression = schema([org, user({ indexes: [{ name: 'a', columns: ['lower(email)'], unique: false }] })])
    expect(diffSchemas(expression, schema([org, user({ indexes: [byEmail('a')] })]), renaming).map((op) => op.kind))
      .toEqual(['drop_index', 'create_index'])
  })

  it('prefers the index of the same name among equal definitions, and never renames onto a name in use', () => {
    const before = schema([org, user({ indexes: [byEmail('x'), byEmail('y')] })])
    expect(diffSchemas(before, schema([org, user({ indexes: [byEmail('y')] })]), renaming))
      .toEqual([{ kind: 'drop_index', table: { schema: 'public', name: 'user' }, index: byEmail('x') }])
    const orgWith = (name: string) => ({ ...org, indexes: [{ name, columns: ['id'], unique: true }] })
    const kept = schema([orgWith('b'), user({ indexes: [byEmail('a')] })])
    expect(diffSchemas(kept, schema([orgWith('b'), user({ indexes: [byEmail('b')] })]), renaming)).toEqual([])
  })

  it('renames onto a name that an object dropped in the same migration holds: the drop runs first, and comes back last in down', () => {
    const byOrg: IndexModel = { name: 'b', columns: ['orgId'], unique: false }
    const before = schema([org, user({ indexes: [byEmail('a'), byOrg], checks: [{ name: 'c', expression: 'id > 0' }, { name: 'd', expression: "(email <> '')" }] })])
    const after = schema([org, user({ indexes: [byEmail('b')], checks: [{ name: 'c', expression: "(email <> '')" }] })])
    const up = diffSchemas(before, after, renaming)
    expect(up.map((op) => op.kind)).toEqual(['drop_index', 'drop_check', 'rename_index', 'rename_constraint'])
    expect(reverseOperations(up).map((op) => op.kind)).toEqual(['rename_constraint', 'rename_index', 'add_check', 'create_index'])
    expectRoundTrip(before, after, renaming)
  })

  it('renames an enum type whose labels are unchanged, and changes no column', () => {
    const status = (name: string) => ({ schema: 'public', name, values: ['on', 'off'] })
    const withEnum = (name: string) => schema([table('job', [column('state', 'enum', { enumName: name, enumValues: ['on', 'off'] })], { schema: 'public' })], {
      enums: [status(name)], schemas: ['public'],
    })
    expect(diffSchemas(withEnum('job_state_enum_old'), withEnum('job_state_enum'), renaming)).toEqual([
      { kind: 'rename_enum', from: { schema: 'public', name: 'job_state_enum_old' }, to: { schema: 'public', name: 'job_state_enum' } },
    ])
    expectRoundTrip(withEnum('job_state_enum_old'), withEnum('job_state_enum'), renaming)
    expect(diffSchemas(withEnum('job_state_enum_old'), withEnum('job_state_enum'), { ...renaming, renamesInPlace: false })).toEqual([])
  })

  it('leaves a primary key whose columns differ only in order, and warns', () => {
    const pair = (columns: string[]) => schema([table('m', [column('a'), column('b')], { primaryKey: { columns } })])
    expect(diffSchemas(pair(['a', 'b']), pair(['b', 'a']), renaming)).toEqual([])
    expect(primaryKeyOrderWarnings(pair(['a', 'b']), pair(['b', 'a']))).toEqual([
      'the primary key of table "m" is (a, b) in the database and (b, a) in the entities: it is left as it is; to reorder it, write that migration by hand',
    ])
    expect(primaryKeyOrderWarnings(pair(['a', 'b']), pair(['a', 'b']))).toEqual([])
  })
})
