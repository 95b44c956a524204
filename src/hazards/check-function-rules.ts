import { quoteDoubled } from '../dialect/quote'
import { nameOf, sameName } from '../model/qualified-name'
import type { QualifiedName } from '../model/schema-model'
import type { Operation, RenameTable } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'
import { columnActedOn } from './trigger-rules'

/**
 * checkFunctionReadsColumnFindings: CHECK_FUNCTION_READS_COLUMN where the migration renames or drops a column
 * that a function called by a check names in its body (CheckModel.functionReads), or renames its table: iasql's
 * load_balancer checks its subnets through `check_load_balancer_subnets(subnets)`, whose body reads
 * `subnet.subnet_id`. The database tracks no column a function reads, so the migration runs, and the check's
 * table refuses its writes afterwards. Only checks the migration keeps count: of tables it keeps, with their expression.
 */
export function checkFunctionReadsColumnFindings(context: RuleContext): HazardFinding[] {
  const readers = checksReading(context)
  const names = (checks: readonly CheckOf[]) =>
    `${checks.length === 1 ? 'check' : 'checks'} ${checks.map((c) => `${quoteDoubled(c.check)} on ${tableText(c.table)}`).join(', ')}`
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    if (context.origins.droppedLater(index)) return []
    if (op.kind === 'rename_table') {
      const origin = context.origins.table(index, op.from)
      const checks = origin === undefined ? [] : readers(nameOf(origin))
      return checks.length === 0 ? [] : [tableFinding(op, names(checks), checks.length > 1)]
    }
    const acted = columnActedOn(op)
    const origin = acted === undefined ? undefined : context.origins.column(index, acted.table, acted.column)
    if (origin === undefined) return []
    const checks = readers(nameOf(origin.table), origin.column.name)
    return checks.length === 0 ? [] : [columnFinding(op, columnText(origin.table, origin.column.name), names(checks), checks.length > 1)]
  })
}

/** CheckOf is a check and the table it is on. */
interface CheckOf {
  readonly check: string
  readonly table: QualifiedName
}

/**
 * checksReading finds the checks, before the migration, whose functions name a column of a table (any of its
 * columns where none is given), that the migration keeps.
 */
function checksReading(context: RuleContext): (table: QualifiedName, column?: string) => CheckOf[] {
  const { changes } = context.input
  const after = changes.schemaAt(changes.ops.length).tables.flatMap((t) => t.checks.map((c) => c.expression))
  const reads = changes.schemaAt(0).tables.flatMap((t) => t.checks
    .filter((c) => c.functionReads !== undefined && after.includes(c.expression))
    .flatMap((c) => c.functionReads!.map((read) => ({ check: c.name, table: nameOf(t), read }))))
  return (table, column) => {
    const found = reads.filter(({ read }) => sameName(read.table, table) && (column === undefined || read.column === column))
    return found.filter((f, i) => found.findIndex((g) => g.check === f.check && sameName(g.table, f.table)) === i).map(({ check, table: on }) => ({ check, table: on }))
  }
}

const fails = `its table's inserts and updates fail from then on where the function reads it (does not exist)`
const renameAdvice = 'change the function (CREATE OR REPLACE FUNCTION) to the new name after the rename in up, and back to the old name in down'

/** calling says that the checks call functions naming the table or column. */
function calling(checks: string, several: boolean): string {
  return `${checks} ${several ? 'call functions that name' : 'calls a function that names'}`
}

function tableFinding(op: RenameTable, checks: string, several: boolean): HazardFinding {
  return {
    code: 'CHECK_FUNCTION_READS_COLUMN', operation: op,
    what: `${op.from.schema === op.to.schema ? 'Renames' : 'Moves'} table ${tableText(op.from)} to ${tableText(op.to)}, but ${calling(checks, several)} it by its old name: ${fails}`,
    advice: renameAdvice,
  }
}

function columnFinding(op: Operation, column: string, checks: string, several: boolean): HazardFinding {
  if (op.kind === 'rename_column') {
    return {
      code: 'CHECK_FUNCTION_READS_COLUMN', operation: op,
      what: `Renames column ${column} to ${quoteDoubled(op.to)}, but ${calling(checks, several)} it by its old name: ${fails}`,
      advice: renameAdvice,
    }
  }
  return {
    code: 'CHECK_FUNCTION_READS_COLUMN', operation: op,
    what: `Drops column ${column}, which ${calling(checks, several)}: ${fails}`,
    advice: 'change the function (CREATE OR REPLACE FUNCTION) or drop the check in this migration, or keep the column',
  }
}
