import { quoteLiteral } from '../dialect/quote'
import type { ColumnModel } from '../model/schema-model'

/**
 * labelPositionsText says how a `label_positions` change converts the values, naming the first labels:
 * `which reads each number as the position of a label (1 becomes 'a', 2 'b'), ...` into the ENUM, `which
 * stores each label as its position ('a' becomes 1, 'b' 2) ...` out of it.
 */
export function labelPositionsText(from: ColumnModel, to: ColumnModel): string {
  const intoLabels = to.enumValues !== undefined
  const labels = (intoLabels ? to.enumValues : from.enumValues) ?? []
  const examples = labels.slice(0, 2).map((label, i) => {
    const [number, text] = [String(i + 1), quoteLiteral(label)]
    if (i > 0) return intoLabels ? `${number} ${text}` : `${text} ${number}`
    return intoLabels ? `${number} becomes ${text}` : `${text} becomes ${number}`
  })
  return intoLabels
    ? `which reads each number as the position of a label (${examples.join(', ')}), not as its text, and fails on a number that is no position`
    : `which stores each label as its position (${examples.join(', ')}), not as its text`
}

/** labelPositionsAdvice is what to do where the positions are not what the values mean. */
export const labelPositionsAdvice =
  'unless the positions are what the values mean, map the values by hand in the migration: add the new column, fill it with an UPDATE ... CASE, then drop the old one'
