import type { ColumnModel } from '../../model/schema-model'
import { bytesPerCharacter } from './mysql-character-bytes'
import { baseOf, mysqlStringLengthTypes } from './mysql-types'

/** InnoDB's longest index key, in bytes: 3072 in DYNAMIC and COMPRESSED rows, 767 in COMPACT and REDUNDANT ones. */
const keyLimits = [3072, 767]

/**
 * isLongestKeyPrefix: a string column too long for a whole key is indexed by the server with the longest prefix
 * that fits InnoDB's key limit, where a plain index names it whole (MariaDB, and MySQL outside strict mode):
 * `varchar(1000)` in utf8mb4 as `(768)`. A column of the table's charset has none in the model, so any of
 * one to four bytes a character is taken for it.
 */
export function isLongestKeyPrefix(column: ColumnModel, prefix: number): boolean {
  const type = baseOf(column.type)
  if (!mysqlStringLengthTypes.has(type) || column.length === undefined || prefix >= column.length) return false
  const known = type.endsWith('binary') ? 1 : bytesPerCharacter(column.charset)
  const widths = known === undefined ? [1, 2, 3, 4] : [known]
  return keyLimits.some((limit) => widths.some((bytes) => prefix === Math.floor(limit / bytes)))
}
