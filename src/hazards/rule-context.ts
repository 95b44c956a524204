import type { Statement } from '../dialect/statement'
import type { TableModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import type { HazardInput } from './hazard-input'
import { type Origins, originsOf } from './origins'

/** RuleContext is what every rule reads: the input, names traced back to the database, statements per operation. */
export interface RuleContext {
  readonly input: HazardInput
  readonly origins: Origins
  /** statementsOf lists the statements that carry out `ops[index]`, in order. */
  statementsOf(index: number): readonly Statement[]
  /** indexOf is the position of `op` among the operations (matched by identity), -1 when it is none of them. */
  indexOf(op: Operation): number
  /**
   * opsOn lists, in order, the positions of the operations on `table` as it is before the migration (their
   * TableChange's `from`); undefined stands for the operations on no such table.
   */
  opsOn(table: TableModel | undefined): readonly number[]
}

/** HazardRule finds one family of hazards. */
export type HazardRule = (context: RuleContext) => HazardFinding[]

/** ruleContext prepares what the rules share. */
export function ruleContext(input: HazardInput): RuleContext {
  const origins = originsOf(input.changes)
  const byOperation = new Map<Operation, Statement[]>()
  for (const statement of input.statements) {
    for (const op of statement.operations) {
      const known = byOperation.get(op)
      if (known === undefined) byOperation.set(op, [statement])
      else known.push(statement)
    }
  }
  const indexes = new Map<Operation, number>()
  input.changes.ops.forEach((op, index) => {
    if (!indexes.has(op)) indexes.set(op, index)
  })
  // Rules ask per operation for the others on its table: looked through all of them, a migration changing every
  // one of a thousand tables took seconds.
  let byTable: Map<TableModel | undefined, number[]> | undefined
  const opsOn = (table: TableModel | undefined): readonly number[] => {
    if (byTable === undefined) {
      byTable = new Map()
      input.changes.tableAt.forEach((change, index) => {
        const known = byTable!.get(change?.from)
        if (known === undefined) byTable!.set(change?.from, [index])
        else known.push(index)
      })
    }
    return byTable.get(table) ?? []
  }
  return {
    input,
    origins,
    statementsOf: (index) => byOperation.get(input.changes.ops[index]!) ?? [],
    indexOf: (op) => indexes.get(op) ?? -1,
    opsOn,
  }
}

/** eachOp maps the operations of one kind to findings, with their index. */
export function eachOp<K extends Operation['kind']>(
  context: RuleContext,
  kind: K,
  find: (op: Extract<Operation, { kind: K }>, index: number) => HazardFinding[],
): HazardFinding[] {
  return context.input.changes.ops.flatMap((op, index) => (op.kind === kind ? find(op as Extract<Operation, { kind: K }>, index) : []))
}
