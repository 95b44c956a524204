/** MysqlType is a column type in the canonical form of mysql-model: base type (with ` unsigned`, ` zerofill`) and parameters. */
export interface MysqlType {
  readonly type: string
  readonly length?: number
  readonly precision?: number
  readonly scale?: number
  readonly enumValues?: readonly string[]
}

/** The parameters a type spelling or the entity's own fields give, before the canonical rules. */
interface Parameters {
  readonly length?: number
  readonly precision?: number
  readonly scale?: number
}

const synonyms: Readonly<Record<string, string>> = {
  integer: 'int',
  int4: 'int',
  bool: 'tinyint',
  boolean: 'tinyint',
  dec: 'decimal',
  numeric: 'decimal',
  fixed: 'decimal',
  real: 'double',
  'double precision': 'double',
  'character varying': 'varchar',
  nvarchar: 'varchar',
  'national varchar': 'varchar',
  'national character varying': 'varchar',
  character: 'char',
  nchar: 'char',
  'national char': 'char',
  'national character': 'char',
}

/** Integer types: their parameter is a display width, dropped but for `tinyint(1)` and a `zerofill` one's. */
export const mysqlIntegerTypes: ReadonlySet<string> = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint'])
/** The display width the server gives an unsigned integer type that declares none: a `zerofill` one pads its values to it. */
const unsignedWidths: Readonly<Record<string, number>> = { tinyint: 3, smallint: 5, mediumint: 8, int: 10, bigint: 20 }
/** Types whose parameter is a length in characters, bytes or bits. */
export const mysqlLengthTypes: ReadonlySet<string> = new Set(['char', 'varchar', 'binary', 'varbinary', 'bit'])
/** Of those, the types whose length counts characters (bytes, for the binary ones) that an index key holds. */
export const mysqlStringLengthTypes: ReadonlySet<string> = new Set(['char', 'varchar', 'binary', 'varbinary'])
/** Length types whose length, when none is written, is 1: the server stores `char` as `char(1)`. */
const lengthOneByDefault: ReadonlySet<string> = new Set(['char', 'binary', 'bit'])
const timeTypes: ReadonlySet<string> = new Set(['datetime', 'timestamp', 'time'])
/** Types holding bytes, not characters: MariaDB reads a uuid out of one as its 16 bytes, not as its text. */
export const mysqlBinaryTypes: ReadonlySet<string> = new Set(['binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob'])
/** mysqlFloatTypes are the canonical approximate types (`real` is read as `double`). */
export const mysqlFloatTypes: ReadonlySet<string> = new Set(['float', 'double'])
/** Numeric types: their defaults are numbers, written unquoted. */
export const mysqlNumericTypes: ReadonlySet<string> = new Set([...mysqlIntegerTypes, 'decimal', 'float', 'double', 'bit', 'year'])

/**
 * canonicalMysqlType reads a type as MySQL's COLUMN_TYPE prints it (`int(10) unsigned zerofill`,
 * `enum('a','b''c')`, `decimal(8,2)`) or as TypeORM names it (`boolean`, `numeric`), with the entity's own
 * length, precision and scale taking precedence, and returns the canonical form of mysql-model.
 */
export function canonicalMysqlType(spelling: string, declared: Parameters = {}, declaredValues?: readonly string[]): MysqlType {
  const text = spelling.trim().toLowerCase()
  const enumMatch = /^(enum|set)\s*\((.*)\)$/s.exec(spelling.trim())
  if (enumMatch) return { type: enumMatch[1]!.toLowerCase(), enumValues: declaredValues ?? labelsOf(enumMatch[2]!) }
  const match = /^([a-z][a-z0-9 ]*?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?((?:\s+(?:unsigned|signed|zerofill))*)$/.exec(text)
  const rawBase = (match?.[1] ?? text).trim()
  const isBoolean = rawBase === 'bool' || rawBase === 'boolean'
  const base = synonyms[rawBase] ?? rawBase
  const flags = match?.[4] ?? ''
  const zerofill = /zerofill/.test(flags)
  const unsigned = zerofill || /unsigned/.test(flags)
  const type = `${base}${unsigned ? ' unsigned' : ''}${zerofill ? ' zerofill' : ''}`
  const first = match?.[2] !== undefined ? Number(match[2]) : undefined
  const second = match?.[3] !== undefined ? Number(match[3]) : undefined
  const counted = mysqlLengthTypes.has(base) || mysqlIntegerTypes.has(base)
  const params = { length: declared.length ?? (counted ? first : undefined), precision: declared.precision ?? (counted ? undefined : first), scale: declared.scale ?? second }
  if (base === 'enum' || base === 'set') return { type: base, ...(declaredValues && { enumValues: [...declaredValues] }) }
  // float(p) without a scale is a precision in bits: float up to 24, double past it, neither keeps p.
  if (base === 'float' && params.precision !== undefined && params.scale === undefined) return { type: params.precision > 24 ? type.replace('float', 'double') : type }
  // An entity's precision on an integer type is its display width, as TypeORM writes it (`tinyint(1)` for precision 1).
  const width = params.length ?? params.precision
  if (mysqlIntegerTypes.has(base)) {
    if (zerofill) return { type, length: width ?? unsignedWidths[base]! }
    return isBoolean || (base === 'tinyint' && width === 1) ? { type, length: 1 } : { type }
  }
  if (mysqlLengthTypes.has(base)) {
    const length = params.length ?? (lengthOneByDefault.has(base) ? 1 : undefined)
    return { type, ...(length !== undefined && { length }) }
  }
  if (base === 'decimal') return { type, precision: params.precision ?? 10, scale: params.scale ?? 0 }
  // double takes (M,D) or nothing: a precision alone (`double(22)`) is a syntax error, and what the server holds is double.
  if (mysqlFloatTypes.has(base)) return params.precision !== undefined && params.scale !== undefined ? { type, precision: params.precision, scale: params.scale } : { type }
  if (timeTypes.has(base)) return { type, ...(params.precision !== undefined && params.precision > 0 && { precision: params.precision }) }
  return { type }
}

/** baseOf is a canonical type without ` unsigned` and ` zerofill`. */
export function baseOf(type: string): string {
  return type.replace(/ (unsigned|zerofill)/g, '')
}

/** labelsOf reads the labels of `'a','b''c'` (the inside of COLUMN_TYPE's `enum(...)`), unquoted. */
export function labelsOf(list: string): string[] {
  const labels: string[] = []
  const pattern = /'((?:[^'\\]|''|\\.)*)'/g
  let m: RegExpExecArray | null
  while ((m = pattern.exec(list)) !== null) labels.push(m[1]!.replace(/''/g, "'").replace(/\\(.)/g, '$1'))
  return labels
}
