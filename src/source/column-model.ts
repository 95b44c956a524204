import type { Driver } from 'typeorm/driver/Driver'
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata'
import { TableUtils } from 'typeorm/schema-builder/util/TableUtils'
import { quoteLiteral } from '../dialect/quote'
import type { ColumnGeneration, ColumnModel, ComputedColumn, DeclaredColumn } from '../model/schema-model'

/** Warn records something the model leaves out or changes, as one sentence. */
export type Warn = (message: string) => void

/**
 * columnModelOf turns one column's metadata into a ColumnModel with the values TypeORM itself would write
 * when creating the table (the driver's type, length and default spelling), untouched beyond that: the
 * dialect's `normalize` canonicalizes them. `where` names the column in warnings.
 */
export function columnModelOf(column: ColumnMetadata, driver: Driver, where: string, warn: Warn): ColumnModel {
  const options = TableUtils.createTableColumnOptions(column, driver)
  const generated = generationOf(column, where, warn)
  const computed: ComputedColumn | undefined = column.asExpression
    ? { expression: column.asExpression, stored: column.generatedType === 'STORED' }
    : undefined
  const enumValues = options.enum && options.enum.length > 0 ? options.enum.map(String) : undefined
  // TypeORM writes no type parameters for enums (a named type or a CHECK) nor serial and identity keys; an `enum`
  // option on another type (`varchar` of 100) keeps its length.
  const enumType = column.type === 'enum' || column.type === 'simple-enum'
  const parameterless = (enumValues !== undefined && enumType) || (generated !== undefined && generated.kind !== 'uuid')
  const length = parameterless ? undefined : lengthOf(options.length, where, warn)
  const precision = parameterless || length !== undefined ? undefined : numberOrUndefined(options.precision)
  const scale = precision === undefined ? undefined : numberOrUndefined(options.scale)
  const declared = declaredOf(column, String(options.type), length !== undefined, options.default, mapsByVersion(driver))
  if (column.default instanceof Date) {
    warn(`default of ${where} is a Date object, the time the entities were loaded: every run finds it changed; write default: () => 'CURRENT_TIMESTAMP' for the time a row is inserted`)
  }
  // TypeORM writes such a default as `DEFAULT ` with nothing after it, which every database refuses.
  const emptyExpression = typeof column.default === 'function' && String(options.default).trim() === ''
  if (emptyExpression) {
    warn(`default of ${where} is an empty expression (a function returning ''), which no database takes: it is left out; write default: '' for an empty string`)
  }
  if (typeof column.default === 'string' && !everyQuoteDoubled.test(column.default) && /^'(?:[^']|'')*'$/.test(column.default)) {
    const inner = column.default.slice(1, -1).replace(/''/g, "'")
    warn(
      `default of ${where} is the SQL literal ${column.default} in a string (read as the text with its quotes on a text column): TypeORM writes it '${column.default}', which no database takes, ` +
        `and puts a string default between quotes itself; write default: ${quoteLiteral(inner)} for the text ${inner}`,
    )
  }
  return {
    name: options.name,
    type: String(options.type),
    ...(declared !== undefined && { declared }),
    ...(length !== undefined && { length }),
    ...(precision !== undefined && { precision }),
    ...(scale !== undefined && { scale }),
    ...(options.isArray === true && { isArray: true }),
    nullable: options.isNullable === true,
    ...(computed === undefined && !emptyExpression && defaultOf(column, calledDefault(column, driver) ?? options.default)),
    ...(generated !== undefined && { generated }),
    ...(computed !== undefined && { computed }),
    ...(enumValues !== undefined && { enumValues }),
    ...(column.enumName !== undefined && column.enumName !== '' && { enumName: column.enumName }),
    ...(typeof options.comment === 'string' && options.comment !== '' && { comment: options.comment }),
    ...(typeof options.charset === 'string' && options.charset !== '' && { charset: options.charset }),
    ...(typeof options.collation === 'string' && options.collation !== '' && { collation: options.collation }),
    ...(typeof options.onUpdate === 'string' && options.onUpdate !== '' && { onUpdate: options.onUpdate }),
  }
}

/** Types a driver may write by the server's version, which it knows only once connected. */
const versionMappedTypes: ReadonlySet<string> = new Set(['uuid', 'json'])

/**
 * mapsByVersion says whether the driver writes versionMappedTypes by the server's version: TypeORM's MySQL driver
 * from 0.3.16 on, which carries the flag it sets for a server with a native uuid. Before, it wrote `varchar` and
 * (on MariaDB) `longtext` whatever the server, and a migration making the native types left its schema builder
 * proposing to make the columns again.
 */
function mapsByVersion(driver: Driver): boolean {
  return 'uuidColumnTypeSuported' in driver
}

