import type { TableModel } from '../../model/schema-model'

/** wholeValueHashed: a unique key over this TEXT, BLOB or json column is MariaDB's HASH key (no prefix to index). */
function wholeValueHashed(table: TableModel, column: string): boolean {
  return /text$|blob$|^json$/.test(table.columns.find((c) => c.name === column)?.type ?? '')
}

/**
 * hashedKey: a unique key over these columns is a HASH key on a hidden virtual column, which serves no lookup by
 * its leading columns: InnoDB still makes a foreign key over them an index of its own.
 */
export function hashedKey(table: TableModel, columns: readonly string[]): boolean {
  return columns.some((c) => wholeValueHashed(table, c))
}
