import type { DialectCapabilities, TypeChange, TypeLimits } from '../dialect/dialect'
import type { Probe } from '../dialect/probe'
import { looseRoundingProbe, narrowingProbe } from '../dialect/narrowing-probe'
import { nameOf } from '../model/qualified-name'
import { changesType, columnChanges } from '../plan/column-change'
import type { HazardFinding } from './hazard-finding'
import { columnText } from './hazard-names'
import { dropsZoneOnly, zoneDroppedText } from './zone-dropped'
import { typeText, typeTextWithValues } from '../model/type-text'
import type { ColumnModel } from '../model/schema-model'
import { labelConversionAdvice, labelConversionText } from './label-conversion-text'
import type { RuleContext } from './rule-context'
import type { AlterColumn, CopyColumn } from '../operations/operation'

/** Conversion is a change of a column's type as the dialect classifies it, with the probe counting the values it concerns. */
export interface Conversion {
  readonly change: TypeChange
  /**
   * The probe for the column as the database names it now, by change: the rows a rewrite converts, the values
   * a narrowing loses, those a cast may fail on, those read by position. None for a new column or a safe change.
   */
  readonly probe: { readonly probe?: Probe }
  /** Where the database keeps what does not convert, the probe of the values it converts but rounds (see looseRoundingProbe). */
  readonly rounding?: Probe
}

/**
 * eachConversion calls `find` for each AlterColumn or CopyColumn that converts values from one type to
 * another: not when the type stays, or changes only in parameters the database does not enforce
 * (NO_SCHEMA_EFFECT's).
 */
export function eachConversion<T extends AlterColumn | CopyColumn>(
  context: RuleContext,
  kind: T['kind'],
  find: (op: T, conversion: Conversion) => HazardFinding[],
): HazardFinding[] {
  const { capabilities, classifyTypeChange } = context.input.dialect
  return context.input.changes.ops.flatMap((found, index) => {
    if (found.kind !== kind) return []
    const op = found as T
    const { from, to } = op
    const changes = op.kind === 'alter_column' ? op.changes : columnChanges(from, to)
    if (!changesType(changes)) return []
    if (!changes.includes('type') && capabilities.unenforcedTypeParameters === true) return []
    const change = classifyTypeChange(from, to, context.input.changes.tableBefore(index))
    const origin = context.origins.column(index, op.table, from.name)
    const probe = (): Probe | undefined => {
      if (origin === undefined) return undefined
      const table = nameOf(origin.table)
      const column = origin.column.name
      switch (change) {
        case 'safe': return undefined
        case 'rewrite': return { kind: 'rows', table }
        case 'narrowing': return narrowingProbe(table, column, from, to, capabilities.typeLimits)
        case 'cast_may_fail': return { kind: 'not_convertible', table, column, from, to }
        case 'label_positions':
        case 'label_bits': return { kind: 'non_null', table, column }
      }
    }
    const counted = probe()
    const rounding = origin === undefined ? undefined : looseRoundingProbe(nameOf(origin.table), origin.column.name, change, from, to, capabilities)
    return find(op, { change, probe: counted === undefined ? {} : { probe: counted }, ...(rounding !== undefined && { rounding }) })
  })
}

/**
 * typeChangeFindings: one of TYPE_CHANGE_SAFE, TYPE_CHANGE_REWRITE, TYPE_NARROWING or TYPE_CAST_MAY_FAIL for
 * each type change, as the dialect classifies it. A change of parameters alone that the database does not
 * enforce is left to NO_SCHEMA_EFFECT.
 */
export function typeChangeFindings(context: RuleContext): HazardFinding[] {
  const { capabilities } = context.input.dialect
  return eachConversion<AlterColumn>(context, 'alter_column', (op, conversion): HazardFinding[] => inSessionTimeZone([
    ...conversionFindings(op, conversion, capabilities),
    ...roundingFindings(op, conversion, `Changes ${columnText(op.table, op.to.name)} from ${typeText(op.from)} to ${typeText(op.to)}`),
  ], op, capabilities.typeLimits))
}

/** roundingFindings: TYPE_NARROWING for the values a conversion that keeps what does not convert rounds (see Conversion.rounding). */
export function roundingFindings(op: AlterColumn | CopyColumn, { rounding }: Conversion, converts: string): HazardFinding[] {
  if (rounding === undefined) return []
  return [{
    code: 'TYPE_NARROWING', operation: op,
    what: `${converts}, which rounds the numbers it converts that have more digits than a float keeps (more than 15 significant digits, but for whole numbers the new type stores as integers)`,
    advice: 'fix those values first, or keep them as text',
    probe: rounding,
  }]
}

