import type { CheckModel } from '../../src/model/schema-model'
import { column, schema, table } from '../support/model-builders'
import { type DiffCase, expectDiffCase, flat, typed } from './diff-case'

// Check constraints: added, dropped, expression changed, renamed (Alembic compares no CHECK; Atlas and
// Prisma do: each change is a drop and an add, a same expression under another name a rename).

const columns = [column('id'), column('age', 'integer', { nullable: true })]
const checked = (...checks: CheckModel[]) => schema([table('user', columns, { primaryKey: { columns: ['id'] }, checks })])
const user = { name: 'user' }
const adult: CheckModel = { name: 'CHK_user_age', expression: '("age" >= 18)' }

const cases: DiffCase[] = [
  { name: 'a check is added', before: checked(), after: checked(adult), operations: [{ kind: 'add_check', table: user, check: adult }] },
  { name: 'a check is dropped', before: checked(adult), after: checked(), operations: [{ kind: 'drop_check', table: user, check: adult }] },
  {
    name: 'a check with another expression is dropped, then added',
    before: checked(adult),
    after: checked({ ...adult, expression: '("age" >= 21)' }),
    operations: [{ kind: 'drop_check', table: user, check: adult }, { kind: 'add_check', table: user, check: { ...adult, expression: '("age" >= 21)' } }],
  },
  {
    name: 'a check written differently but the same canonically is no change',
    before: checked({ ...adult, expressionSql: 'age >= 18' }),
    after: checked({ ...adult, expressionSql: '"age" >= 18' }),
    operations: [],
  },
  {
    name: 'a check under another name is renamed where names change in place',
    before: checked({ ...adult, name: 'user_age_check' }),
    after: checked(adult),
    operations: [{ kind: 'rename_constraint', table: user, constraint: 'check', from: 'user_age_check', to: 'CHK_user_age', check: { ...adult, name: 'user_age_check' } }],
    capabilities: typed,
  },
  {
    name: 'a check under another name is left alone where names do not change in place',
    before: checked({ ...adult, name: 'user_age_check' }),
    after: checked(adult),
    operations: [],
    capabilities: flat,
  },
]

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, diffCase) => expectDiffCase(diffCase))
