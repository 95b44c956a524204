/**
 * TypeSpelling is a column type taken apart: the canonical base name and its parameters. Both sides of a
 * diff (TypeORM's `normalizeType` output and PostgreSQL's `format_type`) are read through `parseTypeSpelling`.
 */
export interface TypeSpelling {
  readonly type: string
  readonly length?: number
  readonly precision?: number
  readonly scale?: number
  readonly isArray?: boolean
}

const aliases: Readonly<Record<string, string>> = {
  'character varying': 'varchar',
  character: 'char',
  bpchar: 'char',
  int: 'integer',
  int4: 'integer',
  int8: 'bigint',
  int2: 'smallint',
  float: 'double precision',
  float8: 'double precision',
  float4: 'real',
  decimal: 'numeric',
  dec: 'numeric',
  bool: 'boolean',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
  'bit varying': 'varbit',
  '"bit"': 'bit',
  'simple-enum': 'enum',
  'simple-array': 'text',
  'simple-json': 'text',
  serial: 'integer',
  serial4: 'integer',
  bigserial: 'bigint',
  serial8: 'bigint',
  smallserial: 'smallint',
  serial2: 'smallint',
}

/** Types whose single parameter is a length; the others in `precisionTypes` take precision (and scale). */
const lengthTypes: ReadonlySet<string> = new Set(['varchar', 'char', 'bit', 'varbit', 'vector', 'halfvec'])
const precisionTypes: ReadonlySet<string> = new Set(['numeric', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval'])
const timeTypes: ReadonlySet<string> = new Set(['time', 'timetz', 'timestamp', 'timestamptz', 'interval'])

/** serialTypes are the pseudo-types that imply an owned sequence. */
export const serialTypes: ReadonlySet<string> = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2'])

/** numericTypes are the types whose literals are plain numbers. */
export const numericTypes: ReadonlySet<string> = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'])

/** canonicalTypeName maps any spelling of a base type to its canonical name (`int4` -> `integer`). */
export function canonicalTypeName(name: string): string {
  const spaced = name.trim().replace(/\s+/g, ' ')
  const folded = spaced.includes('"') ? spaced : spaced.toLowerCase()
  return aliases[folded] ?? folded
}

/**
 * parseTypeSpelling reads a type as PostgreSQL prints it (`character varying(100)[]`,
 * `timestamp(3) with time zone`, `numeric(10,2)`) or as TypeORM names it, into canonical parts.
 * Parameters that are not plain numbers (`geometry(Point,4326)`) stay part of the type name.
 */
export function parseTypeSpelling(text: string): TypeSpelling {
  let spelling = spellings.get(text)
  if (spelling === undefined) spellings.set(text, (spelling = Object.freeze(spellingOf(text))))
  return spelling
}

/** A large schema spells the same few types on every table: each spelling is read once. */
const spellings = new Map<string, TypeSpelling>()

function spellingOf(text: string): TypeSpelling {
  let rest = text.trim()
  let isArray = false
  const array = /(\s*\[\d*\])+$|\s+array$/i.exec(rest)
  if (array) {
    isArray = true
    rest = rest.slice(0, array.index)
  }
  const withParams = /^([^(]*?)\s*\(([^)]*)\)\s*(.*)$/.exec(rest)
  const params = withParams?.[2]!.split(',').map((p) => p.trim())
  let spelling: TypeSpelling
  if (withParams && params!.every((p) => /^\d+$/.test(p))) {
    const base = canonicalTypeName(`${withParams[1]} ${withParams[3]}`)
    spelling = withParameters(base, params!.map(Number))
  } else {
    spelling = { type: canonicalTypeName(rest) }
  }
  return isArray ? { ...spelling, isArray } : spelling
}

function withParameters(type: string, params: readonly number[]): TypeSpelling {
  const [first, second] = params
  if (type === 'double precision' || type === 'float') return { type: first !== undefined && first <= 24 ? 'real' : 'double precision' }
  if (lengthTypes.has(type)) return { type, length: first }
  if (precisionTypes.has(type)) return second === undefined ? { type, precision: first } : { type, precision: first, scale: second }
  return { type, length: first }
}

/**
 * canonicalParameters drops the parameters PostgreSQL fills in anyway, so that `char` and `char(1)`,
 * `timestamp` and `timestamp(6)`, `numeric(10)` and `numeric(10,0)` compare equal.
 */
export function canonicalParameters(spelling: TypeSpelling): TypeSpelling {
  const { type } = spelling
  let { length, precision, scale } = spelling
  if ((type === 'char' || type === 'bit') && length === 1) length = undefined
  if (timeTypes.has(type) && precision === 6) precision = undefined
  if (timeTypes.has(type)) scale = undefined
  if (type === 'numeric' && precision !== undefined && scale === undefined) scale = 0
  if (type === 'numeric' && precision === undefined) scale = undefined
  return {
    type,
    ...(length !== undefined && { length }),
    ...(precision !== undefined && { precision }),
    ...(scale !== undefined && { scale }),
    ...(spelling.isArray && { isArray: true }),
  }
}

/** typeSql writes a canonical type back as SQL PostgreSQL accepts (`varchar(100)`, `numeric(10,2)`, `timestamptz(3)`). */
export function typeSql(spelling: TypeSpelling): string {
  const { type, length, precision, scale } = spelling
  let sql = type
  if (length !== undefined) sql += `(${length})`
  else if (precision !== undefined) sql += scale !== undefined ? `(${precision},${scale})` : `(${precision})`
  return spelling.isArray ? `${sql}[]` : sql
}

/** unqualifiedTypeName is the last part of a possibly schema-qualified, possibly quoted name, unquoted. */
export function unqualifiedTypeName(text: string): string {
  const parts = text.trim().match(/"(?:[^"]|"")*"|[^.]+/g) ?? [text]
  const last = parts[parts.length - 1]!.trim()
  return last.startsWith('"') ? last.slice(1, -1).replace(/""/g, '"') : last.toLowerCase()
}