/**
 * paddingText: a type whose values are padded to the column's length (MySQL's binary) pads every value it takes,
 * which then no longer equals the value it was ('ab' is 'ab' and eight zero bytes in a binary(10)).
 */
function paddingText(to: ColumnModel, limits: TypeLimits): string {
  if (limits.paddedTypes?.includes(to.type) !== true) return ''
  return `, padding each to the ${to.length ?? 1} bytes of ${typeText(to)} (lookups by the old values no longer match them)`
}

function conversionFindings(op: AlterColumn, { change, probe }: Conversion, capabilities: DialectCapabilities): HazardFinding[] {
  const { from, to } = op
  const column = columnText(op.table, to.name)
  const types = `from ${typeText(from)} to ${typeText(to)}`
  switch (change) {
    case 'safe':
      return [{ code: 'TYPE_CHANGE_SAFE', operation: op, what: `Changes ${column} ${types}`, advice: 'stored values stay as they are' }]
    case 'rewrite':
      return [{
        code: 'TYPE_CHANGE_REWRITE', operation: op,
        what: `Changes ${column} ${types}, which converts every stored value${paddingText(to, capabilities.typeLimits)} and rewrites the table`,
        advice: 'run it when the table is quiet: writes to it wait until it is done',
        ...probe,
      }]
    case 'narrowing':
      if (dropsZoneOnly(from, to, capabilities.typeLimits)) {
        return [{
          code: 'TYPE_NARROWING', operation: op,
          what: `Changes ${column} ${types}, which rounds nothing but changes the values that ${zoneDroppedText(typeText(to))}`,
          advice: `keep ${typeText(from)} where those moments matter`,
          ...probe,
        }]
      }
      return [{
        code: 'TYPE_NARROWING', operation: op,
        what: capabilities.truncatesOnNarrowing === true
          ? `Changes ${column} ${types}, which silently truncates or rounds the values that do not fit: the server is not in strict mode (sql_mode), so it only warns`
          : `Changes ${column} ${types}, which may truncate, round or reject the values that do not fit`,
        advice: 'fix those values first, or keep the wider type',
        ...probe,
      }]
    case 'cast_may_fail':
      return [{
        code: 'TYPE_CAST_MAY_FAIL', operation: op,
        what: capabilities.looseTypes === true
          ? `Changes ${column} ${types}: values that do not convert are kept as they are, not as ${typeText(to)}`
          : `Changes ${column} ${types}, which fails if a value does not convert`,
        advice: 'fix the values that do not convert first, or convert them by hand in the migration',
        ...probe,
      }]
    case 'label_positions':
    case 'label_bits':
      return [{
        code: 'TYPE_CAST_MAY_FAIL', operation: op,
        what: `Changes ${column} from ${typeTextWithValues(from)} to ${typeTextWithValues(to)}, ${labelConversionText(change, from, to)}`,
        advice: labelConversionAdvice(change),
        ...probe,
      }]
  }
}

/**
 * inSessionTimeZone adds to the findings of a type change between a type holding a moment in absolute time and
 * another moment type (a timestamp made timestamptz, a datetime made timestamp) that each value is converted at
 * the time zone of the session running the migration, which nothing in the migration sets.
 */
export function inSessionTimeZone(findings: HazardFinding[], op: { readonly from: ColumnModel; readonly to: ColumnModel }, limits: TypeLimits): HazardFinding[] {
  if (!crossesTimeZones(op.from.type, op.to.type, limits)) return findings
  const zones = limits.zoneConversion
  const how = zones === undefined ? '' : ` (${zones.setUtc} first, where they are UTC), or convert them by hand with ${zones.byHand}`
  return findings.map((finding) => ({
    ...finding,
    what: `${finding.what}; each value is converted at the time zone of the session that runs the migration`,
    advice: `${finding.advice}; run it in the time zone the values were written in${how}`,
  }))
}

function crossesTimeZones(from: string, to: string, limits: TypeLimits): boolean {
  const moments = limits.momentTypes ?? []
  const zoned = limits.zonedTypes ?? []
  return moments.includes(from) && moments.includes(to) && zoned.includes(from) !== zoned.includes(to)
}

