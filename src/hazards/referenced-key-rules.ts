import { quoteDoubled } from '../dialect/quote'
import { namedIn, referencedTableOf } from '../model/qualified-name'
import type { TableModel } from '../model/schema-model'
import { sameColumnSet } from '../model/column-lists'
import { uniqueKeysOf } from '../model/unique-keys'
import type { HazardFinding } from './hazard-finding'
import { columnsText, tableText } from './hazard-names'
import { type RuleContext, eachOp } from './rule-context'

/**
 * referencedKeyFindings: REFERENCED_NOT_UNIQUE for a foreign key the migration adds (those of a table it creates
 * too, added apart) whose referenced columns are, once it has run, no primary key, unique constraint or unique
 * index (not partial) of the referenced table, in any order: the database refuses the key, or takes it and
 * refuses every write it checks ("foreign key mismatch"). Where the database takes any index led by them
 * (referencesAnyIndex), only one with none. A referenced table the migration does not know of (not in the schema
 * it reads) is left alone.
 */
export function referencedKeyFindings(context: RuleContext): HazardFinding[] {
  const { changes, dialect } = context.input
  const tableAtEnd = namedIn(changes.schemaAt(changes.ops.length).tables)
  const anyIndex = dialect.capabilities.referencesAnyIndex === true
  return eachOp(context, 'add_foreign_key', (op) => {
    const key = op.foreignKey
    const referenced = tableAtEnd(referencedTableOf(key))
    if (referenced === undefined || covered(referenced, key.referencedColumns, anyIndex)) return []
    const target = tableText(referencedTableOf(key))
    return [{
      code: 'REFERENCED_NOT_UNIQUE', operation: op,
      what: `Foreign key ${quoteDoubled(key.name)} on ${tableText(op.table)} ${columnsText(key.columns)} -> ${target} ${columnsText(key.referencedColumns)} ` +
        `references columns that ${anyIndex ? 'no index of' : 'no primary key, unique constraint or unique index of'} ${target} covers: ` +
        `the database refuses the key, or takes it and refuses every write it checks`,
      advice: `reference ${target}'s primary key (or columns made unique with @Unique), or make these columns unique`,
    }]
  })
}

/** covered: `columns` are a unique key of `table`, or, where any index serves (`anyIndex`), lead one of its keys or indexes. */
function covered(table: TableModel, columns: readonly string[], anyIndex: boolean): boolean {
  if (uniqueKeysOf(table).some((key) => sameColumnSet(key, columns))) return true
  if (!anyIndex) return false
  const keys = [...uniqueKeysOf(table), ...table.indexes.map((i) => i.columns)]
  return keys.some((key) => columns.every((column, i) => key[i] === column))
}
