import type { TypeLimits } from '../dialect/dialect'
import type { ColumnModel } from '../model/schema-model'

/**
 * dropsZoneOnly: `from`, a zoned moment type, is made its counterpart without the zone at the same precision
 * (timestamptz made timestamp), which rounds nothing: each value becomes its time at the session's time zone, and
 * changes only where that time zone cannot tell it apart (the hour its clocks repeat when set back, another UTC offset).
 */
export function dropsZoneOnly(from: ColumnModel, to: ColumnModel, limits: TypeLimits): boolean {
  return limits.zonedCounterparts?.[from.type] === to.type && from.precision === to.precision
}

/** zoneDroppedText says what such a change does to a value that time zone cannot tell apart, `type` the new type. */
export function zoneDroppedText(type: string): string {
  return `${type} does not hold at the session's time zone (a moment in the hour its clocks repeat when set back, a time of another UTC offset)`
}
