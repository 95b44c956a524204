import type { ForeignKeyModel } from '../../src/model/schema-model'
import { column, schema, table } from '../support/model-builders'
import { type DiffCase, expectDiffCase, flat, typed } from './diff-case'

// Foreign keys: added, dropped, and each part of the definition changed (Alembic: test_autogen_fks,
// add / remove, composite, ondelete / onupdate, deferrable / initially, referred table and columns).

const org = table('org', [column('id'), column('code', 'varchar', { length: 10 })], { primaryKey: { columns: ['id', 'code'] } })
const team = table('team', [column('id')], { primaryKey: { columns: ['id'] } })
const userColumns = [column('id'), column('orgId', 'integer', { nullable: true }), column('orgCode', 'varchar', { length: 10, nullable: true })]
const withKeys = (...foreignKeys: ForeignKeyModel[]) => schema([org, team, table('user', userColumns, { primaryKey: { columns: ['id'] }, foreignKeys })])
const user = { name: 'user' }
const toOrg: ForeignKeyModel = { name: 'FK_user_org', columns: ['orgId'], referencedTable: 'org', referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }

function redefined(name: string, from: ForeignKeyModel, to: ForeignKeyModel): DiffCase {
  return {
    name,
    before: withKeys(from),
    after: withKeys(to),
    operations: [{ kind: 'drop_foreign_key', table: user, foreignKey: from }, { kind: 'add_foreign_key', table: user, foreignKey: to }],
  }
}

/** deferral is a key whose deferral alone changes: it changes in place, keeping its name. */
function deferral(name: string, from: ForeignKeyModel, to: ForeignKeyModel, capabilities = flat): DiffCase {
  return { name, before: withKeys(from), after: withKeys(to), operations: [{ kind: 'alter_foreign_key', table: user, from, to }], capabilities }
}

const cases: DiffCase[] = [
  { name: 'a foreign key is added', before: withKeys(), after: withKeys(toOrg), operations: [{ kind: 'add_foreign_key', table: user, foreignKey: toOrg }] },
  { name: 'a foreign key is dropped', before: withKeys(toOrg), after: withKeys(), operations: [{ kind: 'drop_foreign_key', table: user, foreignKey: toOrg }] },
  redefined('ON DELETE changes', toOrg, { ...toOrg, onDelete: 'CASCADE' }),
  redefined('ON UPDATE changes', toOrg, { ...toOrg, onUpdate: 'CASCADE' }),
  redefined('ON DELETE SET NULL becomes SET DEFAULT', { ...toOrg, onDelete: 'SET NULL' }, { ...toOrg, onDelete: 'SET DEFAULT' }),
  redefined('RESTRICT replaces NO ACTION', toOrg, { ...toOrg, onDelete: 'RESTRICT' }),
  deferral('a foreign key becomes deferrable', toOrg, { ...toOrg, deferrable: 'INITIALLY DEFERRED' }),
  deferral('a deferrable foreign key changes its initial mode', { ...toOrg, deferrable: 'INITIALLY DEFERRED' }, { ...toOrg, deferrable: 'INITIALLY IMMEDIATE' }),
  deferral('a deferrable foreign key becomes not deferrable', { ...toOrg, deferrable: 'INITIALLY IMMEDIATE' }, toOrg),
  deferral('a foreign key becomes deferrable whatever the engine', toOrg, { ...toOrg, deferrable: 'INITIALLY DEFERRED' }, typed),
  {
    name: 'a foreign key whose deferral changes keeps the database\'s column order and MATCH FULL',
    before: withKeys({ ...toOrg, columns: ['orgCode', 'orgId'], referencedColumns: ['code', 'id'], matchFull: true }),
    after: withKeys({ ...toOrg, columns: ['orgId', 'orgCode'], referencedColumns: ['id', 'code'], deferrable: 'INITIALLY DEFERRED' }),
    operations: [{
      kind: 'alter_foreign_key', table: user,
      from: { ...toOrg, columns: ['orgCode', 'orgId'], referencedColumns: ['code', 'id'], matchFull: true },
      to: { ...toOrg, columns: ['orgCode', 'orgId'], referencedColumns: ['code', 'id'], matchFull: true, deferrable: 'INITIALLY DEFERRED' },
    }],
    // Back, the key keeps the order the database gave it, where the entities' order is the other.
    oneWay: 'the key changed keeps its column order',
  },
  redefined('a foreign key whose deferral changes with another part is dropped and added', toOrg, { ...toOrg, onDelete: 'CASCADE', deferrable: 'INITIALLY DEFERRED' }),
  { ...redefined('a foreign key whose deferral changes under another name is dropped and added', toOrg, { ...toOrg, name: 'FK_other', deferrable: 'INITIALLY DEFERRED' }), capabilities: typed },
  redefined('a foreign key points at another table', toOrg, { ...toOrg, referencedTable: 'team' }),
  redefined('a foreign key points at other columns of its table', toOrg, { ...toOrg, columns: ['orgCode'], referencedColumns: ['code'] }),
  redefined('a foreign key becomes composite', toOrg, { ...toOrg, columns: ['orgId', 'orgCode'], referencedColumns: ['id', 'code'] }),
  {
    name: 'a composite foreign key of the same pairs in another order is the same key',
    before: withKeys({ ...toOrg, columns: ['orgCode', 'orgId'], referencedColumns: ['code', 'id'] }),
    after: withKeys({ ...toOrg, columns: ['orgId', 'orgCode'], referencedColumns: ['id', 'code'] }),
    operations: [],
  },
  redefined('a composite foreign key pairs its columns the other way', { ...toOrg, columns: ['orgId', 'orgCode'], referencedColumns: ['id', 'code'] }, { ...toOrg, columns: ['orgId', 'orgCode'], referencedColumns: ['code', 'id'] }),
  {
    name: 'a foreign key to a table in another schema names the schema',
    before: schema([{ ...org, schema: 'crm' }, table('user', userColumns, { schema: 'public', primaryKey: { columns: ['id'] } })], { schemas: ['crm', 'public'] }),
    after: schema([{ ...org, schema: 'crm' }, table('user', userColumns, { schema: 'public', primaryKey: { columns: ['id'] }, foreignKeys: [{ ...toOrg, referencedSchema: 'crm' }] })], { schemas: ['crm', 'public'] }),
    operations: [{ kind: 'add_foreign_key', table: { schema: 'public', name: 'user' }, foreignKey: { ...toOrg, referencedSchema: 'crm' } }],
    capabilities: typed,
  },
  {
    name: 'a foreign key under another name is renamed where names change in place',
    before: withKeys({ ...toOrg, name: 'user_orgId_fkey' }),
    after: withKeys(toOrg),
    operations: [{ kind: 'rename_constraint', table: user, constraint: 'foreign_key', from: 'user_orgId_fkey', to: 'FK_user_org', foreignKey: { ...toOrg, name: 'user_orgId_fkey' } }],
    capabilities: typed,
  },
  {
    name: 'a foreign key under another name is left alone where names do not change in place',
    before: withKeys({ ...toOrg, name: 'user_orgId_fkey' }),
    after: withKeys(toOrg),
    operations: [],
    capabilities: flat,
  },
]

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, diffCase) => expectDiffCase(diffCase))
