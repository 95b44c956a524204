import { type Hazard, hazardSeverity } from '../hazards/hazard'
import { columnText } from '../hazards/hazard-names'
import { qualifiedKey } from '../model/qualified-name'
import { typeText } from '../model/type-text'
import type { AlterColumn, Operation } from '../operations/operation'
import { changesType } from '../plan/column-change'
import type { DeclaredFactChange } from '../source/declared-fact-changes'

const simpleArray = 'simple-array'

/**
 * simpleArrayConversions: TYPE_CAST_MAY_FAIL for each column declared `simple-array` before (the snapshot) and
 * not now, or now and not before, whose stored type `up` changes. TypeORM writes such a list as its elements
 * joined by commas and reads it split at them, which no conversion of the stored values knows: the text
 * `user,admin` becomes the one element `{"user,admin"}` of an array, and an array's text `{user,admin}` is
 * read back as `{user` and `admin}`.
 */
export function simpleArrayConversions(changes: readonly DeclaredFactChange[], up: readonly Operation[]): Hazard[] {
  return changes.flatMap((change): Hazard[] => {
    const wasList = change.from.type === simpleArray
    if (wasList === (change.to.type === simpleArray)) return []
    const op = up.find((o): o is AlterColumn => o.kind === 'alter_column' && qualifiedKey(o.table) === qualifiedKey(change.table) &&
      o.to.name === change.to.name && changesType(o.changes))
    if (op === undefined) return []
    const subject = columnText(op.table, op.to.name)
    const what = wasList
      ? 'each value is converted whole, not as the list TypeORM joined with commas (made an array, `user,admin` becomes the one element `{"user,admin"}`)'
      : 'each value is stored as its text (an array `{user,admin}` as `{user,admin}`), which TypeORM reads as the parts between its commas (`{user` and `admin}`)'
    const advice = wasList
      ? 'split the values at their commas by hand in the migration, or keep simple-array'
      : 'join the elements with commas by hand in the migration, or keep the old declaration'
    const declared = `declared ${change.from.type} before and ${change.to.type} now`
    const message = `Changes ${subject} from ${typeText(op.from)} to ${typeText(op.to)}, ${declared}: ${what}; ${advice}.`
    return [{ code: 'TYPE_CAST_MAY_FAIL', severity: hazardSeverity.TYPE_CAST_MAY_FAIL, message, operation: op, subject }]
  })
}
