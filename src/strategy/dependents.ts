import { sameName } from '../model/qualified-name'
import type { CheckModel, ExclusionModel, IndexModel, QualifiedName, TableModel, UniqueModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { checkMentionsColumn, exclusionMentionsColumn, predicateMentionsColumn } from '../operations/rename-identifier'

/** Dependent is an index, unique constraint, check or exclusion constraint that names a column, and goes and comes with it. */
export type Dependent =
  | { readonly kind: 'index'; readonly index: IndexModel }
  | { readonly kind: 'unique'; readonly unique: UniqueModel }
  | { readonly kind: 'check'; readonly check: CheckModel }
  | { readonly kind: 'exclusion'; readonly exclusion: ExclusionModel }

/** dependentsOf lists a table's indexes, uniques, checks and exclusion constraints that name any of `columns`. */
export function dependentsOf(table: TableModel, columns: readonly string[]): Dependent[] {
  return [
    ...table.indexes.filter((index) => indexNames(index, columns)).map((index): Dependent => ({ kind: 'index', index })),
    ...table.uniques.filter((unique) => named(unique.columns, columns)).map((unique): Dependent => ({ kind: 'unique', unique })),
    ...table.checks.filter((check) => checkNames(check, columns)).map((check): Dependent => ({ kind: 'check', check })),
    ...(table.exclusions ?? []).filter((exclusion) => exclusionNames(exclusion, columns)).map((exclusion): Dependent => ({ kind: 'exclusion', exclusion })),
  ]
}

/** touchesDependent says whether `op` adds, drops or renames an index or constraint of `table` that names any of `columns`. */
export function touchesDependent(op: Operation, table: QualifiedName, columns: readonly string[]): boolean {
  if (!('table' in op) || !sameName(op.table as QualifiedName, table)) return false
  switch (op.kind) {
    case 'create_index':
    case 'drop_index': return indexNames(op.index, columns)
    case 'add_unique':
    case 'drop_unique': return named(op.unique.columns, columns)
    case 'add_check':
    case 'drop_check': return checkNames(op.check, columns)
    case 'add_exclusion':
    case 'drop_exclusion': return exclusionNames(op.exclusion, columns)
    case 'rename_index': return indexNames(op.index, columns)
    case 'rename_constraint':
      if (op.constraint === 'unique') return named(op.unique.columns, columns)
      if (op.constraint === 'check') return checkNames(op.check, columns)
      if (op.constraint === 'exclusion') return exclusionNames(op.exclusion, columns)
      return false
    default: return false
  }
}

/** dependentName is the name of the index or constraint. */
export function dependentName(dependent: Dependent): string {
  switch (dependent.kind) {
    case 'index': return dependent.index.name
    case 'unique': return dependent.unique.name
    case 'check': return dependent.check.name
    case 'exclusion': return dependent.exclusion.name
  }
}

/** createDependent is the operation that creates it on `table`. */
export function createDependent(table: QualifiedName, dependent: Dependent): Operation {
  switch (dependent.kind) {
    case 'index': return { kind: 'create_index', table, index: dependent.index }
    case 'unique': return { kind: 'add_unique', table, unique: dependent.unique }
    case 'check': return { kind: 'add_check', table, check: dependent.check }
    case 'exclusion': return { kind: 'add_exclusion', table, exclusion: dependent.exclusion }
  }
}

/** dropDependent is the operation that drops it from `table`. */
export function dropDependent(table: QualifiedName, dependent: Dependent): Operation {
  switch (dependent.kind) {
    case 'index': return { kind: 'drop_index', table, index: dependent.index }
    case 'unique': return { kind: 'drop_unique', table, unique: dependent.unique }
    case 'check': return { kind: 'drop_check', table, check: dependent.check }
    case 'exclusion': return { kind: 'drop_exclusion', table, exclusion: dependent.exclusion }
  }
}

function indexNames(index: IndexModel, columns: readonly string[]): boolean {
  return named(index.columns, columns) || columns.some((column) => predicateMentionsColumn(index, column))
}

function checkNames(check: CheckModel, columns: readonly string[]): boolean {
  return columns.some((column) => checkMentionsColumn(check, column))
}

function exclusionNames(exclusion: ExclusionModel, columns: readonly string[]): boolean {
  return columns.some((column) => exclusionMentionsColumn(exclusion, column))
}

function named(list: readonly string[], columns: readonly string[]): boolean {
  return list.some((c) => columns.includes(c))
}
