import { quoteDoubled } from '../dialect/quote'
import { nameOf } from '../model/qualified-name'
import type { AlterColumn } from '../operations/operation'
import { uniqueKeysOf } from '../model/unique-keys'
import type { HazardFinding } from './hazard-finding'
import { columnText, columnsText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * collationFindings: COLLATION_CHANGE for a column whose collation changes while the primary key, a unique
 * constraint or a unique index of its table holds it: values the new collation holds equal (`a` and `A` under
 * a case-insensitive one) make the migration fail. It counts them where the character set stays and the new
 * collation is named, or is the table's (the column made to take its table's default). So does a type made one that compares ignoring case (caseInsensitiveFindings).
 */
export function collationFindings(context: RuleContext): HazardFinding[] {
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    if (op.kind !== 'alter_column') return []
    if (!op.changes.includes('collation')) return caseInsensitiveFindings(context, op, index)
    const held = heldByUniqueKey(context, op, index)
    if (held === undefined) return []
    const { origin, key } = held
    const { charset } = op.to
    const tableCollation = op.to.collation === undefined && charset === undefined ? origin.table.collation : undefined
    const collation = op.to.collation ?? tableCollation
    const countable = collation !== undefined && op.from.charset === charset
    const named = op.to.collation !== undefined ? quoteDoubled(op.to.collation)
      : tableCollation !== undefined ? `the table's ${quoteDoubled(tableCollation)}`
      : charset !== undefined ? `the default one of ${charset}` : 'the default one'
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

/**
 * caseInsensitiveFindings: COLLATION_CHANGE for a column made a type whose values compare ignoring case
 * (`varchar` made PostgreSQL's `citext`, as an email is) while a unique key of its table holds it: values
 * equal but for case (`Bob@example.com` and `bob@example.com`) make the migration fail. It counts them.
 */
function caseInsensitiveFindings(context: RuleContext, op: AlterColumn, index: number): HazardFinding[] {
  const folding = context.input.dialect.capabilities.caseInsensitiveTypes ?? []
  if (!op.changes.includes('type') || !folding.includes(op.to.type) || folding.includes(op.from.type)) return []
  const held = heldByUniqueKey(context, op, index)
  if (held === undefined) return []
  const { origin, key } = held
  return [{
    code: 'COLLATION_CHANGE', operation: op,
    what: `Changes ${columnText(op.table, op.to.name)} to ${op.to.type}, which compares values ignoring case: values of its ` +
      `unique key ${columnsText(key)} that differ only in case become equal, and the migration fails where they are`,
    advice: 'remove the values that differ only in case first, or keep the type',
    probe: { kind: 'duplicates', table: nameOf(origin.table), columns: key, caseFolded: origin.column.name },
  }]
}

/** heldByUniqueKey is the altered column as the database has it and the first unique key of its table holding it, if one does. */
function heldByUniqueKey(context: RuleContext, op: AlterColumn, index: number) {
  const origin = context.origins.column(index, op.table, op.from.name)
  if (origin === undefined) return undefined
  const key = uniqueKeysOf(origin.table).find((columns) => columns.includes(origin.column.name))
  return key === undefined ? undefined : { origin, key }
}
