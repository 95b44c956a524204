import type { ColumnModel, SchemaModel, TableModel } from '../../model/schema-model'
import type { DatabaseConnection } from '../dialect'
import { bytesPerCharacter } from './mysql-character-bytes'
import type { MysqlServer } from './mysql-server'
import { lobBytes } from './mysql-lob-bytes'
import { baseOf, mysqlStringLengthTypes } from './mysql-types'

/** InnoDB's longest key, in bytes (DYNAMIC and COMPRESSED rows; COMPACT and REDUNDANT ones allow less). */
export const longestKey = 3072

/** The most bytes a character takes in any charset: a column of a charset not known yet may take this many. */
export const widestCharacter = 4

/**
 * keysTooLong are the refusals, every one, before anything is written, of the keys of string columns longer than InnoDB allows:
 * the server refuses it (`Specified key was too long; max key length is 3072 bytes`), and on MySQL after the
 * statements before it had run, as DDL cannot be rolled back. Four `varchar(255)` columns in utf8mb4 take 4080
 * bytes, so a primary key over them fails, and so does TypeORM's synchronize. Refused: a primary key, an index of
 * two or more columns and, on MySQL, a unique (MariaDB keeps a long unique as a HASH key, and indexes one column
 * too long for a plain index by a prefix of it, as MySQL does, but a TEXT or BLOB column keyed whole with others at its
 * whole length: `(userId, body)` over a `text` fails). Only string, binary, TEXT and BLOB columns are counted, at
 * their charset's widest character (the table's where they name none, or the database's for a new table), so
 * a key is refused only where the server would refuse it. The charsets are read (one query) only where a key
 * could pass the limit.
 */
export async function keysTooLong(desired: SchemaModel, connection: DatabaseConnection, server: MysqlServer): Promise<string[]> {
  const keys = desired.tables.flatMap((table) => keysOf(table, server).map((key) => ({ table, key })))
  const suspects = keys.filter(({ table, key }) => keyBytes(table, key.columns, () => widestCharacter) > longestKey)
  if (suspects.length === 0) return []
  const charsetOf = await tableCharsets(connection)
  return suspects.flatMap(({ table, key }) => {
    const charset = charsetOf.get(table.name) ?? (charsetOf.has(table.name) ? undefined : charsetOf.get(null))
    const tableBytes = bytesPerCharacter(charset)
    const bytes = keyBytes(table, key.columns, (column) => bytesPerCharacter(column.charset) ?? tableBytes)
    if (bytes <= longestKey) return []
    const lob = wholeLobOf(table, key.columns)
    const fix = lob === undefined
      ? 'give its string columns shorter lengths (length: 191 in utf8mb4), or key fewer of them'
      : `give "${lob}" a varchar type with a length (type: 'varchar', length: 255), or key it alone, which the server indexes by a prefix`
    return [`"${table.name}": ${key.what} (${key.columns.map((c) => c.name).join(', ')}) takes ${bytes} bytes${charset === undefined ? '' : ` in ${charset}`}, ` +
      `over the ${longestKey} InnoDB allows in a key, so the server would refuse it: ${fix}, then run again`]
  })
}

interface Key {
  readonly what: string
  readonly columns: readonly KeyColumn[]
}

interface KeyColumn {
  readonly name: string
  /** The prefix indexed, in characters (bytes for a binary column), where not the whole column. */
  readonly prefix?: number
}

function keysOf(table: TableModel, server: MysqlServer): Key[] {
  const whole = (columns: readonly string[]) => columns.map((name) => ({ name }))
  const primary = table.primaryKey === undefined ? [] : [{ what: 'its primary key', columns: whole(table.primaryKey.columns) }]
  const indexes = table.indexes
    .filter((i) => i.method === undefined && (i.unique ? server.product === 'mysql' : i.columns.length > 1))
    .map((i) => ({ what: `${i.unique ? 'unique index' : 'index'} "${i.name}"`, columns: i.columns.map((name, k) => ({ name, ...(i.keyOptions?.[k]?.length !== undefined && { prefix: i.keyOptions[k]!.length }) })) }))
  const uniques = server.product === 'mysql' ? table.uniques.map((u) => ({ what: `unique "${u.name}"`, columns: whole(u.columns) })) : []
  return [...primary, ...indexes, ...uniques]
}

/** keyBytes counts a key's string, binary, TEXT and BLOB columns, a character as `width` says (none where it cannot tell). */
export function keyBytes(table: TableModel, columns: readonly KeyColumn[], width: (column: ColumnModel) => number | undefined): number {
  return columns.reduce((sum, key) => {
    const column = table.columns.find((c) => c.name === key.name)
    if (column === undefined) return sum
    const type = baseOf(column.type)
    // A TEXT or BLOB keyed whole with others takes all of it (keyed alone, the server takes as long a prefix as fits).
    const characters = key.prefix ?? column.length ?? lobBytes[type]
    if (characters === undefined || !(mysqlStringLengthTypes.has(type) || type in lobBytes)) return sum
    return sum + characters * (/(binary|blob)$/.test(type) ? 1 : width(column) ?? 0)
  }, 0)
}

/** wholeLobOf is a TEXT or BLOB column a key holds whole, if any. */
function wholeLobOf(table: TableModel, columns: readonly KeyColumn[]): string | undefined {
  return columns.find((key) => key.prefix === undefined && baseOf(table.columns.find((c) => c.name === key.name)?.type ?? '') in lobBytes)?.name
}

/** tableCharsets maps each table of the database to its charset, and null to the database's. */
async function tableCharsets(connection: DatabaseConnection): Promise<ReadonlyMap<string | null, string | undefined>> {
  const rows = await connection.query<{ name: string | null; charset: string | null }>(`SELECT t.TABLE_NAME AS name, c.CHARACTER_SET_NAME AS charset
FROM information_schema.TABLES t LEFT JOIN information_schema.COLLATIONS c ON c.COLLATION_NAME = t.TABLE_COLLATION
WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
UNION ALL SELECT NULL, @@character_set_database`)
  return new Map(rows.map((r) => [r.name, r.charset ?? undefined]))
}
