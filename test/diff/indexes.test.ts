import type { IndexModel } from '../../src/model/schema-model'
import { column, schema, table } from '../support/model-builders'
import { type DiffCase, expectDiffCase, flat, typed } from './diff-case'

// Indexes: added, dropped, and each part of the definition changed (Alembic: test_autogen_indexes,
// unique flag, partial, expression, column order, sort order, method).

const columns = [column('id'), column('email', 'varchar', { length: 100 }), column('orgId'), column('deletedAt', 'timestamp', { nullable: true })]
const indexed = (...indexes: IndexModel[]) => schema([table('user', columns, { primaryKey: { columns: ['id'] }, indexes })])
const user = { name: 'user' }
const byEmail: IndexModel = { name: 'IDX_user_email', columns: ['email'], unique: false }

/** redefined is the case of index `from` becoming `to`: dropped, then created. */
function redefined(name: string, from: IndexModel, to: IndexModel): DiffCase {
  return {
    name,
    before: indexed(from),
    after: indexed(to),
    operations: [{ kind: 'drop_index', table: user, index: from }, { kind: 'create_index', table: user, index: to }],
  }
}

const cases: DiffCase[] = [
  { name: 'an index is created', before: indexed(), after: indexed(byEmail), operations: [{ kind: 'create_index', table: user, index: byEmail }] },
  { name: 'an index is dropped', before: indexed(byEmail), after: indexed(), operations: [{ kind: 'drop_index', table: user, index: byEmail }] },
  redefined('an index becomes unique', byEmail, { ...byEmail, unique: true }),
  redefined('a unique index stops being unique', { ...byEmail, unique: true }, byEmail),
  redefined('an index gets another column', byEmail, { ...byEmail, columns: ['email', 'orgId'] }),
  redefined('the columns of an index change order', { ...byEmail, columns: ['email', 'orgId'] }, { ...byEmail, columns: ['orgId', 'email'] }),
  redefined('an index becomes partial', byEmail, { ...byEmail, where: '("deletedAt" IS NULL)' }),
  redefined('the predicate of a partial index changes', { ...byEmail, where: '("deletedAt" IS NULL)' }, { ...byEmail, where: '("deletedAt" IS NOT NULL)' }),
  redefined('an index on a column becomes an index on an expression', byEmail, { ...byEmail, columns: ['lower(email)'] }),
  redefined('a key becomes descending', byEmail, { ...byEmail, keyOptions: [{ descending: true }] }),
  redefined('NULLS FIRST is set on a key', byEmail, { ...byEmail, keyOptions: [{ nulls: 'first' }] }),
  redefined('an operator class is set on a key', byEmail, { ...byEmail, keyOptions: [{ opclass: 'varchar_pattern_ops' }] }),
  redefined('the access method changes', byEmail, { ...byEmail, method: 'hash' }),
  redefined('INCLUDE columns are added', byEmail, { ...byEmail, include: ['orgId'] }),
  {
    name: 'an index with the same definition under another name is renamed where names change in place',
    before: indexed({ ...byEmail, name: 'user_email_idx' }),
    after: indexed(byEmail),
    operations: [{ kind: 'rename_index', table: user, from: 'user_email_idx', to: 'IDX_user_email', index: { ...byEmail, name: 'user_email_idx' } }],
    capabilities: typed,
  },
  {
    name: 'an index with the same definition under another name is left alone where names do not change in place',
    before: indexed({ ...byEmail, name: 'user_email_idx' }),
    after: indexed(byEmail),
    operations: [],
    capabilities: flat,
  },
  {
    name: 'a written predicate that is the same canonically is no change',
    before: indexed({ ...byEmail, where: '("deletedAt" IS NULL)', whereSql: '"deletedAt" IS NULL' }),
    after: indexed({ ...byEmail, where: '("deletedAt" IS NULL)', whereSql: 'deletedAt IS NULL' }),
    operations: [],
  },
]

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, diffCase) => expectDiffCase(diffCase))
