import { qualifiedKey } from '../model/qualified-name'
import type { DeclarationConflict } from '../source/declaration-conflicts'
import { type Hazard, hazardSeverity } from './hazard'

/**
 * declarationConflictHazards reports each table the entities declare twice, differently, as a
 * DECLARATION_CONFLICT: both declarations, every difference, which one the diff follows and what breaks.
 * It concerns the entities, not an operation, so it comes whether or not the table changes.
 */
export function declarationConflictHazards(conflicts: readonly DeclarationConflict[]): Hazard[] {
  return conflicts.map((conflict) => {
    const table = `"${qualifiedKey(conflict.table)}"`
    const breaks = conflict.breaks.length > 0 ? `, so ${conflict.breaks.join('; ')}` : ''
    return {
      code: 'DECLARATION_CONFLICT',
      severity: hazardSeverity.DECLARATION_CONFLICT,
      subject: table,
      message: `${table} is declared by ${conflict.followed} and by ${conflict.ignored}, differently (${conflict.differences.join('; ')}); ` +
        `the diff follows ${conflict.followed} and ignores ${conflict.ignored}${breaks}; make the two declarations agree, or give one another table.`,
    }
  })
}
