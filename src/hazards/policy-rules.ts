import { quoteDoubled } from '../dialect/quote'
import { onlyAddsLabels } from '../model/enum-only-adds'
import type { QualifiedName } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { changesType } from '../plan/column-change'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * policyReadsColumnFindings: POLICY_READS_COLUMN where an operation drops, or changes the type of, a column that a
 * row-level security policy of its table reads (TableModel.policies: PostgreSQL tracks them), an enum type made
 * again (labels removed or reordered) changing the type of each of its columns. The database refuses both while
 * the policy exists, so upgrade fails at that statement and the migration is rolled back. A rename, which the
 * database carries into the policy, breaks nothing.
 */
export function policyReadsColumnFindings(context: RuleContext): HazardFinding[] {
  const enumTypes = context.input.dialect.capabilities.enumTypes
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => columnsBroken(op, enumTypes).flatMap((acted): HazardFinding[] => {
    const origin = context.origins.column(index, acted.table, acted.column)
    if (origin === undefined || context.origins.droppedLater(index)) return []
    const readers = (origin.table.policies ?? []).filter((p) => p.reads.includes(origin.column.name))
    if (readers.length === 0) return []
    const several = readers.length > 1
    const names = `${several ? 'policies' : 'policy'} ${readers.map((p) => quoteDoubled(p.name)).join(', ')} on ${tableText(origin.table)}`
    const column = columnText(origin.table, origin.column.name)
    const how = acted.how === 'drop'
      ? `Drops column ${column}`
      : `Changes the type of column ${column}${acted.remade === undefined ? '' : ` (its enum type ${tableText(acted.remade)} is made again)`}`
    const refused = acted.how === 'drop' ? 'drop a column a policy depends on' : 'change the type of a column a policy reads'
    return [{
      code: 'POLICY_READS_COLUMN',
      operation: op,
      what: `${how}, which ${names} ${several ? 'read' : 'reads'}: the database refuses to ${refused}, so upgrade fails at this statement and the migration is rolled back, nothing changed`,
      advice: `drop the ${several ? 'policies' : 'policy'} (DROP POLICY) before this statement in up and create ${several ? 'them' : 'it'} again after it (CREATE POLICY), and the same around it in down, or keep the column as it is`,
    }]
  }))
}

/** ColumnBroken is a column an operation drops or changes the type of, by its name at the operation. */
interface ColumnBroken {
  readonly table: QualifiedName
  readonly column: string
  readonly how: 'drop' | 'type'
  /** The enum type made again, where that is what changes the column's type. */
  readonly remade?: QualifiedName
}

function columnsBroken(op: Operation, enumTypes: boolean): ColumnBroken[] {
  if (op.kind === 'drop_column') return [{ table: op.table, column: op.column.name, how: 'drop' }]
  if (op.kind === 'alter_column' && changesType(op.changes)) return [{ table: op.table, column: op.from.name, how: 'type' }]
  if (op.kind === 'alter_enum' && enumTypes && !onlyAddsLabels(op.from.values, op.to.values)) {
    return op.users.map((user) => ({ table: user.table, column: user.column.name, how: 'type', remade: op.from }))
  }
  return []
}
