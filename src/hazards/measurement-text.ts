import type { Probe, ProbeResult } from '../dialect/probe'
import { epochRangeText } from '../dialect/epoch-range'
import { quoteDoubled } from '../dialect/quote'
import { columnsText, formatApproximate, formatCount, plural, tableText, valuesText } from './hazard-names'
import { typeTextWithValues } from '../model/type-text'

/**
 * measurementText says what a probe found, in words a reviewer reads inside a hazard's message:
 * `1,204 rows`, `about 1.2M rows (planner estimate)`, `12 rows have NULL in "email"`, `at least 3 ... (only the
 * first 100,000 rows were read)`. A probe that read only part of the table and found nothing cannot tell:
 * what it did not read may hold the values it looks for.
 */
export function measurementText(probe: Probe, result: ProbeResult, rowLimit: number): string {
  const n = result.count
  if (probe.kind === 'rows') {
    if (result.complete) return n === 0 ? 'the table is empty' : plural(n, 'row')
    if (result.estimate !== undefined && result.estimate > rowLimit) return `about ${formatApproximate(result.estimate)} rows (planner estimate)`
    return `more than ${formatCount(rowLimit)} rows`
  }
  const [some, none] = phrases(probe, n)
  if (result.complete) return n === 0 ? none : some
  return n === 0
    ? `could not tell (only the first ${formatCount(rowLimit)} rows were read; the table has more)`
    : `at least ${some} (only the first ${formatCount(rowLimit)} rows were read)`
}

// How every measurementText begins, so that a hazard message read back from a file can be told from its count.
const measurementStart = /^(?:\d|about |more than |at least |no |every value |the table is empty|could not tell)/

/**
 * withoutMeasurement is a hazard message (see describeHazard: `<what> (<measurement>); <advice>.`) without its
 * measurement, or undefined when it has none. Counts written into a migration file describe the database it
 * was generated against, not the one it is about to run on.
 */
export function withoutMeasurement(message: string): string | undefined {
  for (let start = message.indexOf(' ('); start >= 0; start = message.indexOf(' (', start + 1)) {
    if (!measurementStart.test(message.slice(start + 2))) continue
    let depth = 0
    for (let i = start + 1; i < message.length; i++) {
      if (message[i] === '(') depth++
      else if (message[i] === ')' && --depth === 0) {
        if (message.startsWith('; ', i + 1)) return message.slice(0, start) + message.slice(i + 1)
        break
      }
    }
  }
  return undefined
}

/** phrases are what `n` matching rows mean for a probe, and what none means. */
function phrases(probe: Exclude<Probe, { kind: 'rows' }>, n: number): [string, string] {
  const verb = (one: string, many: string) => (n === 1 ? one : many)
  switch (probe.kind) {
    case 'non_null':
      return [plural(n, 'non-null value'), 'no non-null value']
    case 'nulls': {
      const column = `${quoteDoubled(probe.named ?? probe.column)}${probe.alsoIn === undefined ? '' : ` and in ${quoteDoubled(probe.alsoIn)}`}`
      return [`${plural(n, 'row')} ${verb('has', 'have')} NULL in ${column}`, `no row has NULL in ${column}`]
    }
    case 'duplicates': {
      const columns = columnsText(probe.named ?? probe.columns)
      return [`${plural(n, 'duplicate value')} of ${columns}`, `no duplicate values of ${columns}`]
    }
    case 'unmatched': {
      const target = tableText(probe.named ?? probe.referencedTable)
      return [`${plural(n, 'row')} ${verb('points', 'point')} at no row of ${target}`, `no row points at a missing row of ${target}`]
    }
    case 'longer_than':
      if (probe.isArray === true) {
        return [`${plural(n, 'row')} ${verb('holds', 'hold')} an element longer than ${plural(probe.length, 'character')}`,
          `no element is longer than ${plural(probe.length, 'character')}`]
      }
      {
        const length = plural(probe.length, probe.inBytes === true ? 'byte' : 'character')
        return [`${plural(n, 'row')} ${verb('is', 'are')} longer than ${length}`, `no value is longer than ${length}`]
      }
    case 'out_of_range': {
      const range = `${probe.min}..${probe.max}`
      if (probe.isArray === true) {
        return [`${plural(n, 'row')} ${verb('holds', 'hold')} an element outside ${range}`, `no element lies outside ${range}`]
      }
      if (probe.scale === undefined) return [`${plural(n, 'value')} ${verb('lies', 'lie')} outside ${range}`, `no value lies outside ${range}`]
      const digits = decimalsText(probe.scale)
      return [`${plural(n, 'value')} ${verb('lies', 'lie')} outside ${range} or ${verb('has', 'have')} ${digits}`, `no value lies outside ${range} or has ${digits}`]
    }
    case 'more_decimals': {
      const digits = decimalsText(probe.scale)
      return [`${plural(n, 'value')} ${verb('has', 'have')} ${digits}`, `no value has ${digits}`]
    }
    case 'outside_epoch_range': {
      const range = epochRangeText(probe.min, probe.max)
      if (probe.cast === undefined) return [`${plural(n, 'value')} ${verb('lies', 'lie')} outside ${range}`, `no value lies outside ${range}`]
      const to = typeTextWithValues(probe.cast.to)
      return [`${plural(n, 'value')} ${verb('lies', 'lie')} outside ${range} or ${verb('changes', 'change')} as ${to}`, `no value lies outside ${range} or changes as ${to}`]
    }
    case 'changed_by_cast':
      return [`${plural(n, 'value')} ${verb('changes', 'change')} as ${typeTextWithValues(probe.to)}`, `no value changes as ${typeTextWithValues(probe.to)}`]
    case 'holds_values':
      return [`${plural(n, 'row')} ${verb('holds', 'hold')} ${valuesText(probe.values)}`, `no row holds ${valuesText(probe.values)}`]
    case 'not_convertible':
      return [`${plural(n, 'value')} ${verb('does', 'do')} not look like ${typeTextWithValues(probe.to)}`, `every value looks like ${typeTextWithValues(probe.to)}`]
    case 'fails_check':
      return [`${plural(n, 'row')} ${verb('breaks', 'break')} it`, 'no row breaks it']
    case 'overwritten':
      return [`${plural(n, 'row')} ${verb('holds', 'hold')} another value in ${quoteDoubled(probe.by)}`, `no row holds another value in ${quoteDoubled(probe.by)}`]
    case 'loses_characters':
      return [`${plural(n, 'value')} ${verb('holds', 'hold')} a character ${probe.charset} lacks`, `no value holds a character ${probe.charset} lacks`]
  }
}

const decimalsText = (scale: number) => (scale === 0 ? 'a fractional part' : `more than ${plural(scale, 'decimal place')}`)
