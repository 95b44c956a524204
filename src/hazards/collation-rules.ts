import { quoteDoubled } from '../dialect/quote'
import { nameOf } from '../model/qualified-name'
import { uniqueKeysOf } from '../model/unique-keys'
import type { HazardFinding } from './hazard-finding'
import { columnText, columnsText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * collationFindings: COLLATION_CHANGE for a column whose collation changes while the primary key, a unique
 * constraint or a unique index of its table holds it: values the new collation holds equal (`a` and `A` under
 * a case-insensitive one) make the migration fail. It counts them where the character set stays and the new
 * collation is named (not the default).
 */
export function collationFindings(context: RuleContext): HazardFinding[] {
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    if (op.kind !== 'alter_column' || !op.changes.includes('collation')) return []
    const origin = context.origins.column(index, op.table, op.from.name)
    if (origin === undefined) return []
    const key = uniqueKeysOf(origin.table).find((columns) => columns.includes(origin.column.name))
    if (key === undefined) return []
    const { collation, charset } = op.to
    const countable = collation !== undefined && op.from.charset === charset
    const named = collation !== undefined ? quoteDoubled(collation) : charset !== undefined ? `the default one of ${charset}` : 'the default one'
    return [{
      code: 'COLLATION_CHANGE', operation: op,
      what: `Changes the collation of ${columnText(op.table, op.to.name)} to ${named}, ` +
        `which may hold values of its unique key ${columnsText(key)} equal that were not: the migration fails where they are`,
      advice: 'compare the values as the new collation does and remove the duplicates first, or keep the collation',
      ...(countable && {
        probe: { kind: 'duplicates', table: nameOf(origin.table), columns: key, collated: { column: origin.column.name, collation } },
      }),
    }]
  })
}
