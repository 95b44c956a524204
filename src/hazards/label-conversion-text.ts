import { quoteLiteral } from '../dialect/quote'
import type { ColumnModel } from '../model/schema-model'

/** LabelConversion is a change between numbers and labels that converts by the labels' place, not their text. */
export type LabelConversion = 'label_positions' | 'label_bits'

/** labelConversionText says how such a change converts the values, naming the first labels (see below). */
export function labelConversionText(change: LabelConversion, from: ColumnModel, to: ColumnModel): string {
  return change === 'label_positions' ? labelPositionsText(from, to) : labelBitsText(from, to)
}

/** labelConversionAdvice is what to do where the positions (or bits) are not what the values mean. */
export function labelConversionAdvice(change: LabelConversion): string {
  return `unless the ${change === 'label_positions' ? 'positions' : 'bits'} are what the values mean, map the values by hand in the migration: ` +
    'add the new column, fill it with an UPDATE ... CASE, then drop the old one'
}

/**
 * labelPositionsText: `which reads each number as the position of a label (1 becomes 'a', 2 'b'), ...` into
 * an ENUM, `which stores each label as its position ('a' becomes 1, 'b' 2) ...` out of it.
 */
function labelPositionsText(from: ColumnModel, to: ColumnModel): string {
  const intoLabels = to.enumValues !== undefined
  const labels = ((intoLabels ? to.enumValues : from.enumValues) ?? []).slice(0, 2)
  const examples = numberedExamples(labels.map((label, i) => [String(i + 1), quoteLiteral(label)]), intoLabels)
  return intoLabels
    ? `which reads each number as the position of a label (${examples}), not as its text, and fails on a number that is no position`
    : `which stores each label as its position (${examples}), not as its text`
}

/**
 * labelBitsText: `which reads each number as a set of labels, one bit each (1 becomes 'a', 2 'b', 3 'a,b',
 * 0 the empty set) ...` into a SET, `which stores each set as the sum of its labels' bits ('a' becomes 1,
 * 'b' 2, 'a,b' 3) ...` out of it.
 */
function labelBitsText(from: ColumnModel, to: ColumnModel): string {
  const intoLabels = to.enumValues !== undefined
  const labels = ((intoLabels ? to.enumValues : from.enumValues) ?? []).slice(0, 2)
  const pairs = labels.map((label, i): [string, string] => [String(2 ** i), quoteLiteral(label)])
  if (labels.length === 2) pairs.push(['3', quoteLiteral(labels.join(','))])
  const examples = numberedExamples(pairs, intoLabels)
  return intoLabels
    ? `which reads each number as a set of labels, one bit each (${examples}, 0 the empty set), not as its text, and fails on a number below 0 or with a bit past the last label`
    : `which stores each set as the sum of its labels' bits (${examples}), not as its text`
}

/** numberedExamples writes `1 becomes 'a', 2 'b'` (numbers into labels) or `'a' becomes 1, 'b' 2` (out of them). */
function numberedExamples(pairs: readonly (readonly [string, string])[], intoLabels: boolean): string {
  return pairs.map(([number, text], i) => {
    const [left, right] = intoLabels ? [number, text] : [text, number]
    return i === 0 ? `${left} becomes ${right}` : `${left} ${right}`
  }).join(', ')
}
