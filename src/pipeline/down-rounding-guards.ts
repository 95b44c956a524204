import type { Dialect, TypeLimits } from '../dialect/dialect'
import { looseRoundingProbe, narrowingProbe } from '../dialect/narrowing-probe'
import type { ConditionProbe } from '../dialect/probe-query'
import type { Statement } from '../dialect/statement'
import { columnText } from '../hazards/hazard-names'
import { dropsZoneOnly, zoneDroppedText } from '../hazards/zone-dropped'
import { originsOf } from '../hazards/origins'
import { nameOf } from '../model/qualified-name'
import { typeText } from '../model/type-text'
import type { ChangeSet } from '../plan/change-set'
import { changesType } from '../plan/column-change'

/**
 * downRoundingGuards are the checks a `down` runs before its first statement for the values its type changes
 * would round without a word: a column `up` gave more decimal places or fractional seconds (numeric(5,2) made
 * back a smallint, timestamp(6) back a timestamp(0)) holds values that use them once rows were written. A
 * change the database refuses on values that do not fit (a shorter varchar, a smaller range) fails loudly and
 * is rolled back, and is left to it; where the database keeps what does not convert, text made a number again is
 * checked for the numbers it rounds. Each check stops `down` while such rows exist, changing nothing.
 */
export function downRoundingGuards(dialect: Pick<Dialect, 'classifyTypeChange' | 'capabilities' | 'firstProbedRowSql'>, down: ChangeSet): Statement[] {
  const origins = originsOf(down)
  return down.ops.flatMap((op, index): Statement[] => {
    if (op.kind !== 'alter_column' || !changesType(op.changes)) return []
    const change = dialect.classifyTypeChange(op.from, op.to)
    if (change !== 'narrowing' && change !== 'cast_may_fail') return []
    const origin = origins.column(index, op.table, op.from.name)
    if (origin === undefined) return []
    const table = nameOf(origin.table)
    const limits = dialect.capabilities.typeLimits
    const fractional = [...limits.decimalTypes, ...limits.floatTypes ?? []].includes(op.from.type)
    const probe = change === 'narrowing'
      ? narrowingProbe(table, origin.column.name, op.from, op.to, limits)
      : looseRoundingProbe(table, origin.column.name, change, op.from, op.to, dialect.capabilities)
    const rounded = probe && roundingProbe(probe, fractional, limits)
    const sql = rounded && dialect.firstProbedRowSql(rounded.probe)
    if (rounded === undefined || sql === undefined) return []
    return [{
      sql,
      operations: [],
      failIfRows: `down cannot run: changing ${columnText(table, origin.column.name)} back from ${typeText(op.from)} to ${typeText(op.to)} ` +
        `would ${rounded.what(typeText(op.to))}; ${rounded.advice ?? 'round them first'}, or remove this check from down() to revert anyway; nothing was changed`,
    }]
  })
}

/**
 * roundingProbe narrows a probe of the values a narrower type does not fit to those it rounds, with what they hold in
 * words: decimal places of a `fractional` number (a decimal or a float), the precision of one of the moment types,
 * the digits of any other number a cast changes (one made a float, an array's), and, for a zoned moment made its
 * counterpart at the same precision, which rounds nothing, what the session's time zone cannot tell apart; with
 * `advice` where rounding the values first is not what helps.
 */
function roundingProbe(
  probe: ReturnType<typeof narrowingProbe>, fractional: boolean, limits: TypeLimits,
): { probe: ConditionProbe, what: (type: string) => string, advice?: string } | undefined {
  const moments = limits.momentTypes ?? []
  const decimals = (scale: number) => () => `round its values with ${scale === 0 ? 'a fractional part' : `more than ${scale} decimal places`}`
  switch (probe.kind) {
    case 'more_decimals': return fractional ? { probe, what: decimals(probe.scale) } : undefined
    case 'out_of_range':
      return probe.scale === undefined || !fractional ? undefined : { probe: { kind: 'more_decimals', table: probe.table, column: probe.column, scale: probe.scale, ...(probe.fromFloat && { fromFloat: true }) }, what: decimals(probe.scale) }
    case 'changed_by_cast': {
      if (dropsZoneOnly(probe.from, probe.to, limits)) {
        const utc = limits.zoneConversion === undefined ? '' : ` (${limits.zoneConversion.setUtc}, where they were written at UTC)`
        return {
          probe,
          what: (type) => `change its values that ${zoneDroppedText(type)}`,
          advice: `run it at the time zone the values were written in${utc}`,
        }
      }
      const what = moments.includes(probe.to.type) ? 'round or cut the time of its values' : 'round its values'
      return { probe, what: (type) => `${what} more precise than ${type} keeps` }
    }
    // A moment of another type with a range of its own (a datetime(6) made back a timestamp): the range fails loudly
    // (see the dialect's data-loss guards), what the cast rounds does not.
    case 'outside_epoch_range':
      return probe.cast === undefined ? undefined : roundingProbe({ kind: 'changed_by_cast', table: probe.table, column: probe.column, ...probe.cast }, fractional, limits)
    default: return undefined
  }
}
