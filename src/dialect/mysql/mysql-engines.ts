import type { TableModel } from '../../model/schema-model'

/** innoDbTable: the table's engine is InnoDB, as it is where the entity names none (the server's default). */
export const innoDbTable = (table: TableModel): boolean => table.engine === undefined || table.engine.toLowerCase() === 'innodb'

/** The engines that keep foreign keys. */
const foreignKeyEngines: ReadonlySet<string> = new Set(['innodb', 'ndb', 'ndbcluster'])

/** keepsForeignKeys: the table's engine keeps foreign keys (MyISAM and Aria drop them without a word). */
export const keepsForeignKeys = (table: TableModel): boolean => table.engine === undefined || foreignKeyEngines.has(table.engine.toLowerCase())
