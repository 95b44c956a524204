import { quoteDoubled } from '../dialect/quote'
import { columnText } from '../hazards/hazard-names'
import type { QualifiedName } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { constraintNouns, displayName } from './operation-pieces'

/**
 * subjectOf names what an operation changes, briefly, for the header's list of hazards and notes:
 * `"user"."age"` (a column), `"user" index "IDX_user_email"`, `"user"` (a table), `enum "public"."mood"`.
 */
export function subjectOf(op: Operation): string {
  switch (op.kind) {
    case 'create_schema':
    case 'drop_schema':
      return `schema ${quoteDoubled(op.schema)}`
    case 'create_extension':
    case 'drop_extension':
      return `extension ${quoteDoubled(op.extension)}`
    case 'create_enum':
    case 'drop_enum':
      return `enum ${displayName(op.enumType)}`
    case 'alter_enum':
    case 'rename_enum':
      return `enum ${displayName(op.to)}`
    case 'rename_enum_label':
      return `enum ${displayName(op.enumType)}`
    case 'create_table':
    case 'drop_table':
      return displayName(op.table)
    case 'rename_table':
      return displayName(op.to)
    case 'create_view':
    case 'drop_view':
      return `view ${displayName(op.view)}`
    case 'replace_view':
      return `view ${displayName(op.to)}`
    case 'alter_table_comment':
    case 'alter_table_options':
      return displayName(op.table)
    case 'add_column':
    case 'drop_column':
      return columnText(op.table, op.column.name)
    case 'alter_column':
    case 'copy_column':
      return columnText(op.table, op.to.name)
    case 'rename_column':
      return columnText(op.table, op.to)
    case 'rename_column_label':
      return columnText(op.table, op.column.name)
    case 'add_primary_key':
    case 'drop_primary_key':
      return `${displayName(op.table)} primary key`
    case 'create_index':
    case 'drop_index':
      return inTable(op.table, 'index', op.index.name)
    case 'rename_index':
      return inTable(op.table, 'index', op.to)
    case 'add_unique':
    case 'drop_unique':
      return inTable(op.table, 'unique', op.unique.name)
    case 'add_foreign_key':
    case 'drop_foreign_key':
      return inTable(op.table, 'foreign key', op.foreignKey.name)
    case 'alter_foreign_key':
      return inTable(op.table, 'foreign key', op.to.name)
    case 'add_check':
    case 'drop_check':
      return inTable(op.table, 'check', op.check.name)
    case 'add_exclusion':
    case 'drop_exclusion':
      return inTable(op.table, 'exclusion', op.exclusion.name)
    case 'rename_constraint':
      return inTable(op.table, constraintNouns[op.constraint].noun, op.to)
  }
}

function inTable(table: QualifiedName, noun: string, name: string): string {
  return `${displayName(table)} ${noun} ${quoteDoubled(name)}`
}
