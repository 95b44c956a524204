import { type SuspectedRename, movesSchema, renamedTableName } from '../diff/rename-types'
import { nameOf } from '../model/qualified-name'
import type { QualifiedName } from '../model/schema-model'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/** SuspectedRenameInput is a suspected rename, with the advice saying how to declare it where there is one. */
export type SuspectedRenameInput = SuspectedRename & { readonly advice?: string }

/**
 * suspectedRenameFindings: SUSPECTED_RENAME on the operation that drops the old name of each suspected
 * rename (the rename detector finds them), counting the data that would be lost.
 */
export function suspectedRenameFindings(context: RuleContext): HazardFinding[] {
  const { ops } = context.input.changes
  return (context.input.suspectedRenames ?? []).flatMap((rename): HazardFinding[] => {
    const sameTable = (table: QualifiedName, name: string) =>
      table.name === name && (rename.table.schema === undefined || table.schema === rename.table.schema)
    const index = ops.findIndex((op) =>
      rename.kind === 'table'
        ? op.kind === 'drop_table' && sameTable(op.table, rename.from)
        : op.kind === 'drop_column' && sameTable(op.table, rename.table.name) && op.column.name === rename.from)
    if (index < 0) return []
    const operation = ops[index]!
    const reasons = rename.reasons.length > 0 ? ` (${rename.reasons.join(', ')})` : ''
    const kind = rename.kind === 'table' && movesSchema(rename) ? 'move' : 'rename'
    const advice = `if it is a ${kind}, ${rename.advice ?? 'declare it so that the data is kept'}`
    if (operation.kind === 'drop_table') {
      const from = nameOf(operation.table)
      const origin = context.origins.table(index, from)
      return [{
        code: 'SUSPECTED_RENAME', operation, advice,
        what: `Table ${tableText(from)} is dropped and ${tableText(renamedTableName(rename))} created, which looks like a ${kind}${reasons}: as written every row is deleted`,
        ...(origin && { probe: { kind: 'rows', table: nameOf(origin) } }),
      }]
    }
    const table = operation.kind === 'drop_column' ? operation.table : rename.table
    const origin = context.origins.column(index, table, rename.from)
    return [{
      code: 'SUSPECTED_RENAME', operation, advice,
      what: `Column ${columnText(table, rename.from)} is dropped and ${columnText(table, rename.to)} added, which looks like a rename${reasons}: as written every value is deleted`,
      ...(origin && { probe: { kind: 'non_null', table: nameOf(origin.table), column: origin.column.name } }),
    }]
  })
}
