import { sameName } from '../model/qualified-name'
import type { ColumnModel, QualifiedName } from '../model/schema-model'
import type { AlterColumn, AlterEnum, Online, OnMaterializedView, Operation } from './operation'
import { renamedBack } from './rename-constraint'
import { relabelledColumn } from './relabel-column'

/** reverseOperation is the operation that undoes `op`. */
export function reverseOperation(op: Operation): Operation {
  switch (op.kind) {
    case 'create_schema': return { kind: 'drop_schema', schema: op.schema }
    case 'drop_schema': return { kind: 'create_schema', schema: op.schema }
    case 'create_extension': return { kind: 'drop_extension', extension: op.extension }
    case 'drop_extension': return { kind: 'create_extension', extension: op.extension }
    case 'create_enum': return { kind: 'drop_enum', enumType: op.enumType }
    case 'drop_enum': return { kind: 'create_enum', enumType: op.enumType }
    case 'alter_enum': return { kind: 'alter_enum', from: op.to, to: op.from, users: op.users }
    case 'rename_enum': return { kind: 'rename_enum', from: op.to, to: op.from }
    case 'rename_enum_label': return { ...op, from: op.to, to: op.from }
    case 'rename_column_label': return { ...op, column: relabelledColumn(op.column, op.from, op.to), from: op.to, to: op.from }
    case 'create_table': return { kind: 'drop_table', table: op.table }
    case 'drop_table': return { kind: 'create_table', table: op.table }
    case 'rename_table': return { kind: 'rename_table', from: op.to, to: op.from, table: { ...op.table, schema: op.to.schema, name: op.to.name } }
    case 'alter_table_comment': return { kind: 'alter_table_comment', table: op.table, from: op.to, to: op.from }
    case 'alter_table_options': return { kind: 'alter_table_options', table: op.table, from: op.to, to: op.from }
    case 'add_column': return { kind: 'drop_column', table: op.table, column: op.column }
    case 'drop_column': return { kind: 'add_column', table: op.table, column: op.column }
    case 'alter_column': return { kind: 'alter_column', table: op.table, from: op.to, to: op.from, changes: op.changes, ...onlineOf(op) }
    case 'rename_column': return { kind: 'rename_column', table: op.table, from: op.to, to: op.from, column: { ...op.column, name: op.to } }
    case 'copy_column': return { kind: 'copy_column', table: op.table, from: op.to, to: op.from, rows: op.rows }
    case 'add_primary_key': return { kind: 'drop_primary_key', table: op.table, primaryKey: op.primaryKey }
    case 'drop_primary_key': return { kind: 'add_primary_key', table: op.table, primaryKey: op.primaryKey }
    case 'create_index': return { kind: 'drop_index', table: op.table, index: op.index, ...onlineOf(op), ...viewOf(op) }
    case 'drop_index': return { kind: 'create_index', table: op.table, index: op.index, ...onlineOf(op), ...viewOf(op) }
    case 'rename_index': return { kind: 'rename_index', table: op.table, from: op.to, to: op.from, index: { ...op.index, name: op.to } }
    case 'add_unique': return { kind: 'drop_unique', table: op.table, unique: op.unique, ...onlineOf(op) }
    case 'drop_unique': return { kind: 'add_unique', table: op.table, unique: op.unique, ...onlineOf(op) }
    case 'add_foreign_key': return { kind: 'drop_foreign_key', table: op.table, foreignKey: op.foreignKey, ...onlineOf(op) }
    case 'drop_foreign_key': return { kind: 'add_foreign_key', table: op.table, foreignKey: op.foreignKey, ...onlineOf(op) }
    case 'alter_foreign_key': return { kind: 'alter_foreign_key', table: op.table, from: op.to, to: op.from }
    case 'add_check': return { kind: 'drop_check', table: op.table, check: op.check, ...onlineOf(op) }
    case 'drop_check': return { kind: 'add_check', table: op.table, check: op.check, ...onlineOf(op) }
    case 'add_exclusion': return { kind: 'drop_exclusion', table: op.table, exclusion: op.exclusion }
    case 'drop_exclusion': return { kind: 'add_exclusion', table: op.table, exclusion: op.exclusion }
    case 'rename_constraint': return renamedBack(op)
    case 'create_view': return { kind: 'drop_view', view: op.view }
    case 'drop_view': return { kind: 'create_view', view: op.view }
    case 'replace_view': return { kind: 'replace_view', from: op.to, to: op.from }
  }
}

/** What is added online is dropped online (`DROP INDEX CONCURRENTLY`, only where it is there), and the other way round. */
const onlineOf = (op: Online): Online => (op.online === true ? { online: true } : {})
const viewOf = (op: OnMaterializedView): OnMaterializedView => (op.onMaterializedView === true ? { onMaterializedView: true } : {})

/**
 * reverseOperations derives the `down` operations from the `up` ones, as Alembic's `reverse_into` does:
 * each operation undone, in the opposite order (undoneInReverse); then enumDefaultsAfterTypes.
 */
export function reverseOperations(ops: readonly Operation[]): readonly Operation[] {
  return enumDefaultsAfterTypes(undoneInReverse(ops))
}

/** undoneInReverse is each operation of `ops` undone, in the opposite order. */
export function undoneInReverse(ops: readonly Operation[]): Operation[] {
  return [...ops].reverse().map(reverseOperation)
}

/**
 * enumDefaultsAfterTypes moves the default changes of a column that stays of an enum type to just after the
 * type's change, as in `up`: the default a `down` gives back may name a label the type gets back. Returns
 * `ops` itself where nothing moves.
 */
export function enumDefaultsAfterTypes(ops: readonly Operation[]): readonly Operation[] {
  let ordered = ops
  for (const enumChange of ops.filter((op): op is AlterEnum => op.kind === 'alter_enum')) {
    const at = ordered.indexOf(enumChange)
    const defaults = ordered.slice(0, at).filter((op) => op.kind === 'alter_column' && op.changes.includes('default') && staysOf(enumChange.to, op))
    if (defaults.length === 0) continue
    const rest = ordered.filter((op) => !defaults.includes(op))
    rest.splice(rest.indexOf(enumChange), 1, withLiveDefaults(enumChange, defaults as AlterColumn[]), ...defaults)
    ordered = rest
  }
  return ordered
}

/**
 * withLiveDefaults gives the columns an enum change moves over the defaults they still hold when it runs, those
 * of the default changes moved after it: `up` gave them, and a rebuild must drop them before it changes the
 * column's type (PostgreSQL cannot cast a default to the new type), where `users` hold the columns before `up`.
 */
function withLiveDefaults(enumChange: AlterEnum, defaults: readonly AlterColumn[]): AlterEnum {
  const users = enumChange.users.map((user) => {
    const change = defaults.find((op) => sameName(op.table, user.table) && op.from.name === user.column.name)
    if (change === undefined) return user
    const { default: _, ...column } = user.column
    return { ...user, column: change.from.default === undefined ? column : { ...column, default: change.from.default } }
  })
  return { ...enumChange, users }
}

/** staysOf says whether a column change keeps the column of the enum type `enumType`, before and after. */
function staysOf(enumType: QualifiedName, op: AlterColumn): boolean {
  const of = (c: ColumnModel) => c.type === 'enum' && c.enumName === enumType.name && (c.enumSchema ?? op.table.schema) === enumType.schema
  return of(op.from) && of(op.to)
}
