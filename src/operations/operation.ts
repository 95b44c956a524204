import type {
  CheckModel,
  ColumnModel,
  EnumTypeModel,
  EnumUser,
  ExclusionModel,
  ForeignKeyModel,
  IndexModel,
  PrimaryKeyModel,
  QualifiedName,
  TableModel,
  UniqueModel,
  ViewModel,
} from '../model/schema-model'
import type { ColumnAspect } from '../plan/column-change'

/**
 * Operation is one schema change as data, never SQL. Each operation carries what it replaces, so that
 * `reverseOperations` can always derive the `down` migration without a second diff.
 */
export type Operation =
  | CreateSchema
  | DropSchema
  | CreateExtension
  | DropExtension
  | CreateEnum
  | DropEnum
  | AlterEnum
  | RenameEnum
  | RenameEnumLabel
  | RenameColumnLabel
  | CreateTable
  | DropTable
  | RenameTable
  | AlterTableComment
  | AlterTableOptions
  | AddColumn
  | DropColumn
  | AlterColumn
  | RenameColumn
  | CopyColumn
  | AddPrimaryKey
  | DropPrimaryKey
  | CreateIndex
  | DropIndex
  | RenameIndex
  | AddUnique
  | DropUnique
  | AddForeignKey
  | DropForeignKey
  | AlterForeignKey
  | AddCheck
  | DropCheck
  | AddExclusion
  | DropExclusion
  | RenameConstraint
  | CreateView
  | DropView
  | ReplaceView

export type OperationKind = Operation['kind']

export interface CreateSchema { readonly kind: 'create_schema'; readonly schema: string }
export interface DropSchema { readonly kind: 'drop_schema'; readonly schema: string }
export interface CreateExtension { readonly kind: 'create_extension'; readonly extension: string }
export interface DropExtension { readonly kind: 'drop_extension'; readonly extension: string }

export interface CreateEnum { readonly kind: 'create_enum'; readonly enumType: EnumTypeModel }
export interface DropEnum { readonly kind: 'drop_enum'; readonly enumType: EnumTypeModel }
/**
 * AlterEnum changes the labels of an enum type; `from` and `to` share one qualified name. `users` are the
 * columns of the type when it changes, those of tables outside the diff too (a dialect that rebuilds the type
 * moves them over; the same in `down`).
 */
export interface AlterEnum {
  readonly kind: 'alter_enum'
  readonly from: EnumTypeModel
  readonly to: EnumTypeModel
  readonly users: readonly EnumUser[]
}
/** RenameEnum renames an enum type; its labels stay, and the columns using it follow it. */
export interface RenameEnum { readonly kind: 'rename_enum'; readonly from: QualifiedName; readonly to: QualifiedName }
/**
 * RenameEnumLabel renames one label of the enum type `enumType` in place, a stated rename: the rows holding it
 * hold the new label, as do the defaults naming it.
 */
export interface RenameEnumLabel { readonly kind: 'rename_enum_label'; readonly enumType: QualifiedName; readonly from: string; readonly to: string }
/**
 * RenameColumnLabel renames one label of a column that holds its labels itself (where there are no enum types),
 * a stated rename: the rows holding it hold the new label, as does a default naming it. `column` is the column
 * before.
 */
export interface RenameColumnLabel {
  readonly kind: 'rename_column_label'
  readonly table: QualifiedName
  readonly column: ColumnModel
  readonly from: string
  readonly to: string
}

/** CreateTable creates a table with its columns, key, indexes, uniques and checks; foreign keys come as AddForeignKey. */
export interface CreateTable { readonly kind: 'create_table'; readonly table: TableModel }
/** DropTable drops a table; its foreign keys are dropped by DropForeignKey operations before it. */
export interface DropTable { readonly kind: 'drop_table'; readonly table: TableModel }
/** RenameTable renames (or moves to another schema) `table`, as it is before the rename. */
export interface RenameTable { readonly kind: 'rename_table'; readonly from: QualifiedName; readonly to: QualifiedName; readonly table: TableModel }
export interface AlterTableComment {
  readonly kind: 'alter_table_comment'
  readonly table: QualifiedName
  readonly from?: string
  readonly to?: string
}

