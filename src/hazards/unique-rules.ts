import { quoteDoubled } from '../dialect/quote'
import { nameOf } from '../model/qualified-name'
import type { QualifiedName, TableModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import { columnsText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * uniqueFindings: ADD_UNIQUE for a unique constraint, unique index or primary key added to a table that
 * exists already, unless the table already enforces uniqueness on those columns; counts duplicate values.
 */
export function uniqueFindings(context: RuleContext): HazardFinding[] {
  return context.input.ops.flatMap((op, index): HazardFinding[] => {
    const added = addedUniqueness(op)
    if (added === undefined) return []
    const table = context.origins.table(index, added.table)
    if (table === undefined) return []
    const origins = added.columns.map((c) => context.origins.column(index, added.table, c)?.column.name)
    const known = origins.every((c): c is string => c !== undefined)
    if (known && alreadyUnique(table, origins)) return []
    return [{
      code: 'ADD_UNIQUE', operation: op,
      what: `Adds ${added.noun} on ${tableText(added.table)} ${columnsText(added.columns)}, which fails while values repeat`,
      advice: 'remove the duplicates first',
      ...(known && { probe: { kind: 'duplicates', table: nameOf(table), columns: origins } }),
    }]
  })
}

interface AddedUniqueness {
  readonly table: QualifiedName
  readonly columns: readonly string[]
  readonly noun: string
}

function addedUniqueness(op: Operation): AddedUniqueness | undefined {
  switch (op.kind) {
    case 'add_unique':
      return { table: op.table, columns: op.unique.columns, noun: `unique constraint ${quoteDoubled(op.unique.name)}` }
    case 'create_index':
      return op.index.unique && op.index.where === undefined
        ? { table: op.table, columns: op.index.columns, noun: `unique index ${quoteDoubled(op.index.name)}` }
        : undefined
    case 'add_primary_key':
      return { table: op.table, columns: op.primaryKey.columns, noun: 'a primary key' }
    default:
      return undefined
  }
}

function alreadyUnique(table: TableModel, columns: readonly string[]): boolean {
  const key = [...columns].sort().join('\0')
  const same = (other: readonly string[]) => [...other].sort().join('\0') === key
  return (
    (table.primaryKey !== undefined && same(table.primaryKey.columns)) ||
    table.uniques.some((u) => same(u.columns)) ||
    table.indexes.some((i) => i.unique && i.where === undefined && same(i.columns))
  )
}
