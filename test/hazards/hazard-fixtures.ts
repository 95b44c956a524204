import type { Dialect } from '../../src/dialect/dialect'
import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import { sqliteDialect } from '../../src/dialect/sqlite/sqlite-dialect'
import { findHazards } from '../../src/hazards/find-hazards'
import type { HazardFinding } from '../../src/hazards/hazard-finding'
import type { HazardInput } from '../../src/hazards/hazard-input'
import type { ColumnModel, QualifiedName, SchemaModel, TableModel } from '../../src/model/schema-model'
import type { Operation } from '../../src/operations/operation'
import { column, schema, table } from '../support/model-builders'
import { changeSetOf } from '../../src/plan/change-set'
import { alterColumn } from '../../src/plan/column-change'

export { postgresDialect, sqliteDialect }

/** users is a table with data in it, in the dialect's spelling (`public` schema on PostgreSQL). */
export function users(dialect: Dialect, extra: Partial<TableModel> = {}): TableModel {
  return table('users', [
    column('id', 'integer', { generated: { kind: 'increment' } }),
    column('email', 'varchar', { nullable: true }),
    column('name', 'varchar', { length: 100 }),
    column('age', 'integer', { nullable: true }),
    column('bio', 'text', { nullable: true }),
  ], { ...(dialect.capabilities.schemas && { schema: 'public' }), primaryKey: { columns: ['id'] }, ...extra })
}

/** usersName is the name operations on `users` use. */
export function usersName(dialect: Dialect): QualifiedName {
  return dialect.capabilities.schemas ? { schema: 'public', name: 'users' } : { name: 'users' }
}

/** before is a schema holding `users` (and more tables). */
export function before(dialect: Dialect, ...tables: TableModel[]): SchemaModel {
  return schema([users(dialect), ...tables], dialect.capabilities.schemas ? { schemas: ['public'] } : {})
}

/** findingsOf runs every rule over `ops` compiled by the dialect (or over the statements given). */
export function findingsOf(dialect: Dialect, start: SchemaModel, ops: Operation[], extra: Partial<HazardInput> = {}): HazardFinding[] {
  const changes = changeSetOf(start, ops)
  return findHazards({ changes, statements: dialect.compile(changes), dialect, ...extra })
}

/** codesOf lists the codes found. */
export function codesOf(dialect: Dialect, start: SchemaModel, ops: Operation[], extra: Partial<HazardInput> = {}): string[] {
  return findingsOf(dialect, start, ops, extra).map((f) => f.code)
}

/** alter is an AlterColumn of `users` from its column `name` to that column with `change`. */
export function alter(dialect: Dialect, name: string, change: Partial<ColumnModel>, from: Partial<ColumnModel> = {}): Operation {
  const original = { ...users(dialect).columns.find((c) => c.name === name)!, ...from }
  return alterColumn(usersName(dialect), original, { ...original, ...change })
}

export { column, schema, table }
