import type { PrimaryKeyModel } from '../../src/model/schema-model'
import { column, schema, table } from '../support/model-builders'
import { type DiffCase, expectDiffCase, flat, typed } from './diff-case'

// Primary keys: added, dropped, changed columns, renamed (Alembic: test_autogen_diffs, PK changes).

const columns = [column('id'), column('tenant'), column('code', 'varchar', { length: 10 })]
const keyed = (primaryKey: PrimaryKeyModel | undefined) => schema([table('item', columns, { primaryKey })])
const item = { name: 'item' }

const cases: DiffCase[] = [
  { name: 'a key is added', before: keyed(undefined), after: keyed({ columns: ['id'] }), operations: [{ kind: 'add_primary_key', table: item, primaryKey: { columns: ['id'] } }] },
  { name: 'a key is dropped', before: keyed({ columns: ['id'] }), after: keyed(undefined), operations: [{ kind: 'drop_primary_key', table: item, primaryKey: { columns: ['id'] } }] },
  {
    name: 'a key on other columns is dropped, then added',
    before: keyed({ name: 'PK_item', columns: ['id'] }),
    after: keyed({ name: 'PK_item', columns: ['id', 'tenant'] }),
    operations: [
      { kind: 'drop_primary_key', table: item, primaryKey: { name: 'PK_item', columns: ['id'] } },
      { kind: 'add_primary_key', table: item, primaryKey: { name: 'PK_item', columns: ['id', 'tenant'] } },
    ],
  },
  {
    name: 'a key that only changes name is renamed where names change in place',
    before: keyed({ name: 'item_pkey', columns: ['id'] }),
    after: keyed({ name: 'PK_item', columns: ['id'] }),
    operations: [{ kind: 'rename_constraint', table: item, constraint: 'primary_key', from: 'item_pkey', to: 'PK_item', primaryKey: { name: 'item_pkey', columns: ['id'] } }],
    capabilities: typed,
  },
  {
    name: 'a key that only changes name is left alone where names do not change in place',
    before: keyed({ name: 'item_pkey', columns: ['id'] }),
    after: keyed({ name: 'PK_item', columns: ['id'] }),
    operations: [],
    capabilities: flat,
  },
]

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, diffCase) => expectDiffCase(diffCase))
