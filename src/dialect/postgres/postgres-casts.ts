import type { ColumnModel } from '../../model/schema-model'

/** stringTypes take any value's text form and give theirs to any type (PostgreSQL's I/O conversion casts). */
export const stringTypes: ReadonlySet<string> = new Set(['text', 'varchar', 'char'])

/** bitStringTypes hold strings of bits: `bit(n)` of exactly n, `varbit(n)` of at most n. */
export const bitStringTypes: ReadonlySet<string> = new Set(['bit', 'varbit'])

/** jsonTypes hold JSON documents; an array converts into them whole (`to_jsonb`). */
export const jsonTypes: ReadonlySet<string> = new Set(['json', 'jsonb'])

export const floatTypes: ReadonlySet<string> = new Set(['real', 'double precision'])

/** directCasts are PostgreSQL's built-in casts between the other built-in types (pg_cast), by source type. */
const directCasts: Readonly<Record<string, readonly string[]>> = {
  smallint: ['integer', 'bigint', 'numeric', 'real', 'double precision'],
  integer: ['smallint', 'bigint', 'numeric', 'real', 'double precision', 'boolean', 'bit', 'money'],
  bigint: ['smallint', 'integer', 'numeric', 'real', 'double precision', 'bit', 'money'],
  numeric: ['smallint', 'integer', 'bigint', 'real', 'double precision', 'money'],
  real: ['smallint', 'integer', 'bigint', 'numeric', 'double precision'],
  'double precision': ['smallint', 'integer', 'bigint', 'numeric', 'real'],
  money: ['numeric'],
  boolean: ['integer'],
  bit: ['integer', 'bigint', 'varbit'],
  varbit: ['bit'],
  date: ['timestamp', 'timestamptz'],
  timestamp: ['date', 'time', 'timestamptz'],
  timestamptz: ['date', 'time', 'timetz', 'timestamp'],
  time: ['interval', 'timetz'],
  timetz: ['time'],
  interval: ['time'],
  json: ['jsonb'],
  jsonb: ['json', 'smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision', 'boolean'],
  inet: ['cidr'],
  cidr: ['inet'],
  macaddr: ['macaddr8'],
  macaddr8: ['macaddr'],
  uuid: [],
  bytea: [],
  xml: [],
  // A range casts to its multirange only: one range type to another goes through text.
  int4range: ['int4multirange'],
  int8range: ['int8multirange'],
  numrange: ['nummultirange'],
  tsrange: ['tsmultirange'],
  tstzrange: ['tstzmultirange'],
  daterange: ['datemultirange'],
  int4multirange: [],
  int8multirange: [],
  nummultirange: [],
  tsmultirange: [],
  tstzmultirange: [],
  datemultirange: [],
  point: ['box'],
  line: [],
  lseg: ['point'],
  box: ['circle', 'lseg', 'point', 'polygon'],
  path: ['polygon'],
  polygon: ['box', 'circle', 'path', 'point'],
  circle: ['box', 'point', 'polygon'],
  tsvector: [],
  tsquery: [],
}

/**
 * castsDirectly says whether PostgreSQL casts a value of `from`'s type straight to `to`'s. It is false only
 * between two built-in types it knows have no cast (`integer` to `uuid`); types of extensions and users may
 * have casts of their own, so they are taken to cast.
 */
export function castsDirectly(from: ColumnModel, to: ColumnModel): boolean {
  if (from.type === to.type || stringTypes.has(from.type) || stringTypes.has(to.type)) return true
  const targets = directCasts[from.type]
  if (targets === undefined || !(to.type in directCasts)) return true
  return targets.includes(to.type)
}

/**
 * hasBuiltInCast says whether PostgreSQL has a cast of its own from one built-in type to another (`money` to
 * `numeric`), or two through a bridge (see castBridge): the value converts by those casts, not by its text.
 */
export function hasBuiltInCast(from: ColumnModel, to: ColumnModel): boolean {
  return from.type !== to.type && (directCasts[from.type]?.includes(to.type) === true || castBridge(from, to) !== undefined)
}

/**
 * bridges are the built-in types with no cast between them whose every value converts through a third one: a
 * boolean becomes 0 or 1 through `integer`, and so any number; a `smallint` becomes a boolean as an `integer`
 * does (0 false, any other true). Through their text, values would fail (`'true'::smallint`, `'5'::boolean`).
 */
const bridges: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  boolean: { smallint: 'integer', bigint: 'integer', numeric: 'integer', real: 'integer', 'double precision': 'integer' },
  smallint: { boolean: 'integer' },
}

/**
 * zeroTestedTypes are the numbers other than `integer` (which PostgreSQL casts) whose value becomes a boolean as
 * an integer's does, by a test against 0: `5` is true, `0.0` false (not through `integer`, which would round 0.4
 * to false, or refuse a bigint out of its range). An array's elements cannot be tested so in `USING`.
 */
export const zeroTestedTypes: ReadonlySet<string> = new Set(['smallint', 'bigint', 'numeric', 'real', 'double precision'])

/** castBridge is the type a value of `from`'s type is cast to on its way to `to`'s (see bridges), if any. */
export function castBridge(from: ColumnModel, to: ColumnModel): string | undefined {
  return bridges[from.type]?.[to.type]
}
