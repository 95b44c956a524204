import { quoteDoubled } from '../dialect/quote'
import type { QualifiedName } from '../model/schema-model'
import { checkMentionsColumn, predicateMentionsColumn } from '../operations/rename-identifier'
import type { HazardFinding } from './hazard-finding'
import { tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * goneColumnFindings: READS_GONE_COLUMN where an index the migration creates (its WHERE) or a check it adds names
 * a column the table had before the migration and no longer has at that point: renamed or dropped earlier in the
 * migration, while the entity still writes the old name. The database refuses the expression there ("column does
 * not exist"), and the migration fails. A name the table has again by then (another column given it) is no finding.
 */
export function goneColumnFindings(context: RuleContext): HazardFinding[] {
  const { changes } = context.input
  return changes.ops.flatMap((op, index): HazardFinding[] => {
    const expression = op.kind === 'create_index' && op.index.where !== undefined
      ? { what: `Creates index ${quoteDoubled(op.index.name)}`, part: 'WHERE', advice: "the entity's where", mentions: (c: string) => predicateMentionsColumn(op.index, c) }
      : op.kind === 'add_check'
        ? { what: `Adds check ${quoteDoubled(op.check.name)}`, part: 'expression', advice: 'the @Check expression', mentions: (c: string) => checkMentionsColumn(op.check, c) }
        : undefined
    if (expression === undefined) return []
    const table = (op as { table: QualifiedName }).table
    const original = context.origins.table(index, table)
    const now = changes.tableBefore(index)
    if (original === undefined || now === undefined) return []
    const has = (name: string) => now.columns.some((c) => c.name.toLowerCase() === name.toLowerCase())
    return original.columns.filter((c) => !has(c.name) && expression.mentions(c.name)).map((gone): HazardFinding => {
      const renamedTo = now.columns.find((c) => context.origins.column(index, table, c.name)?.column.name === gone.name)?.name
      const fate = renamedTo === undefined ? 'dropped earlier in this migration' : `renamed to ${quoteDoubled(renamedTo)} earlier in this migration`
      return {
        code: 'READS_GONE_COLUMN', operation: op,
        what: `${expression.what} on ${tableText(table)} whose ${expression.part} names column ${quoteDoubled(gone.name)}, which the table no longer has there (${fate}): the database refuses it, and the migration fails there`,
        advice: renamedTo === undefined ? `take the column out of ${expression.advice}, or keep the column` : `write the new name ${quoteDoubled(renamedTo)} in ${expression.advice}`,
      }
    })
  })
}
