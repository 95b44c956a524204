import type { ColumnModel, QualifiedName } from '../model/schema-model'
import type { DialectCapabilities, TypeChange, TypeLimits } from './dialect'
import type { Probe } from './probe'

/** narrowingProbe counts the values that do not fit the narrower type, bounded as the dialect's `limits` say. */
export function narrowingProbe(table: QualifiedName, column: string, from: ColumnModel, to: ColumnModel, limits: TypeLimits): Probe {
  // An array's numbers are rounded element by element, as a cast of the array rounds them: what the cast changes is counted.
  const rounds = isNumber(from, limits) && isNumber(to, limits) && !(from.type in limits.integerRanges && to.type in limits.integerRanges)
  if (from.isArray === true && rounds) return { kind: 'changed_by_cast', table, column, from, to }
  // An array's length or range is its elements'.
  const elements = from.isArray === true && to.isArray === true ? { isArray: true as const } : {}
  const bytes = limits.byteLengths?.[to.type]
  if (bytes !== undefined) return { kind: 'longer_than', table, column, length: bytes, inBytes: true }
  if (limits.lengthTypes.includes(to.type)) {
    const padded = limits.paddedTypes?.includes(from.type) === true
    const byteCounted = limits.byteCountedTypes ?? []
    const inBytes = byteCounted.includes(to.type) && !byteCounted.includes(from.type)
    return {
      kind: 'longer_than', table, column, length: to.length ?? 1,
      ...(padded && { unpadded: true as const }), ...(inBytes && { inBytes: true as const }), ...elements,
    }
  }
  // A moment of the type fits its range already: one given fewer fractional seconds is counted below. One of
  // another type given fewer loses them too (a datetime(6) made a timestamp, whose precision left out is none).
  const moments = from.type === to.type ? undefined : limits.epochRanges?.[to.type]
  if (moments !== undefined) {
    const fewerDigits = isMoment(from, limits) && isMoment(to, limits) && (to.precision ?? 0) < (from.precision ?? 0)
    const cast = fewerDigits ? { cast: { from, to } } : {}
    return { kind: 'outside_epoch_range', table, column, min: moments[0], max: moments[1], ...cast }
  }
  const fromFloat = limits.floatTypes?.includes(from.type) === true ? { fromFloat: true as const } : {}
  const bounds = limits.integerRanges[to.type]
  if (bounds !== undefined) {
    // From a decimal or floating type, a value may lie outside the range and have a fractional part too.
    const fractional = from.type in limits.integerRanges ? {} : { scale: 0 }
    return { kind: 'out_of_range', table, column, min: bounds[0], max: bounds[1], ...fractional, ...elements, ...fromFloat }
  }
  if (limits.decimalTypes.includes(to.type) && to.precision !== undefined) {
    const scale = to.scale ?? 0
    const digits = to.precision - scale
    const fromDecimal = limits.decimalTypes.includes(from.type) && from.precision !== undefined
    const fromDigits = fromDecimal ? from.precision! - (from.scale ?? 0) : Infinity
    const fromScale = fromDecimal ? from.scale ?? 0 : Infinity
    const unsigned = limits.unsignedDecimalTypes ?? []
    const losesSign = unsigned.includes(to.type) && !unsigned.includes(from.type)
    if (digits < fromDigits || losesSign) {
      const max = largestDecimal(to.precision, scale)
      const min = unsigned.includes(to.type) ? '0' : `-${max}`
      return { kind: 'out_of_range', table, column, min, max, ...(scale < fromScale && { scale }), ...fromFloat }
    }
    return { kind: 'more_decimals', table, column, scale, ...fromFloat }
  }
  if (isMoment(from, limits) && isMoment(to, limits)) return { kind: 'changed_by_cast', table, column, from, to }
  const rounding = [...limits.floatTypes ?? [], ...limits.roundingTypes ?? []]
  if (rounding.includes(to.type) && isNumber(from, limits)) return { kind: 'changed_by_cast', table, column, from, to }
  return { kind: 'non_null', table, column }
}

/** largestDecimal is the largest number a decimal(precision, scale) holds, as decimal text. */
export function largestDecimal(precision: number, scale: number): string {
  const digits = precision - scale
  return `${digits > 0 ? '9'.repeat(digits) : '0'}${scale > 0 ? `.${'9'.repeat(scale)}` : ''}`
}

/**
 * looseRoundingProbe counts the values a cast that may fail (`change`) rounds where the database keeps what does
 * not convert (looseTypes) and converts the rest: text made a number is stored as a float where it spells one
 * with more digits than a float keeps, or beyond its range. Undefined for any other change.
 */
export function looseRoundingProbe(
  table: QualifiedName, column: string, change: TypeChange, from: ColumnModel, to: ColumnModel,
  capabilities: Pick<DialectCapabilities, 'looseTypes' | 'typeLimits'>,
): Probe | undefined {
  const limits = capabilities.typeLimits
  const rounds = change === 'cast_may_fail' && capabilities.looseTypes === true && limits.looseTextTypes?.includes(from.type) === true && isNumber(to, limits)
  return rounds ? { kind: 'changed_by_cast', table, column, from, to } : undefined
}

function isMoment(column: ColumnModel, limits: TypeLimits): boolean {
  return limits.momentTypes?.includes(column.type) === true
}

function isNumber(column: ColumnModel, limits: TypeLimits): boolean {
  return column.type in limits.integerRanges || limits.decimalTypes.includes(column.type) || limits.floatTypes?.includes(column.type) === true ||
    limits.unboundedNumberTypes?.includes(column.type) === true
}
