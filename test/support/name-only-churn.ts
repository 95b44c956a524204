import type { Operation } from '../../src/operations/operation'

const pairs: ReadonlyArray<readonly [string, string, string]> = [
  ['drop_index', 'create_index', 'index'],
  ['drop_unique', 'add_unique', 'unique'],
  ['drop_foreign_key', 'add_foreign_key', 'foreignKey'],
  ['drop_check', 'add_check', 'check'],
  ['drop_primary_key', 'add_primary_key', 'primaryKey'],
]

/**
 * nameOnlyChurn lists the objects an operation list drops and creates again on the same table with the same
 * definition, the name aside: what a diff that matches by name instead of by definition writes.
 */
export function nameOnlyChurn(operations: readonly Operation[]): string[] {
  const found: string[] = []
  for (const [drop, create, field] of pairs) {
    const created = operations.filter((op) => op.kind === create).map((op) => definitionKey(op, field))
    for (const op of operations.filter((o) => o.kind === drop)) {
      if (created.includes(definitionKey(op, field))) found.push(`${drop}/${create} ${definitionKey(op, field)}`)
    }
  }
  return found
}

function definitionKey(op: Operation, field: string): string {
  const { name: _name, ...definition } = (op as unknown as Record<string, Record<string, unknown>>)[field]!
  return JSON.stringify({ table: (op as { table?: unknown }).table, definition: sortedKeys(definition) })
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]))
}
