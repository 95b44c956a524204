import { quoteDoubled } from '../dialect/quote'
import { sameColumnList } from '../model/column-lists'
import { nameOf, qualifiedKey, referencedTableOf, sameName } from '../model/qualified-name'
import type { ForeignKeyModel, QualifiedName, ReferentialAction, SchemaModel } from '../model/schema-model'
import type { AddForeignKey } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import { columnsText, tableText } from './hazard-names'
import { type RuleContext, eachOp } from './rule-context'

/**
 * onDeleteCascadeFindings: ON_DELETE_CASCADE for a foreign key that the table had, from the same columns to the
 * same table, with another ON DELETE action, and that the migration makes `ON DELETE CASCADE` (`onDelete:
 * 'CASCADE'`): deleting a referenced row then deletes the rows referencing it, where before the delete failed
 * (NO ACTION, RESTRICT) or left them (SET NULL, SET DEFAULT). A key new to the table is left alone: no code ran
 * against it yet.
 */
export function onDeleteCascadeFindings(context: RuleContext): HazardFinding[] {
  let cascades: CascadingKeys | undefined
  const cascadingFrom = (table: QualifiedName) => {
    cascades ??= cascadingKeys(context.input.changes.schemaAt(context.input.changes.ops.length))
    return cascades.from(table)
  }
  return eachOp(context, 'add_foreign_key', (op, index) => {
    const { foreignKey } = op
    if (foreignKey.onDelete !== 'CASCADE') return []
    const before = keyBefore(context, op, index)
    if (before === undefined || before.onDelete === 'CASCADE') return []
    const target = tableText(referencedTableOf(foreignKey))
    const then = keeps(before.onDelete) ? `kept them (${before.onDelete})` : `failed while they existed (${before.onDelete})`
    const further = cascadingFrom(op.table)
    const along = further.length === 0 ? '' : `, and with them, through their own ON DELETE CASCADE keys, the rows of ${namesText(further)} that reference those`
    return [{
      code: 'ON_DELETE_CASCADE', operation: op,
      what: `Foreign key ${quoteDoubled(foreignKey.name)} on ${tableText(op.table)} ${columnsText(foreignKey.columns)} -> ${target} becomes ON DELETE CASCADE: ` +
        `deleting a row of ${target} then deletes the rows of ${tableText(op.table)} that reference it${along}, where the delete ${then}`,
      advice: 'make sure the application means every delete of those rows to take these along',
    }]
  })
}

/**
 * onDeleteSetNullFindings: ON_DELETE_SET_NULL for a foreign key that the table had (as onDeleteCascadeFindings
 * finds it) whose delete failed while rows referenced a row (NO ACTION, RESTRICT), and that the migration makes
 * `ON DELETE SET NULL` or `SET DEFAULT`: deleting a referenced row then succeeds and clears the link of each row
 * that referenced it, which no one can tell afterwards.
 */
export function onDeleteSetNullFindings(context: RuleContext): HazardFinding[] {
  return eachOp(context, 'add_foreign_key', (op, index) => {
    const { foreignKey } = op
    if (!keeps(foreignKey.onDelete)) return []
    const before = keyBefore(context, op, index)
    if (before === undefined || before.onDelete === 'CASCADE' || keeps(before.onDelete)) return []
    const target = tableText(referencedTableOf(foreignKey))
    const cleared = foreignKey.onDelete === 'SET NULL' ? 'sets to NULL' : 'sets to their default'
    return [{
      code: 'ON_DELETE_SET_NULL', operation: op,
      what: `Foreign key ${quoteDoubled(foreignKey.name)} on ${tableText(op.table)} ${columnsText(foreignKey.columns)} -> ${target} becomes ON DELETE ${foreignKey.onDelete}: ` +
        `deleting a row of ${target} then ${cleared} ${columnsText(foreignKey.columns)} in the rows of ${tableText(op.table)} that reference it, ` +
        `where the delete failed while they existed (${before.onDelete}), and which row they referenced is lost`,
      advice: 'make sure the application means such deletes to succeed and leave these rows without the link',
    }]
  })
}

/** keeps says whether an ON DELETE action keeps the referencing rows, clearing their link. */
const keeps = (action: ReferentialAction) => action === 'SET NULL' || action === 'SET DEFAULT'

/** keyBefore is the foreign key the table had from the same columns to the same table as the one `op` adds, if any. */
function keyBefore(context: RuleContext, op: AddForeignKey, index: number): ForeignKeyModel | undefined {
  const table = context.origins.table(index, op.table)
  const referenced = context.origins.table(index, referencedTableOf(op.foreignKey))
  const columns = op.foreignKey.columns.map((c) => context.origins.column(index, op.table, c)?.column.name)
  if (table === undefined || referenced === undefined || !columns.every((c): c is string => c !== undefined)) return undefined
  return table.foreignKeys.find((fk) => sameColumnList(fk.columns, columns) && sameName(referencedTableOf(fk), nameOf(referenced)))
}

/** CascadingKeys tells which tables a delete of rows of a table deletes in turn (see cascadingKeys). */
interface CascadingKeys {
  from(table: QualifiedName): QualifiedName[]
}

/**
 * cascadingKeys follows the keys that are ON DELETE CASCADE once the migration has run (`schema`): `from` lists
 * the tables whose rows a delete of rows of a table deletes in turn, nearest first: a chain (apps, their
 * versions, the versions' pages), not the table itself.
 */
function cascadingKeys(schema: SchemaModel): CascadingKeys {
  const referencing = new Map<string, QualifiedName[]>()
  for (const other of schema.tables) {
    for (const fk of other.foreignKeys) {
      if (fk.onDelete !== 'CASCADE') continue
      const key = qualifiedKey(referencedTableOf(fk))
      const known = referencing.get(key)
      if (known === undefined) referencing.set(key, [nameOf(other)])
      else known.push(nameOf(other))
    }
  }
  return {
    from(table) {
      const seen = new Set([qualifiedKey(nameOf(table))])
      const reached: QualifiedName[] = []
      for (let i = -1; i < reached.length; i++) {
        for (const next of referencing.get(qualifiedKey(i < 0 ? nameOf(table) : reached[i]!)) ?? []) {
          if (seen.has(qualifiedKey(next))) continue
          seen.add(qualifiedKey(next))
          reached.push(next)
        }
      }
      return reached
    },
  }
}

/** namesText names up to five tables, and how many more. */
function namesText(tables: readonly QualifiedName[]): string {
  const shown = tables.slice(0, 5).map(tableText).join(', ')
  return tables.length > 5 ? `${shown} and ${tables.length - 5} more` : shown
}
