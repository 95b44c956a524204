import type { ColumnModel, TableModel } from '../../model/schema-model'
import { bytesPerCharacter } from './mysql-character-bytes'
import { keyBytes, longestKey } from './mysql-key-length'

/** wholeValueHashed: a unique key over this TEXT, BLOB or json column is MariaDB's HASH key (no prefix to index). */
function wholeValueHashed(table: TableModel, column: string): boolean {
  return /text$|blob$|^json$/.test(table.columns.find((c) => c.name === column)?.type ?? '')
}

/**
 * hashedKey: MariaDB keeps a unique key over these columns as a HASH key on a hidden virtual column, where it
 * holds a TEXT, BLOB or json column or is longer than InnoDB's longest key (a varchar(1000) in utf8mb4, 4000
 * bytes). Such a key serves no lookup by its leading columns: InnoDB still makes a foreign key over them an index
 * of its own. A character of a charset not known counts `unknownWidth` bytes (none where absent).
 */
export function hashedKey(table: TableModel, columns: readonly string[], unknownWidth?: number): boolean {
  if (columns.some((c) => wholeValueHashed(table, c))) return true
  const width = (column: ColumnModel) => bytesPerCharacter(column.charset ?? table.charset) ?? unknownWidth
  return keyBytes(table, columns.map((name) => ({ name })), width) > longestKey
}