/**
 * declaredOf is what the entity declares beyond the driver's fields: its own type where it is one of
 * versionMappedTypes, the driver maps it `byVersion` and wrote another, `unsigned` and `zerofill`, whether a length the driver wrote
 * (`hasLength`) is its own rather than the entity's, a default given as a string value, and a spatial feature
 * type and SRID.
 */
function declaredOf(column: ColumnMetadata, written: string, hasLength: boolean, normalizedDefault: unknown, byVersion: boolean): DeclaredColumn | undefined {
  const type = byVersion && typeof column.type === 'string' && versionMappedTypes.has(column.type) && column.type !== written ? column.type : undefined
  const impliedLength = hasLength && !userLengthOf(column)
  const stringDefault = stringDefaultOf(column, normalizedDefault) ?? jsonDefaultOf(column, normalizedDefault)
  const spatial = spatialOf(column)
  const zerofill = zerofillOf(column)
  const width = hasLength ? undefined : widthOf(column)
  if (type === undefined && column.unsigned !== true && !zerofill && width === undefined && !impliedLength && stringDefault === undefined && spatial === undefined) return undefined
  return {
    ...(type !== undefined && { type }),
    ...(column.unsigned === true && { unsigned: true }),
    ...(zerofill && { zerofill: true }),
    ...(width !== undefined && { width }),
    ...(impliedLength && { impliedLength: true }),
    ...(stringDefault !== undefined && { stringDefault }),
    ...(spatial !== undefined && { spatial }),
  }
}

/**
 * zerofillOf is TypeORM 0.3's `zerofill` option, which its MySQL driver writes as `ZEROFILL` (making the column
 * unsigned too); TypeORM 1.x removed the option, and its ColumnMetadata has no such field.
 */
function zerofillOf(column: ColumnMetadata): boolean {
  return (column as ColumnMetadata & { readonly zerofill?: unknown }).zerofill === true
}

/**
 * widthOf is TypeORM 0.3's `width` option, a display width its MySQL driver writes where the column has no length
 * (`type: 'tinyint', width: 1` is `tinyint(1)`); TypeORM 1.x removed the option.
 */
function widthOf(column: ColumnMetadata): number | undefined {
  const { width } = column as ColumnMetadata & { readonly width?: unknown }
  return typeof width === 'number' && Number.isInteger(width) && width > 0 ? width : undefined
}

function spatialOf(column: ColumnMetadata): DeclaredColumn['spatial'] {
  const featureType = column.spatialFeatureType ?? undefined
  const srid = column.srid ?? undefined
  if (featureType === undefined && srid === undefined) return undefined
  return { ...(featureType !== undefined && { featureType }), ...(srid !== undefined && { srid: Number(srid) }) }
}

/**
 * userLengthOf is the length the entity wrote: the column's option (ColumnMetadata keeps it as written), or for
 * a join column its referenced column's, as TypeORM gives a join column the length of the column it references.
 */
function userLengthOf(column: ColumnMetadata): string {
  const { length } = column.isVirtual && column.referencedColumn !== undefined ? column.referencedColumn : column
  return length
}

function generationOf(column: ColumnMetadata, where: string, warn: Warn): ColumnGeneration | undefined {
  if (!column.isGenerated) return undefined
  // TypeORM's declared type omits 'identity', which @PrimaryGeneratedColumn('identity') sets.
  const strategy: string | undefined = column.generationStrategy
  switch (strategy) {
    case 'increment':
      return { kind: 'increment' }
    case 'identity':
      return { kind: 'identity', always: column.generatedIdentity === 'ALWAYS' }
    case 'uuid':
      return { kind: 'uuid' }
    case 'rowid':
      return { kind: 'rowid' }
    default:
      warn(`generation strategy "${strategy}" of ${where} is not diffed`)
      return undefined
  }
}

/**
 * calledDefault is the expression a function default returns, where the driver wrote the function's source
 * between quotes instead: TypeORM 0.3 and 1.0 quote any default of an `enum` or `simple-enum` column before they
 * call a function (1.1 calls it first), so `default: () => "'a'"` became `DEFAULT '() => "'a'"'`, which the server
 * refuses. Undefined otherwise.
 */
function calledDefault(column: ColumnMetadata, driver: Driver): string | undefined {
  const raw: unknown = column.default
  if (typeof raw !== 'function' || driver.normalizeDefault(column) !== `'${String(raw)}'`) return undefined
  const value = String((raw as () => unknown)())
  const spelled = (driver as { normalizeDatetimeFunction?: (value: string) => string }).normalizeDatetimeFunction?.(value)
  return spelled ?? value
}

/**
 * defaultOf is the driver's spelling of the default. TypeORM quotes a string default without doubling its
 * quotes (`'it's'`, which no database accepts); such a default is written as a proper literal instead.
 * TypeORM's MySQL driver writes a number with as many decimals as the column's scale, none where the column
 * has no scale (`double` default 1.5 became `'2'`); such a number is written as the entity declares it.
 */
