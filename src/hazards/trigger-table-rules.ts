import { quoteDoubled } from '../dialect/quote'
import { nameOf, sameName } from '../model/qualified-name'
import type { QualifiedName } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { keptTables } from '../plan/change-set'
import type { HazardFinding } from './hazard-finding'
import { tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * triggerFunctionReadsTableFindings: TRIGGER_FUNCTION_READS_TABLE where an operation drops or renames a table that
 * the function of a trigger on another table names (TriggerModel.functionTables), the trigger's table kept by the
 * migration. The database does not track the tables a function names, so the migration runs, and every write the
 * trigger fires on fails from then on (`relation ... does not exist`). The function is read by its words: a
 * warning.
 */
export function triggerFunctionReadsTableFindings(context: RuleContext): HazardFinding[] {
  const { changes } = context.input
  const kept = keptTables(changes)
  const namers = (table: QualifiedName) => kept.flatMap((t) => (t.triggers ?? [])
    .filter((trigger) => trigger.functionTables?.some((named) => sameName(named, table)))
    .map((trigger) => ({ trigger: trigger.name, on: t })))
  return changes.ops.flatMap((op, index): HazardFinding[] => {
    const acted = tableActedOn(op)
    if (acted === undefined) return []
    const origin = context.origins.table(index, acted.table)
    if (origin === undefined) return []
    const found = namers(nameOf(origin))
    if (found.length === 0) return []
    const several = found.length > 1
    const names = found.map((f) => `trigger ${quoteDoubled(f.trigger)} on ${tableText(f.on)}`).join(', ')
    const whose = `the ${several ? 'functions' : 'function'} of ${names}`
    const fails = 'every write the trigger fires on fails from then on (relation does not exist)'
    return [acted.to === undefined
      ? {
          code: 'TRIGGER_FUNCTION_READS_TABLE', operation: op,
          what: `Drops table ${tableText(origin)}, which ${whose} ${several ? 'name' : 'names'}: ${fails}`,
          advice: 'change the function (CREATE OR REPLACE FUNCTION) or drop the trigger in this migration, or keep the table',
        }
      : {
          code: 'TRIGGER_FUNCTION_READS_TABLE', operation: op,
          what: `Renames table ${tableText(origin)} to ${quoteDoubled(acted.to.name)}, but ${whose} ${several ? 'name' : 'names'} it by its old name: ${fails}`,
          advice: 'change the function (CREATE OR REPLACE FUNCTION) to the new name after the rename in up, and back to the old name in down',
        }]
  })
}

/** tableActedOn is the table a drop or rename acts on, by its name at the operation, and a rename's new name. */
function tableActedOn(op: Operation): { readonly table: QualifiedName; readonly to?: QualifiedName } | undefined {
  switch (op.kind) {
    case 'drop_table': return { table: nameOf(op.table) }
    case 'rename_table': return { table: op.from, to: op.to }
    default: return undefined
  }
}
