import type { ForeignKeyModel, SchemaModel } from '../../model/schema-model'
import type { AlterColumn, Operation } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { type Statement, statementOf } from '../statement'
import { foreignKeyClause } from './mysql-constraint-sql'
import { quoteIdent } from './mysql-quote'
import { ifExistsSql, type MysqlSyntax } from './mysql-syntax'

/** Relinked are the statements to run before and after the operation at an index. */
export interface Relinked {
  readonly before: ReadonlyMap<number, readonly Statement[]>
  readonly after: ReadonlyMap<number, readonly Statement[]>
}

const retypes = (op: Operation): op is AlterColumn =>
  op.kind === 'alter_column' && op.changes.some((c) => c === 'type' || c === 'size' || c === 'collation')

/**
 * relinkedForeignKeys: MySQL refuses to change the type, length or collation of a column a foreign key uses
 * (on either side) while the key exists ("Cannot change column used in a foreign key constraint"), and both
 * sides must change before the key fits again. So every foreign key that such changes touch, and that the
 * migration does not drop, add or rename itself, is dropped before the first of them and added again after
 * the last, each statement carrying the column changes that need it. Foreign key names are unique in a
 * MySQL database, so a key is found by its name in the schema of the moment.
 */
export function relinkedForeignKeys(changes: ChangeSet, syntax: MysqlSyntax): Relinked {
  const { ops } = changes
  const handled = new Set(ops.flatMap((op) => {
    if (op.kind === 'add_foreign_key' || op.kind === 'drop_foreign_key') return [op.foreignKey.name]
    if (op.kind === 'rename_constraint' && op.constraint === 'foreign_key') return [op.from, op.to]
    return []
  }))
  const needs = new Map<string, AlterColumn[]>()
  let first = -1
  let last = -1
  ops.forEach((op, i) => {
    if (!retypes(op)) return
    for (const { foreignKey } of keysUsing(changes.schemaAt(i), op.table.name, op.from.name)) {
      if (handled.has(foreignKey.name)) continue
      needs.set(foreignKey.name, [...(needs.get(foreignKey.name) ?? []), op])
      if (first === -1) first = i
      last = i
    }
  })
  if (needs.size === 0) return { before: new Map(), after: new Map() }
  const statements = (schema: SchemaModel, clause: (fk: ForeignKeyModel) => string) =>
    schema.tables.flatMap((table): Statement[] => {
      const keys = table.foreignKeys.filter((fk) => needs.has(fk.name))
      if (keys.length === 0) return []
      const carried = [...new Set(keys.flatMap((fk) => needs.get(fk.name)!))]
      return [statementOf(`ALTER TABLE ${quoteIdent(table.name)} ${keys.map(clause).join(', ')}`, carried, { autocommits: true })]
    })
  return {
    before: new Map([[first, statements(changes.schemaAt(first), (fk) => `DROP FOREIGN KEY${ifExistsSql(syntax)} ${quoteIdent(fk.name)}`)]]),
    after: new Map([[last, statements(changes.schemaAt(last + 1), (fk) => `ADD ${foreignKeyClause(fk, syntax.ifExists)}`)]]),
  }
}

/** keysUsing lists the foreign keys of `schema` whose own or referenced columns include `column` of `table`. */
function keysUsing(schema: SchemaModel, table: string, column: string): { readonly foreignKey: ForeignKeyModel }[] {
  return schema.tables.flatMap((t) => t.foreignKeys
    .filter((fk) => (t.name === table && fk.columns.includes(column)) || (fk.referencedTable === table && fk.referencedColumns.includes(column)))
    .map((foreignKey) => ({ foreignKey })))
}
