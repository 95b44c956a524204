import type { CheckModel, ExclusionModel, ForeignKeyModel, PrimaryKeyModel, QualifiedName, UniqueModel } from '../model/schema-model'
import type { RenameConstraint } from './operation'

/** NamedConstraint is a table constraint with its kind, as a RenameConstraint carries it. */
export type NamedConstraint =
  | { readonly constraint: 'primary_key'; readonly primaryKey: PrimaryKeyModel }
  | { readonly constraint: 'unique'; readonly unique: UniqueModel }
  | { readonly constraint: 'foreign_key'; readonly foreignKey: ForeignKeyModel }
  | { readonly constraint: 'check'; readonly check: CheckModel }
  | { readonly constraint: 'exclusion'; readonly exclusion: ExclusionModel }

/** renameConstraint is the RenameConstraint of `named` (a constraint of `table`, as it is now) to `to`. */
export function renameConstraint(table: QualifiedName, named: NamedConstraint, to: string): RenameConstraint {
  return { kind: 'rename_constraint', table, from: constraintName(named), to, ...named }
}

/** renamedBack is the RenameConstraint that undoes `op`: it renames the constraint as `op` leaves it back. */
export function renamedBack(op: RenameConstraint): RenameConstraint {
  return renameConstraint(op.table, withName(op, op.to), op.from)
}

function constraintName(named: NamedConstraint): string {
  switch (named.constraint) {
    case 'primary_key': return named.primaryKey.name ?? ''
    case 'unique': return named.unique.name
    case 'foreign_key': return named.foreignKey.name
    case 'check': return named.check.name
    case 'exclusion': return named.exclusion.name
  }
}

function withName(op: RenameConstraint, name: string): NamedConstraint {
  switch (op.constraint) {
    case 'primary_key': return { constraint: 'primary_key', primaryKey: { ...op.primaryKey, name } }
    case 'unique': return { constraint: 'unique', unique: { ...op.unique, name } }
    case 'foreign_key': return { constraint: 'foreign_key', foreignKey: { ...op.foreignKey, name } }
    case 'check': return { constraint: 'check', check: { ...op.check, name } }
    case 'exclusion': return { constraint: 'exclusion', exclusion: { ...op.exclusion, name } }
  }
}
