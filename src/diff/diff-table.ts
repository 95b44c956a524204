import type { TableModel } from '../model/schema-model'
import { nameOf } from '../model/qualified-name'
import type { Operation, TableOptions } from '../operations/operation'
import { renameConstraint } from '../operations/rename-constraint'
import { type ColumnComparison, columnChanges } from '../plan/column-change'
import { changedDeferrals } from './changed-deferrals'
import { checkKey, exclusionKey, foreignKeyKey, uniqueKey } from './constraint-keys'
import { diffIndexes } from './diff-indexes'
import { matchBy } from './match-by'
import { matchByDefinition } from './match-by-definition'
import { samePrimaryKeyColumns } from './primary-key-order'
import { retypedPredicates } from './retyped-predicates'

/**
 * diffTable lists the operations that turn the `actual` table into the `desired` one (same name). Indexes and
 * constraints are matched by definition, never by name: one that differs only in its name is renamed when
 * `renameObjects` says so (claimedRenames then keeps the renames whose new name is free), or left as it is.
 */
export function diffTable(actual: TableModel, desired: TableModel, comparison: ColumnComparison, renameObjects: boolean): Operation[] {
  const table = nameOf(desired)
  const ops: Operation[] = []
  const follow = (from: string, to: string, rename: () => Operation) => {
    if (from !== to && renameObjects) ops.push(rename())
  }

  const columns = matchBy(actual.columns, desired.columns, (c) => c.name)
  for (const column of columns.added) ops.push({ kind: 'add_column', table, column })
  for (const column of columns.removed) ops.push({ kind: 'drop_column', table, column })
  for (const { actual: from, desired: to } of columns.both) {
    const changes = columnChanges(from, to, comparison)
    if (changes.length > 0) ops.push({ kind: 'alter_column', table, from, to, changes })
  }

  const pkBefore = actual.primaryKey
  const pkAfter = desired.primaryKey
  if (pkBefore !== undefined && pkAfter !== undefined && samePrimaryKeyColumns(pkBefore, pkAfter)) {
    // Columns in another order are left as they are (see primaryKeyOrderWarnings): a key is never rebuilt silently.
    const newName = pkAfter.name
    if (pkBefore.name !== undefined && newName !== undefined) {
      follow(pkBefore.name, newName, () => renameConstraint(table, { constraint: 'primary_key', primaryKey: pkBefore }, newName))
    }
  } else if (pkBefore !== undefined || pkAfter !== undefined) {
    if (pkBefore) ops.push({ kind: 'drop_primary_key', table, primaryKey: pkBefore })
    if (pkAfter) ops.push({ kind: 'add_primary_key', table, primaryKey: pkAfter })
  }

  const retyped = retypedPredicates(actual, desired, comparison)
  ops.push(...diffIndexes(table, actual.indexes, desired.indexes, renameObjects, retyped.index))

  const uniques = matchByDefinition(actual.uniques, desired.uniques, uniqueKey)
  for (const unique of uniques.removed) ops.push({ kind: 'drop_unique', table, unique })
  for (const unique of uniques.added) ops.push({ kind: 'add_unique', table, unique })
  for (const { actual: unique, desired } of uniques.both) {
    follow(unique.name, desired.name, () => renameConstraint(table, { constraint: 'unique', unique }, desired.name))
  }

  const foreignKeys = matchByDefinition(actual.foreignKeys, desired.foreignKeys, foreignKeyKey)
  const deferrals = changedDeferrals(foreignKeys.removed, foreignKeys.added)
  for (const foreignKey of deferrals.removed) ops.push({ kind: 'drop_foreign_key', table, foreignKey })
  for (const foreignKey of deferrals.added) ops.push({ kind: 'add_foreign_key', table, foreignKey })
  for (const { from, to } of deferrals.changed) ops.push({ kind: 'alter_foreign_key', table, from, to })
  for (const { actual: foreignKey, desired } of foreignKeys.both) {
    follow(foreignKey.name, desired.name, () => renameConstraint(table, { constraint: 'foreign_key', foreignKey }, desired.name))
  }

  const checks = matchByDefinition(actual.checks, desired.checks, checkKey)
  const checksAgain = checks.both.filter((p) => retyped.check(p.actual, p.desired))
  for (const check of [...checks.removed, ...checksAgain.map((p) => p.actual)]) ops.push({ kind: 'drop_check', table, check })
  for (const check of [...checks.added, ...checksAgain.map((p) => p.desired)]) ops.push({ kind: 'add_check', table, check })
  for (const { actual: check, desired } of checks.both.filter((p) => !checksAgain.includes(p))) {
    follow(check.name, desired.name, () => renameConstraint(table, { constraint: 'check', check }, desired.name))
  }

  const exclusions = matchByDefinition(actual.exclusions ?? [], desired.exclusions ?? [], exclusionKey)
  for (const exclusion of exclusions.removed) ops.push({ kind: 'drop_exclusion', table, exclusion })
  for (const exclusion of exclusions.added) ops.push({ kind: 'add_exclusion', table, exclusion })
  for (const { actual: exclusion, desired } of exclusions.both) {
    follow(exclusion.name, desired.name, () => renameConstraint(table, { constraint: 'exclusion', exclusion }, desired.name))
  }

  // A table that names no engine takes the database's: only one named is compared.
  const otherEngine = desired.engine !== undefined && actual.engine !== desired.engine
  if (otherEngine || (actual.withoutRowid === true) !== (desired.withoutRowid === true)) {
    ops.push({ kind: 'alter_table_options', table, from: tableOptionsOf(actual), to: tableOptionsOf({ ...desired, engine: desired.engine ?? actual.engine }) })
  }
  if (desired.commentUndeclarable !== true && (actual.comment ?? null) !== (desired.comment ?? null)) {
    ops.push({ kind: 'alter_table_comment', table, from: actual.comment, to: desired.comment })
  }
  return ops
}

function tableOptionsOf(table: TableModel): TableOptions {
  return { ...(table.engine !== undefined && { engine: table.engine }), ...(table.withoutRowid === true && { withoutRowid: true }) }
}
