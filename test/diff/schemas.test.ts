import { column, schema, table } from '../support/model-builders'
import { type DiffCase, expectDiffCase, typed } from './diff-case'

// Schemas and extensions: created when the entities need them, never dropped, since other applications
// may use them (Alembic: include_schemas; Atlas and Prisma create schemas and extensions alike).

const item = (schemaName: string) => table('item', [column('id')], { schema: schemaName, primaryKey: { columns: ['id'] } })
const neverDropped = 'schemas and extensions are never dropped, so the diffs of the two directions differ'

const cases: DiffCase[] = [
  {
    name: 'a schema is created before its tables',
    before: schema([], { schemas: ['public'] }),
    after: schema([item('audit')], { schemas: ['public', 'audit'] }),
    operations: [{ kind: 'create_schema', schema: 'audit' }, { kind: 'create_table', table: item('audit') }],
    capabilities: typed,
    oneWay: neverDropped,
  },
  {
    name: 'a schema the entities no longer use is kept',
    before: schema([], { schemas: ['public', 'legacy'] }),
    after: schema([], { schemas: ['public'] }),
    operations: [],
    capabilities: typed,
    oneWay: neverDropped,
  },
  {
    name: 'an extension is created',
    before: schema([]),
    after: schema([], { extensions: ['uuid-ossp'] }),
    operations: [{ kind: 'create_extension', extension: 'uuid-ossp' }],
    capabilities: typed,
    oneWay: neverDropped,
  },
  {
    name: 'an extension the entities no longer need is kept',
    before: schema([], { extensions: ['hstore'] }),
    after: schema([]),
    operations: [],
    capabilities: typed,
    oneWay: neverDropped,
  },
]

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, diffCase) => expectDiffCase(diffCase))
