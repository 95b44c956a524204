import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import type { SchemaModel } from '../../../src/model/schema-model'
import { applyOperations } from '../../../src/operations/apply'
import { reverseOperations } from '../../../src/operations/reverse'
import { col, createOps, pgSchema, pgTable } from './pg-models'
import { createPgDatabase, type PgTestDatabase } from './pg-test-database'
import { canonicalOnly } from '../../support/model-builders'
import { changeSetOf } from '../../../src/plan/change-set'

/** The entities' side as TypeORM spells it (driver.normalizeType / normalizeDefault), before normalize. */
const entities: SchemaModel = pgSchema([
  pgTable('users', [
    col('id', 'integer', { generated: { kind: 'increment' } }),
    col('uid', 'uuid', { generated: { kind: 'uuid' } }),
    col('name', 'character varying', { length: 100, nullable: true }),
    col('email', 'character varying'),
    col('price', 'numeric', { precision: 10, scale: 2, default: "'0'" }),
    col('ratio', 'double precision', { default: "'0.5'" }),
    col('created', 'timestamp with time zone', { precision: 3, default: 'now()' }),
    col('updated', 'timestamp without time zone', { default: 'now()' }),
    col('tags', 'text', { isArray: true, default: "'{}'" }),
    col('scores', 'integer', { isArray: true, nullable: true }),
    col('status', 'enum', { enumValues: ['active', 'disabled'], default: "'active'" }),
    col('roles', 'enum', { isArray: true, enumName: 'role_enum', enumValues: ['admin', 'user'], default: "'{user}'" }),
    col('profile', 'jsonb', { default: '\'{"theme":"dark","size":2}\'' }),
    col('flags', 'json', { nullable: true }),
    col('active', 'boolean', { default: 'true' }),
    col('code', 'character', { length: 3, nullable: true }),
    col('bits', 'bit varying', { length: 8, nullable: true }),
    col('starts', 'time without time zone', { nullable: true }),
    col('big', 'int8', { nullable: true }),
    col('small', 'int2', { default: "'-1'" }),
    col('doubled', 'integer', { nullable: true, computed: { expression: '"small" * 2', stored: true } }),
    col('note', 'text', { nullable: true, comment: "user's note", collation: 'C' }),
  ], {
    schema: undefined,
    primaryKey: { name: 'PK_users', columns: ['id'] },
    uniques: [{ name: 'UQ_users_email', columns: ['email'] }],
    checks: [{ name: 'CHK_users_price', expression: '"price" >= 0' }],
    indexes: [
      { name: 'IDX_users_tags', columns: ['tags'], unique: false, method: 'gin', where: '"active" = true' },
      { name: 'IDX_users_name', columns: ['name', 'email'], unique: true, where: '"name" IS NOT NULL' },
    ],
    comment: 'application users',
  }),
  pgTable('teams', [
    col('id', 'integer', { generated: { kind: 'identity', always: true } }),
    col('name', 'varchar', { length: 50 }),
  ], { schema: 'app', primaryKey: { name: 'PK_teams', columns: ['id'] } }),
  pgTable('members', [
    col('user_id', 'int'),
    col('team_id', 'int4'),
    col('joined', 'timestamptz', { nullable: true, default: 'CURRENT_TIMESTAMP' }),
  ], {
    schema: undefined,
    primaryKey: { name: 'PK_members', columns: ['user_id', 'team_id'] },
    foreignKeys: [
      { name: 'FK_members_user', columns: ['user_id'], referencedTable: 'users', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' },
      { name: 'FK_members_team', columns: ['team_id'], referencedSchema: 'app', referencedTable: 'teams', referencedColumns: ['id'], onDelete: 'RESTRICT', onUpdate: 'CASCADE' },
    ],
  }),
], { schemas: [] })

describe('postgres round trip', () => {
  let db: PgTestDatabase
  beforeAll(async () => {
    db = await createPgDatabase('roundtrip')
  })
  afterAll(async () => {
    await db.drop()
  })

  it('normalizes the entity spelling into the canonical model', () => {
    const desired = postgresDialect.normalize(entities)
    expect(desired.schemas).toEqual(['app', 'public'])
    expect(desired.extensions).toEqual(['uuid-ossp'])
    expect(desired.enums).toEqual([
      { schema: 'public', name: 'role_enum', values: ['admin', 'user'] },
      { schema: 'public', name: 'users_status_enum', values: ['active', 'disabled'] },
    ])
    const users = desired.tables.find((t) => t.name === 'users')!
    expect(canonicalOnly(users.columns.find((c) => c.name === 'uid'))).toEqual(
      { name: 'uid', type: 'uuid', nullable: false, default: 'uuid_generate_v4()', generated: { kind: 'uuid' } })
    expect(canonicalOnly(users.columns.find((c) => c.name === 'created'))).toEqual(
      { name: 'created', type: 'timestamptz', precision: 3, nullable: false, default: 'CURRENT_TIMESTAMP' })
    expect(canonicalOnly(users.checks)).toEqual([{ name: 'CHK_users_price', expression: 'price >= 0' }])
  })

  it('normalize is idempotent', () => {
    const desired = postgresDialect.normalize(entities)
    expect(postgresDialect.normalize(desired)).toEqual(desired)
  })

  it('creates every kind of column, introspects it back equal, and reverses to the empty database', async () => {
    const empty = await db.introspect(['app', 'public'])
    expect(empty).toEqual({ tables: [], enums: [], schemas: ['public'], extensions: [], views: [] })

    const desired = postgresDialect.normalize(entities)
    const ops = createOps(desired, empty)
    const up = postgresDialect.compile(changeSetOf(empty, ops))
    await db.apply(up)
    expect(canonicalOnly(await db.introspect(['app', 'public']))).toEqual(canonicalOnly(desired))

    const down = postgresDialect.compile(changeSetOf(applyOperations(empty, ops), reverseOperations(ops)))
    await db.apply(down)
    expect(await db.introspect(['app', 'public'])).toEqual(empty)
  })
})
