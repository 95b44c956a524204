import { postgresTypeFamilies, postgresTypeLimits } from '../../src/dialect/postgres/postgres-type-families'
import { sqliteTypeFamilies, sqliteTypeLimits } from '../../src/dialect/sqlite/sqlite-type-families'
import type { DialectCapabilities } from '../../src/dialect/dialect'
import { diffSchemas } from '../../src/diff/diff-schemas'
import type { SchemaModel } from '../../src/model/schema-model'
import { applyOperations } from '../../src/operations/apply'
import type { Operation } from '../../src/operations/operation'
import { reverseOperations } from '../../src/operations/reverse'

/** Capabilities of a database with schemas, enum types and extensions that renames objects in place. */
export const typed: DialectCapabilities = { schemas: true, enumTypes: true, extensions: true, transactionalDdl: true, renamesInPlace: true, typeFamilies: postgresTypeFamilies, typeLimits: postgresTypeLimits }
/** Capabilities of a database with none of them, where an object that only changes name keeps the old one. */
export const flat: DialectCapabilities = { schemas: false, enumTypes: false, extensions: false, transactionalDdl: true, typeFamilies: sqliteTypeFamilies, typeLimits: sqliteTypeLimits }

/** DiffCase is one change between two models: the operations the diff must produce for it, in order. */
export interface DiffCase {
  readonly name: string
  readonly before: SchemaModel
  readonly after: SchemaModel
  readonly operations: readonly Operation[]
  readonly capabilities?: DialectCapabilities
  /**
   * Why the diff from `after` back to `before` is not the reverse of `operations` (schemas and extensions are
   * never dropped); absent: it must be.
   */
  readonly oneWay?: string
}

/**
 * expectDiffCase checks a case: the diff produces its operations; their reverse is what the diff finds from
 * `after` back to `before` (same operations, in any order); applying them reaches `after`, and applying the
 * reverse on `after` comes back to a model with no difference from `before` (for a one-way case: none from
 * `before` to it).
 */
export function expectDiffCase(diffCase: DiffCase): void {
  const capabilities = diffCase.capabilities ?? flat
  const up = diffSchemas(diffCase.before, diffCase.after, capabilities)
  expect(up).toEqual(diffCase.operations)
  const down = reverseOperations(up)
  if (diffCase.oneWay === undefined) {
    expect(sorted(down)).toEqual(sorted(diffSchemas(diffCase.after, diffCase.before, capabilities)))
  }
  expect(diffSchemas(applyOperations(diffCase.before, up), diffCase.after, capabilities)).toEqual([])
  const restored = applyOperations(diffCase.after, down)
  expect(diffSchemas(diffCase.before, restored, capabilities)).toEqual([])
  if (diffCase.oneWay === undefined) expect(diffSchemas(restored, diffCase.before, capabilities)).toEqual([])
}

/** sorted orders operations by their content, so that two lists compare as sets. */
function sorted(ops: readonly Operation[]): unknown[] {
  return ops.map(comparable).sort((a, b) => canonical(a).localeCompare(canonical(b)))
}

/** comparable names the columns an AlterEnum's type is used by: their copies hold the labels of the side they were read on. */
function comparable(op: Operation): unknown {
  return op.kind === 'alter_enum' ? { ...op, users: op.users.map((u) => ({ ...u, column: u.column.name })) } : op
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined'
  return `{${Object.keys(value).sort().map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`
}
