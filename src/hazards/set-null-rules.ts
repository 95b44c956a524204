import { quoteDoubled } from '../dialect/quote'
import { referencedTableOf } from '../model/qualified-name'
import type { ForeignKeyModel, QualifiedName, TableModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import { columnsText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * setNullOnNotNullFindings: SET_NULL_ON_NOT_NULL for a foreign key whose ON DELETE or ON UPDATE is SET NULL
 * while one of its columns is NOT NULL once the migration has run (`nullable: false` beside
 * `onDelete: 'SET NULL'`, which TypeORM takes): deleting (updating) a referenced row then fails on the NOT NULL,
 * or the database refuses the key. Reported on the operation that adds such a key, or that makes a column of
 * one the migration keeps NOT NULL.
 */
export function setNullOnNotNullFindings(context: RuleContext): HazardFinding[] {
  const { changes } = context.input
  const added = new Set(changes.ops.flatMap((op) => (op.kind === 'add_foreign_key' ? [op.foreignKey.name] : [])))
  return changes.ops.flatMap((op, index): HazardFinding[] => {
    const table = changes.tableAt[index]?.to
    if (table === undefined) return []
    const keys = keysOf(op, table).filter((key) => op.kind === 'add_foreign_key' || !added.has(key.name))
    return keys.flatMap((key): HazardFinding[] => {
      const notNull = key.columns.filter((name) => table.columns.find((c) => c.name === name)?.nullable === false)
      const actions = (['DELETE', 'UPDATE'] as const).filter((on) => (on === 'DELETE' ? key.onDelete : key.onUpdate) === 'SET NULL')
      if (notNull.length === 0 || actions.length === 0) return []
      return [finding(op, tableNameOf(op, table), key, notNull, actions)]
    })
  })
}

/**
 * keysOf are the foreign keys `op` concerns in the table as it ends (`table`): the one it adds, or those over
 * the column it makes NOT NULL (but those the migration adds, reported on their own operation).
 */
function keysOf(op: Operation, table: TableModel): readonly ForeignKeyModel[] {
  const kept = (name: string) => table.foreignKeys.filter((k) => k.name === name)
  if (op.kind === 'add_foreign_key') return kept(op.foreignKey.name)
  if (op.kind === 'alter_column' && op.from.nullable && !op.to.nullable) {
    return table.foreignKeys.filter((k) => k.columns.includes(op.to.name))
  }
  return []
}

function tableNameOf(op: Operation, table: TableModel): QualifiedName {
  return op.kind === 'add_foreign_key' || op.kind === 'alter_column' ? op.table : table
}

function finding(op: Operation, table: QualifiedName, key: ForeignKeyModel, notNull: readonly string[], actions: readonly ('DELETE' | 'UPDATE')[]): HazardFinding {
  const target = tableText(referencedTableOf(key))
  const on = actions.map((a) => `ON ${a} SET NULL`).join(' and ')
  const fails = actions.map((a) => (a === 'DELETE' ? 'deleting' : 'changing the key of')).join(' or ')
  return {
    code: 'SET_NULL_ON_NOT_NULL', operation: op,
    what: `Foreign key ${quoteDoubled(key.name)} on ${tableText(table)} ${columnsText(key.columns)} -> ${target} is ${on}, but ` +
      `${columnsText(notNull)} ${notNull.length === 1 ? 'is' : 'are'} NOT NULL: ${fails} a row of ${target} that a row references fails ` +
      '(or the database refuses the key)',
    advice: 'make the columns nullable, or choose another action (CASCADE, RESTRICT)',
  }
}