/** TableOptions are the entity's options on how a table keeps its rows: its engine, whether it is `WITHOUT ROWID`. */
export type TableOptions = Pick<TableModel, 'engine' | 'withoutRowid'>
/** AlterTableOptions moves a table's rows to the storage `to` says (see TableOptions); `from` and `to` differ. */
export interface AlterTableOptions {
  readonly kind: 'alter_table_options'
  readonly table: QualifiedName
  readonly from: TableOptions
  readonly to: TableOptions
}

export interface AddColumn { readonly kind: 'add_column'; readonly table: QualifiedName; readonly column: ColumnModel }
export interface DropColumn { readonly kind: 'drop_column'; readonly table: QualifiedName; readonly column: ColumnModel }
/** AlterColumn changes anything but the name of a column; `from.name === to.name`. `changes` says what changes. */
export interface AlterColumn extends Online {
  readonly kind: 'alter_column'
  readonly table: QualifiedName
  readonly from: ColumnModel
  readonly to: ColumnModel
  readonly changes: readonly ColumnAspect[]
}
/** RenameColumn renames `column` (as it is before the rename, named `from`) to `to`; its definition stays. */
export interface RenameColumn {
  readonly kind: 'rename_column'
  readonly table: QualifiedName
  readonly from: string
  readonly to: string
  readonly column: ColumnModel
}

/**
 * CopyColumn copies the values of column `from` into column `to` of the same table (an UPDATE, no schema
 * change), converting them to the type of `to` as the dialect must. `rows: 'all'` writes every row;
 * `'empty'` only the rows where `to` is NULL, so that a copy never overwrites what was written into `to`
 * since. Its reverse copies back (`to` into `from`, with the same `rows`). Expand and contract migrations
 * use it (src/strategy); the diff never emits it.
 */
export interface CopyColumn {
  readonly kind: 'copy_column'
  readonly table: QualifiedName
  readonly from: ColumnModel
  readonly to: ColumnModel
  readonly rows: 'all' | 'empty'
}

export interface AddPrimaryKey { readonly kind: 'add_primary_key'; readonly table: QualifiedName; readonly primaryKey: PrimaryKeyModel }
export interface DropPrimaryKey { readonly kind: 'drop_primary_key'; readonly table: QualifiedName; readonly primaryKey: PrimaryKeyModel }
/**
 * Online is set on an operation written in its online form (`generate --online`), which runs outside a
 * transaction, in a migration of its own after the rest of the change: an index built without blocking writes
 * (`CREATE INDEX CONCURRENTLY`, dropped the same way in `down`), a unique built that way and then attached, a
 * foreign key or check added `NOT VALID` and then validated, a column made NOT NULL through such a check (an
 * AlterColumn of its nullability alone); what `down` drops of them, only where it is there.
 */
export interface Online { readonly online?: true }
/** OnMaterializedView is set on an index operation whose `table` is a materialized view. */
export interface OnMaterializedView { readonly onMaterializedView?: true }
export interface CreateIndex extends Online, OnMaterializedView { readonly kind: 'create_index'; readonly table: QualifiedName; readonly index: IndexModel }
export interface DropIndex extends Online, OnMaterializedView { readonly kind: 'drop_index'; readonly table: QualifiedName; readonly index: IndexModel }
/** RenameIndex renames `index` (as it is before the rename, named `from`) of `table` to `to`; its definition stays. */
export interface RenameIndex {
  readonly kind: 'rename_index'
  readonly table: QualifiedName
  readonly from: string
  readonly to: string
  readonly index: IndexModel
}
export interface AddUnique extends Online { readonly kind: 'add_unique'; readonly table: QualifiedName; readonly unique: UniqueModel }
export interface DropUnique extends Online { readonly kind: 'drop_unique'; readonly table: QualifiedName; readonly unique: UniqueModel }
export interface AddForeignKey extends Online { readonly kind: 'add_foreign_key'; readonly table: QualifiedName; readonly foreignKey: ForeignKeyModel }
export interface DropForeignKey extends Online { readonly kind: 'drop_foreign_key'; readonly table: QualifiedName; readonly foreignKey: ForeignKeyModel }
/**
 * AlterForeignKey changes the deferral of a foreign key in place (whether it is deferrable, and when it is
 * checked), which reads no row; `from` and `to` are the key before and after, the same but for `deferrable`.
 */
