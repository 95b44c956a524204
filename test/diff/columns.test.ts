import { alterColumn } from '../../src/plan/column-change'
import type { ColumnModel } from '../../src/model/schema-model'
import { column, schema, table } from '../support/model-builders'
import { type DiffCase, expectDiffCase, typed } from './diff-case'

// Columns: added, dropped, and each attribute changed on its own (Alembic: test_autogen_diffs, AlterColumnTest,
// compare type / nullable / server_default / comment, test_autogen_computed, test_autogen_identity).

const id = column('id')
const users = (...columns: ColumnModel[]) => schema([table('user', [id, ...columns], { primaryKey: { columns: ['id'] } })])
const name = column('name', 'varchar', { length: 50 })
const user = { name: 'user' }

/** changed is the case of one column of `user` going from `from` to `to`: one alter_column. */
function changed(caseName: string, from: ColumnModel, to: ColumnModel, extra: Partial<DiffCase> = {}): DiffCase {
  return { name: caseName, before: users(from), after: users(to), operations: [alterColumn(user, from, to)], ...extra }
}

const cases: DiffCase[] = [
  { name: 'a new column is added', before: users(), after: users(name), operations: [{ kind: 'add_column', table: user, column: name }] },
  { name: 'a removed column is dropped', before: users(name), after: users(), operations: [{ kind: 'drop_column', table: user, column: name }] },
  {
    name: 'an added and a dropped column in one table are both listed, the dropped one first',
    before: users(column('legacy', 'text')),
    after: users(name),
    operations: [{ kind: 'drop_column', table: user, column: column('legacy', 'text') }, { kind: 'add_column', table: user, column: name }],
  },
  changed('the type changes', column('n', 'integer'), column('n', 'bigint')),
  changed('the length changes', name, { ...name, length: 100 }),
  changed('a length is added', column('code', 'varchar'), column('code', 'varchar', { length: 10 })),
  changed('precision and scale change', column('price', 'numeric', { precision: 10, scale: 2 }), column('price', 'numeric', { precision: 12, scale: 4 })),
  changed('the column becomes an array', column('tags', 'text'), column('tags', 'text', { isArray: true }), { capabilities: typed }),
  changed('NOT NULL is dropped', name, { ...name, nullable: true }),
  changed('NOT NULL is set', { ...name, nullable: true }, name),
  changed('a default is added', column('views'), column('views', 'integer', { default: '0' })),
  changed('a default changes', column('views', 'integer', { default: '0' }), column('views', 'integer', { default: '1' })),
  changed('a default is removed', column('views', 'integer', { default: '0' }), column('views')),
  changed('a comment is added', name, { ...name, comment: 'shown on the profile' }),
  changed('a comment changes', { ...name, comment: 'old' }, { ...name, comment: 'new' }),
  changed('a comment is removed', { ...name, comment: 'old' }, name),
  changed('a collation is set', name, { ...name, collation: 'C' }, { capabilities: typed }),
  changed('an identity is added', column('n', 'integer'), column('n', 'integer', { generated: { kind: 'identity', always: false } }), { capabilities: typed }),
  changed(
    'an identity goes from BY DEFAULT to ALWAYS',
    column('n', 'integer', { generated: { kind: 'identity', always: false } }),
    column('n', 'integer', { generated: { kind: 'identity', always: true } }),
    { capabilities: typed },
  ),
  changed('an identity is removed', column('n', 'integer', { generated: { kind: 'identity', always: true } }), column('n', 'integer'), { capabilities: typed }),
  changed('a serial becomes an identity', column('n', 'integer', { generated: { kind: 'increment' } }), column('n', 'integer', { generated: { kind: 'identity', always: true } }), { capabilities: typed }),
  changed('a generated uuid is added', column('key', 'uuid'), column('key', 'uuid', { generated: { kind: 'uuid' } }), { capabilities: typed }),
  changed(
    'a computed column gets another expression',
    column('total', 'integer', { nullable: true, computed: { expression: '("a" + "b")', stored: true } }),
    column('total', 'integer', { nullable: true, computed: { expression: '("a" * "b")', stored: true } }),
  ),
  changed(
    'a computed column becomes stored',
    column('total', 'integer', { nullable: true, computed: { expression: '("a" + "b")', stored: false } }),
    column('total', 'integer', { nullable: true, computed: { expression: '("a" + "b")', stored: true } }),
  ),
  changed('a plain column becomes computed', column('total', 'integer', { nullable: true }), column('total', 'integer', { nullable: true, computed: { expression: '("a" + "b")', stored: true } })),
  changed(
    'the values of a CHECK-backed enum column change where enums are not types',
    column('mood', 'varchar', { enumValues: ['happy', 'sad'] }),
    column('mood', 'varchar', { enumValues: ['happy', 'sad', 'ok'] }),
  ),
  {
    name: 'the values alone of an enum column are no column change where enums are types (the type changes instead)',
    before: users(column('mood', 'mood_enum', { enumName: 'mood_enum', enumValues: ['happy'] })),
    after: users(column('mood', 'mood_enum', { enumName: 'mood_enum', enumValues: ['happy', 'sad'] })),
    operations: [],
    capabilities: typed,
  },
  changed(
    'an enum column moves to another enum type',
    column('mood', 'mood_enum', { enumName: 'mood_enum', enumValues: ['happy'] }),
    column('mood', 'feeling_enum', { enumName: 'feeling_enum', enumValues: ['happy'] }),
    { capabilities: typed },
  ),
  {
    name: 'a default written differently but the same canonically is no change',
    before: users(column('views', 'integer', { default: '0', defaultSql: '(0)' })),
    after: users(column('views', 'integer', { default: '0', defaultSql: '0' })),
    operations: [],
  },
  {
    name: 'several attributes of one column change in one alter_column',
    before: users(name),
    after: users({ ...name, type: 'text', length: undefined, nullable: true, default: "'x'" }),
    operations: [alterColumn(user, name, { ...name, type: 'text', length: undefined, nullable: true, default: "'x'" })],
  },
]

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, diffCase) => expectDiffCase(diffCase))
