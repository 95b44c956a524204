/** ColumnTypeParts is a column type split into its canonical base name and parameters. */
export interface ColumnTypeParts {
  readonly type: string
  readonly length?: number
  readonly precision?: number
  readonly scale?: number
  /**
   * Declared `array: true`: TypeORM writes the type name with ` array` after it, which SQLite keeps as it is
   * (a name only: the column holds one value). Not after parameters, where SQLite refuses it.
   */
  readonly isArray?: boolean
}

/**
 * PRECISION_TYPES take a single parameter as a precision rather than a length; the list is the one TypeORM's
 * SQLite driver uses (`withPrecisionColumnTypes`), so that `decimal(10)` and `datetime(3)` read back as written.
 */
const PRECISION_TYPES = new Set(['real', 'double', 'double precision', 'float', 'numeric', 'decimal', 'date', 'time', 'datetime'])

/** parseDeclaredType splits a declared type as SQLite reports it (`VARCHAR(255)`, `decimal(10, 2)`, `text array`). */
export function parseDeclaredType(declared: string): ColumnTypeParts {
  const array = /\s+array\s*$/i.exec(declared)
  if (array !== null) return { ...parseDeclaredType(declared.slice(0, array.index)), isArray: true }
  const match = /^([^(]*)\(\s*([+-]?\d+)\s*(?:,\s*([+-]?\d+)\s*)?\)/.exec(declared)
  if (!match) return canonicalTypeParts({ type: declared })
  const base = match[1]
  const first = Number(match[2])
  if (match[3] !== undefined) return canonicalTypeParts({ type: base, precision: first, scale: Number(match[3]) })
  return canonicalTypeParts({ type: base, length: first })
}

/**
 * canonicalTypeParts is the one rule both sides follow: base type lower case with single spaces; a lone
 * parameter (a length, or a precision without a scale) is a precision for PRECISION_TYPES and a length otherwise; a length wins over precision and
 * scale, and a scale needs a precision (TypeORM writes exactly one of `(length)`, `(p,s)`, `(p)`).
 */
export function canonicalTypeParts(parts: ColumnTypeParts): ColumnTypeParts {
  const scalar = scalarTypeParts(parts)
  // SQLite refuses a word after the parameters (`varchar(40) array`, which TypeORM writes and fails on).
  const parameters = scalar.length !== undefined || scalar.precision !== undefined
  return parts.isArray === true && !parameters ? { ...scalar, isArray: true } : scalar
}

function scalarTypeParts(parts: ColumnTypeParts): ColumnTypeParts {
  const type = parts.type.trim().replace(/\s+/g, ' ').toLowerCase()
  if (parts.length !== undefined) {
    return PRECISION_TYPES.has(type) ? { type, precision: parts.length } : { type, length: parts.length }
  }
  if (parts.precision === undefined) return { type }
  if (parts.scale !== undefined) return { type, precision: parts.precision, scale: parts.scale }
  // TypeORM writes a lone precision as the type's parameter (`tinyint(1)`), which reads back as a length.
  return PRECISION_TYPES.has(type) ? { type, precision: parts.precision } : { type, length: parts.precision }
}

/** declaredType writes a type with its parameters back (`varchar(255)`, `decimal(10,2)`, `text array`). */
export function declaredType(parts: ColumnTypeParts): string {
  return parts.isArray === true ? `${scalarDeclaredType(parts)} array` : scalarDeclaredType(parts)
}

function scalarDeclaredType(parts: ColumnTypeParts): string {
  if (parts.length !== undefined) return `${parts.type}(${parts.length})`
  if (parts.precision !== undefined && parts.scale !== undefined) return `${parts.type}(${parts.precision},${parts.scale})`
  if (parts.precision !== undefined) return `${parts.type}(${parts.precision})`
  return parts.type
}
