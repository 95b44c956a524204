import { nameOf } from '../model/qualified-name'
import type { CheckModel, ColumnModel, QualifiedName, SchemaModel, ViewModel } from '../model/schema-model'
import { writtenCheck, writtenComputed, writtenDefinition } from '../model/written-sql'
import type { Operation } from '../operations/operation'
import { quoteDoubled } from '../dialect/quote'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/** WrittenExpression is an expression an operation writes, the column names it may read, and what it belongs to, in words. */
interface WrittenExpression {
  readonly sql: string
  readonly columns: readonly string[]
  readonly owner: string
  readonly effect: string
}

/**
 * nameReadAsStringFindings: NAME_READ_AS_STRING where a check, a generated column or a view an operation
 * writes quotes a column in a way the database reads as a string (`"age"` on MySQL and MariaDB): the check
 * then tests a constant (it holds for every row, or for none, and then every insert fails), the column
 * computes from one, and the view returns one. TypeORM's own examples quote names that way, which PostgreSQL
 * and SQLite read as names.
 */
export function nameReadAsStringFindings(context: RuleContext): HazardFinding[] {
  const readsAsString = context.input.dialect.namesReadAsStrings
  if (readsAsString === undefined) return []
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    return writtenExpressions(context, op, index).flatMap((written): HazardFinding[] => {
      const names = readsAsString(written.sql, written.columns)
      if (names.length === 0) return []
      const quoted = names.map((n) => quoteDoubled(n)).join(', ')
      return [{
        code: 'NAME_READ_AS_STRING', operation: op,
        what: `${written.owner} writes ${quoted} in double quotes, which this database reads as ${names.length === 1 ? 'a string' : 'strings'}, not ${names.length === 1 ? 'the column' : 'the columns'}: ${written.effect}`,
        advice: `write ${names.length === 1 ? 'the name' : 'the names'} bare or in backquotes (\`${names[0]}\`) in the entity`,
      }]
    })
  })
}

function writtenExpressions(context: RuleContext, op: Operation, index: number): WrittenExpression[] {
  if (op.kind === 'create_view') return [viewExpression(op.view, context.input.changes.schemaAt(index + 1))]
  if (op.kind === 'replace_view') return [viewExpression(op.to, context.input.changes.schemaAt(index + 1))]
  const table = context.input.changes.tableAfter(index)
  return table === undefined ? [] : tableExpressions(op, nameOf(table), table.columns.map((c) => c.name))
}

/** viewExpression is a view's SELECT, which may read the columns of any table or view. */
function viewExpression(view: ViewModel, schema: SchemaModel): WrittenExpression {
  const columns = [...schema.tables.flatMap((t) => t.columns), ...schema.views.flatMap((v) => v.columns ?? [])].map((c) => c.name)
  return {
    sql: writtenDefinition(view), columns: [...new Set(columns)], owner: `view ${tableText(view)}`,
    effect: 'it returns the name itself in place of the column\'s values, and a condition on it tests a constant',
  }
}

function tableExpressions(op: Operation, name: QualifiedName, columns: readonly string[]): WrittenExpression[] {
  const check = (c: CheckModel): WrittenExpression => ({
    sql: writtenCheck(c), columns, owner: `check ${quoteDoubled(c.name)} on ${tableText(name)}`,
    effect: 'it tests a constant, so it holds for every row or for none (then every insert fails)',
  })
  const computed = (column: ColumnModel): WrittenExpression[] => column.computed === undefined ? [] : [{
    sql: writtenComputed(column.computed), columns, owner: `generated column ${columnText(name, column.name)}`,
    effect: 'it computes from a constant, not from the row',
  }]
  switch (op.kind) {
    case 'create_table': return [...op.table.checks.map(check), ...op.table.columns.flatMap(computed)]
    case 'add_check': return [check(op.check)]
    case 'add_column': return computed(op.column)
    case 'alter_column': return op.changes.includes('computed') ? computed(op.to) : []
    default: return []
  }
}