export interface AlterForeignKey {
  readonly kind: 'alter_foreign_key'
  readonly table: QualifiedName
  readonly from: ForeignKeyModel
  readonly to: ForeignKeyModel
}
export interface AddCheck extends Online { readonly kind: 'add_check'; readonly table: QualifiedName; readonly check: CheckModel }
export interface DropCheck extends Online { readonly kind: 'drop_check'; readonly table: QualifiedName; readonly check: CheckModel }
/**
 * AddExclusion adds an exclusion constraint, which builds its index under a lock that blocks reads and writes,
 * and fails where rows already conflict; no database adds one without that (no `NOT VALID`).
 */
export interface AddExclusion { readonly kind: 'add_exclusion'; readonly table: QualifiedName; readonly exclusion: ExclusionModel }
export interface DropExclusion { readonly kind: 'drop_exclusion'; readonly table: QualifiedName; readonly exclusion: ExclusionModel }
/**
 * RenameConstraint renames a primary key, unique, foreign key, check or exclusion constraint of `table` (as it is before the
 * rename, named `from`) to `to`; its definition stays. `constraint` says which kind, and the field of that
 * name as in the Add and Drop operations holds it.
 */
export type RenameConstraint = RenamePrimaryKey | RenameUnique | RenameForeignKey | RenameCheck | RenameExclusion
/** ConstraintKind names the kinds of table constraint a RenameConstraint may rename. */
export type ConstraintKind = RenameConstraint['constraint']
interface RenameNamedConstraint {
  readonly kind: 'rename_constraint'
  readonly table: QualifiedName
  readonly from: string
  readonly to: string
}
export interface RenamePrimaryKey extends RenameNamedConstraint { readonly constraint: 'primary_key'; readonly primaryKey: PrimaryKeyModel }
export interface RenameUnique extends RenameNamedConstraint { readonly constraint: 'unique'; readonly unique: UniqueModel }
export interface RenameForeignKey extends RenameNamedConstraint { readonly constraint: 'foreign_key'; readonly foreignKey: ForeignKeyModel }
export interface RenameCheck extends RenameNamedConstraint { readonly constraint: 'check'; readonly check: CheckModel }
export interface RenameExclusion extends RenameNamedConstraint { readonly constraint: 'exclusion'; readonly exclusion: ExclusionModel }

/** CreateView creates a view (materialized or not) with its indexes, from the whole ViewModel. */
export interface CreateView { readonly kind: 'create_view'; readonly view: ViewModel }
/** DropView drops a view; it carries the whole view so that `down` re-creates it exactly. */
export interface DropView { readonly kind: 'drop_view'; readonly view: ViewModel }
/**
 * ReplaceView changes a view's definition in place (`CREATE OR REPLACE VIEW`), only planned where the
 * dialect allows it and `from` and `to` have the same columns; otherwise a change is DropView and CreateView.
 */
export interface ReplaceView { readonly kind: 'replace_view'; readonly from: ViewModel; readonly to: ViewModel }

/** OperationOf picks the operation type of one kind. */
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>

/** tableOf names the table an operation changes, or undefined for schema-, extension- and enum-level operations. */
export function tableOf(op: Operation): QualifiedName | undefined {
  switch (op.kind) {
    case 'create_table':
    case 'drop_table':
      return op.table
    case 'rename_table':
      return op.to
    case 'create_schema':
    case 'drop_schema':
    case 'create_extension':
    case 'drop_extension':
    case 'create_enum':
    case 'drop_enum':
    case 'alter_enum':
    case 'rename_enum':
    case 'rename_enum_label':
    case 'create_view':
    case 'drop_view':
    case 'replace_view':
      return undefined
    default:
      return op.table
  }
}
