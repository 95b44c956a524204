import { nameOf } from '../model/qualified-name'
import type { CheckModel, ColumnModel, QualifiedName } from '../model/schema-model'
import { writtenCheck, writtenComputed } from '../model/written-sql'
import type { Operation } from '../operations/operation'
import { quoteDoubled } from '../dialect/quote'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/** WrittenExpression is an expression an operation writes, and what it belongs to, in words. */
interface WrittenExpression {
  readonly sql: string
  readonly owner: string
  readonly effect: string
}

/**
 * nameReadAsStringFindings: NAME_READ_AS_STRING where a check or a generated column an operation writes quotes
 * one of its table's columns in a way the database reads as a string (`"age"` on MySQL and MariaDB): the check
 * then tests a constant (it holds for every row, or for none, and then every insert fails) and the column
 * computes from one. TypeORM's own examples quote names that way, which PostgreSQL and SQLite read as names.
 */
export function nameReadAsStringFindings(context: RuleContext): HazardFinding[] {
  const readsAsString = context.input.dialect.namesReadAsStrings
  if (readsAsString === undefined) return []
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    const table = context.input.changes.tableAfter(index)
    if (table === undefined) return []
    const columns = table.columns.map((c) => c.name)
    return writtenExpressions(op, nameOf(table)).flatMap((written): HazardFinding[] => {
      const names = readsAsString(written.sql, columns)
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

function writtenExpressions(op: Operation, name: QualifiedName): WrittenExpression[] {
  const check = (c: CheckModel): WrittenExpression => ({
    sql: writtenCheck(c), owner: `check ${quoteDoubled(c.name)} on ${tableText(name)}`,
    effect: 'it tests a constant, so it holds for every row or for none (then every insert fails)',
  })
  const computed = (column: ColumnModel): WrittenExpression[] => column.computed === undefined ? [] : [{
    sql: writtenComputed(column.computed), owner: `generated column ${columnText(name, column.name)}`,
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
