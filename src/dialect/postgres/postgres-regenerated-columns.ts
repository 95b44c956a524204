import type { CheckModel, ColumnModel, ExclusionModel, QualifiedName, SchemaModel, TableModel } from '../../model/schema-model'
import type { Operation } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { namedIn, sameName } from '../../model/qualified-name'
import type { Relinked } from '../relinked-foreign-keys'
import { type Statement, statementOf } from '../statement'
import { changesColumnType } from './postgres-alter-column-sql'
import { rebuiltEnumColumns } from './postgres-rebuilt-enum-columns'
import { columnDefinitionSql } from './postgres-column-sql'
import { checkClause, createIndexStatements, exclusionClause, uniqueClause, uniqueCommentStatements } from './postgres-constraint-sql'
import { readTokens } from './postgres-expressions'
import { nameOfToken } from './postgres-sql-tokens'
import { qualified, quoteIdent } from './postgres-quote'
import { columnCommentSql } from './postgres-table-sql'

/**
 * postgresRegeneratedColumns: PostgreSQL refuses to change the type of a column that a generated column reads
 * ("cannot alter type of a column used by a generated column"), also where an enum type it has is rebuilt. Such a generated column is dropped before the
 * first of those type changes and added again after the last, as the schema holds it then, with what dropping
 * it took along: the indexes, unique constraints and checks on it, and its comment. Its values are computed
 * again. A generated column the migration itself drops, renames or changes between those two points is
 * left to its own operations. Adding it again rewrites the table, which its statement says (Statement.rebuild).
 */
export function postgresRegeneratedColumns(changes: ChangeSet): Relinked {
  const { ops } = changes
  const needs = new Map<string, { readonly table: QualifiedName; readonly column: string; readonly by: Operation[] }>()
  let first = -1
  let last = -1
  ops.forEach((op, i) => {
    for (const { table, column } of retypedColumns(changes, i)) {
      for (const generated of generatedReading(table, column)) {
        const key = JSON.stringify([table.schema, table.name, generated.name])
        const known = needs.get(key)
        needs.set(key, { table, column: generated.name, by: [...(known?.by ?? []), op] })
        if (first === -1) first = i
        last = i
      }
    }
  })
  if (needs.size === 0) return { before: new Map(), after: new Map() }
  const touched = (need: { table: QualifiedName; column: string }) =>
    ops.some((op, i) => i > first && i <= last && touchesColumn(op, need.table, need.column))
  const regenerated = [...needs.values()].filter((need) => !touched(need))
  if (regenerated.length === 0) return { before: new Map(), after: new Map() }
  const before: Statement[] = regenerated.map(({ table, column, by }) => statementOf(`ALTER TABLE ${qualified(table)} DROP COLUMN ${quoteIdent(column)}`, by))
  const tableIn = (schema: SchemaModel, table: QualifiedName) => namedIn(schema.tables)(table)
  const after: Statement[] = regenerated.flatMap(({ table, column, by }) => {
    const [was, then] = [tableIn(changes.schemaAt(first), table), tableIn(changes.schemaAt(last + 1), table)]
    const generated = then?.columns.find((c) => c.name === column)
    if (was === undefined || then === undefined || generated === undefined) return []
    // Adding it again computes it for every row: the table is rewritten (TABLE_REBUILD), whatever the type change.
    const added: Statement = { ...statementOf(`ALTER TABLE ${qualified(then)} ADD ${columnDefinitionSql(generated, then)}`, by), rebuild: then.name, rebuildRewrites: true }
    return [
      added,
      ...[
        ...droppedWithColumnSql(was, then, column),
        ...(generated.comment !== undefined ? [columnCommentSql(then, generated.name, generated.comment)] : []),
      ].map((sql) => statementOf(sql, by)),
    ]
  })
  return { before: new Map([[first, before]]), after: new Map([[last, after]]) }
}

/**
 * retypedColumns are the columns whose type `ops[index]` changes in place, each in its table just before: the
 * column of a type change, and every column of an enum type that is rebuilt (alterEnumSql moves them over).
 */
export function retypedColumns(changes: ChangeSet, index: number): { readonly table: TableModel; readonly column: string }[] {
  const op = changes.ops[index]!
  if (op.kind === 'alter_column') {
    const table = changes.tableBefore(index)
    return table === undefined || !changesColumnType(op) || op.from.computed !== undefined ? [] : [{ table, column: op.from.name }]
  }
  return rebuiltEnumColumns(changes, index).flatMap(({ table, column }) => (column.computed !== undefined ? [] : [{ table, column: column.name }]))
}

/** generatedReading lists the generated columns of `table` whose expression reads `column` (or cannot be read). */
export function generatedReading(table: TableModel | undefined, column: string): ColumnModel[] {
  return table?.columns.filter((c) => c.computed !== undefined && namesColumn(c.computed.expression, column)) ?? []
}

/** namesColumn: the expression names `column`, or cannot be read. */
export function namesColumn(expression: string, column: string): boolean {
  return names(expression, column) ?? true
}

/** names: the expression names `column`, bare (folded to lower case) or quoted; undefined where it cannot be read. */
function names(expression: string, column: string): boolean | undefined {
  return readTokens(expression)?.some((t) => nameOfToken(t) === column)
}

function touchesColumn(op: Operation, table: QualifiedName, column: string): boolean {
  switch (op.kind) {
    case 'alter_column': return sameName(op.table, table) && (op.from.name === column || op.to.name === column)
    case 'drop_column': return sameName(op.table, table) && op.column.name === column
    case 'rename_column': return sameName(op.table, table) && (op.from === column || op.to === column)
    case 'drop_table': return sameName(op.table, table)
    case 'rename_table': return sameName(op.from, table)
    default: return false
  }
}

/**
 * droppedWithColumnSql adds again what PostgreSQL drops with a column (`DROP COLUMN` takes the indexes,
 * unique constraints, checks and exclusion constraints on it along) that the table has both before (`was`) and after (`then`) the
 * column is dropped and added again: what the migration drops or adds itself is left to its operations.
 */
export function droppedWithColumnSql(was: TableModel, then: TableModel, column: string): string[] {
  const on = (columns: readonly string[]) => columns.includes(column)
  const checkOn = (c: CheckModel) => names(c.expression, column) === true
  const kept = <T extends { readonly name?: string }>(mine: readonly T[], theirs: readonly T[], includes: (x: T) => boolean) =>
    theirs.filter((x) => includes(x) && mine.some((m) => m.name === x.name && includes(m)))
  const uniques = kept(was.uniques, then.uniques, (u) => on(u.columns))
  const exclusionOn = (x: ExclusionModel) => names(x.definition, column) === true
  const constraints = [
    ...uniques.map(uniqueClause),
    ...kept(was.checks, then.checks, checkOn).map(checkClause),
    ...kept(was.exclusions ?? [], then.exclusions ?? [], exclusionOn).map(exclusionClause),
  ]
  return [
    ...(constraints.length > 0 ? [`ALTER TABLE ${qualified(then)} ${constraints.map((c) => `ADD ${c}`).join(', ')}`] : []),
    ...uniques.flatMap((u) => uniqueCommentStatements(then, u)),
    ...kept(was.indexes, then.indexes, (i) => on(i.columns)).flatMap((i) => createIndexStatements(then, i)),
  ]
}