function defaultOf(column: ColumnMetadata, normalized: unknown): { default?: string } {
  if (normalized === undefined || normalized === null) return {}
  const json = jsonDefaultOf(column, normalized)
  if (json !== undefined) return { default: quoteLiteral(json) }
  // TypeORM 0.3's SQLite driver writes a list default of a simple-enum array bare (`DEFAULT ghost,admin`); 1.1 quotes it.
  if (Array.isArray(column.default) && normalized === column.default.map(String).join(',')) return { default: quoteLiteral(normalized) }
  const array = arrayDefaultOf(column, normalized)
  if (array !== undefined) return { default: quoteLiteral(array) }
  const written = stringDefaultOf(column, normalized)
  if (written?.includes("'") === true) return { default: quoteLiteral(written) }
  const raw: unknown = column.default
  const text = String(normalized)
  if (typeof raw === 'number' && Number.isFinite(raw) && (column.scale === undefined || column.scale === null)) {
    const quoted = /^'(.*)'$/s.exec(text)
    if (Number(quoted?.[1] ?? text) !== raw) return { default: quoted ? `'${String(raw)}'` : String(raw) }
  }
  return { default: text }
}

/**
 * jsonDefaultOf is the JSON text of an object or array default (of a `json` or `simple-json` column) where the
 * driver did not write it as a whole quoted literal: TypeORM's MySQL driver writes `{ theme: 'dark' }` as
 * `[object Object]` and `[]` as nothing, which the server refuses, and TypeORM 0.3's PostgreSQL driver quotes the
 * JSON without doubling its quotes (`'{"note":"it's"}'`), which breaks the statement. Undefined otherwise (the
 * JSON quoted whole, or wrapped in a function, `jsonb('{}')`, and an array column's default is its own).
 */
function jsonDefaultOf(column: ColumnMetadata, normalized: unknown): string | undefined {
  const raw: unknown = column.default
  if (column.isArray || typeof raw !== 'object' || raw === null || raw instanceof Date) return undefined
  const json = JSON.stringify(raw)
  if (normalized === String(raw)) return json
  return normalized === `'${json}'` && !everyQuoteDoubled.test(json) ? json : undefined
}

/**
 * arrayDefaultOf is the array literal of an array column's default given as an array (`['a,b', "it's"]`),
 * its elements quoted where they must be: TypeORM joins them as they are (`'{a,b,it's}'`), which splits an
 * element holding a comma, empties one that is empty, and breaks the statement on a quote. Undefined where
 * TypeORM's spelling is that literal already, or the default is no array of plain values.
 */
function arrayDefaultOf(column: ColumnMetadata, normalized: unknown): string | undefined {
  const raw: unknown = column.default
  if (!column.isArray || !Array.isArray(raw)) return undefined
  const elements: unknown[] = raw
  if (!elements.every((e) => e === null || ['string', 'number', 'boolean'].includes(typeof e))) return undefined
  // Only where the driver wrote an array literal: one whose columns hold arrays as lists writes its own spelling.
  if (normalized !== `'{${elements.map(String).join(',')}}'`) return undefined
  const literal = `{${elements.map((e) => (e === null ? 'NULL' : arrayElement(String(e)))).join(',')}}`
  return normalized === `'${literal}'` ? undefined : literal
}

/** arrayElement is one element of an array literal, between double quotes where it is empty or holds what the literal's syntax reads. */
function arrayElement(text: string): string {
  return text === '' || /^null$/i.test(text) || /[{},"\\\s]/.test(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : text
}

/**
 * stringDefaultOf is the text of the entity's string default where the driver wrote it between quotes as it is,
 * else undefined. Where the entity doubled every quote itself (`"it''s"`), as TypeORM needs for its literal to
 * hold, that literal stands for the text with them undoubled (it's), which TypeORM's synchronize stores.
 */
function stringDefaultOf(column: ColumnMetadata, normalized: unknown): string | undefined {
  const raw: unknown = column.default
  if (typeof raw !== 'string' || normalized !== `'${raw}'`) return undefined
  return everyQuoteDoubled.test(raw) ? raw.replace(/''/g, "'") : raw
}

/** everyQuoteDoubled: TypeORM's `'<text>'` is a whole SQL string literal. */
const everyQuoteDoubled = /^(?:[^']|'')*$/

function lengthOf(length: string | undefined, where: string, warn: Warn): number | undefined {
  if (length === undefined || length === '') return undefined
  if (/^\d+$/.test(length)) return Number(length)
  warn(`length "${length}" of ${where} is not a number and is left out`)
  return undefined
}

function numberOrUndefined(value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined
  const number = Number(value)
  return Number.isFinite(number) ? number : undefined
}

