import { nameOf } from '../model/qualified-name'
import type { HazardFinding } from './hazard-finding'
import { columnText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * charsetNarrowingFindings: CHARSET_NARROWING for a column given a charset that lacks characters its values may
 * hold, as the dialect tells (utf8mb4 made ascii or latin1), its own or, where it loses its own, its table's: the
 * database refuses those values, or, outside a strict mode, replaces each such character, so the migration checks
 * first and fails while a value holds one.
 */
export function charsetNarrowingFindings(context: RuleContext): HazardFinding[] {
  const { losesCharacters } = context.input.dialect
  if (losesCharacters === undefined) return []
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    if (op.kind !== 'alter_column' || !op.changes.includes('collation')) return []
    const origin = context.origins.column(index, op.table, op.from.name)
    const charset = op.to.charset ?? (op.from.charset === undefined ? undefined : origin?.table.charset)
    if (charset === undefined || !losesCharacters(op.from.charset, charset)) return []
    return [{
      code: 'CHARSET_NARROWING', operation: op,
      what: `Gives ${columnText(op.table, op.to.name)} charset ${charset}, which lacks characters other charsets have: ` +
        'the migration checks first, and fails while a value holds one, changing nothing',
      advice: 'change those values first, or keep the charset',
      ...(origin !== undefined && { probe: { kind: 'loses_characters', table: nameOf(origin.table), column: origin.column.name, charset } }),
    }]
  })
}
