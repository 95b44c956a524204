import type { UniqueModel } from '../../src/model/schema-model'
import { column, schema, table } from '../support/model-builders'
import { type DiffCase, expectDiffCase, flat, typed } from './diff-case'

// Unique constraints: added, dropped, columns changed, deferrable, renamed (Alembic: test_autogen_indexes,
// unique constraint add / remove / column change).

const columns = [column('id'), column('email', 'varchar', { length: 100 }), column('orgId')]
const constrained = (...uniques: UniqueModel[]) => schema([table('user', columns, { primaryKey: { columns: ['id'] }, uniques })])
const user = { name: 'user' }
const email: UniqueModel = { name: 'UQ_user_email', columns: ['email'] }

function redefined(name: string, from: UniqueModel, to: UniqueModel): DiffCase {
  return {
    name,
    before: constrained(from),
    after: constrained(to),
    operations: [{ kind: 'drop_unique', table: user, unique: from }, { kind: 'add_unique', table: user, unique: to }],
  }
}

const cases: DiffCase[] = [
  { name: 'a unique constraint is added', before: constrained(), after: constrained(email), operations: [{ kind: 'add_unique', table: user, unique: email }] },
  { name: 'a unique constraint is dropped', before: constrained(email), after: constrained(), operations: [{ kind: 'drop_unique', table: user, unique: email }] },
  redefined('a unique constraint gets another column', email, { ...email, columns: ['email', 'orgId'] }),
  redefined('the columns of a unique constraint change order', { ...email, columns: ['email', 'orgId'] }, { ...email, columns: ['orgId', 'email'] }),
  redefined('a unique constraint becomes deferrable', email, { ...email, deferrable: 'INITIALLY DEFERRED' }),
  redefined('a deferrable unique constraint changes its initial mode', { ...email, deferrable: 'INITIALLY IMMEDIATE' }, { ...email, deferrable: 'INITIALLY DEFERRED' }),
  {
    name: 'a unique index that becomes a unique constraint is dropped, then the constraint added',
    before: schema([table('user', columns, { primaryKey: { columns: ['id'] }, indexes: [{ name: 'IDX_user_email', columns: ['email'], unique: true }] })]),
    after: constrained(email),
    operations: [
      { kind: 'drop_index', table: user, index: { name: 'IDX_user_email', columns: ['email'], unique: true } },
      { kind: 'add_unique', table: user, unique: email },
    ],
  },
  {
    name: 'a unique constraint under another name is renamed where names change in place',
    before: constrained({ ...email, name: 'user_email_key' }),
    after: constrained(email),
    operations: [{ kind: 'rename_constraint', table: user, constraint: 'unique', from: 'user_email_key', to: 'UQ_user_email', unique: { ...email, name: 'user_email_key' } }],
    capabilities: typed,
  },
  {
    name: 'a unique constraint under another name is left alone where names do not change in place',
    before: constrained({ ...email, name: 'user_email_key' }),
    after: constrained(email),
    operations: [],
    capabilities: flat,
  },
]

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, diffCase) => expectDiffCase(diffCase))
