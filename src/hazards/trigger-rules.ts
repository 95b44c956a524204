import { quoteDoubled } from '../dialect/quote'
import type { QualifiedName, TriggerModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * triggerReadsColumnFindings: TRIGGER_READS_COLUMN where an operation breaks a trigger the database has, by
 * what it does to a column the trigger reads (TriggerModel.reads). Where the database tracks those columns
 * (capabilities.triggersTrackColumns), it refuses to drop one: upgrade fails there and is rolled back (a type
 * change, which it refuses too, drops the trigger and creates it again around it). Elsewhere the trigger's text
 * names them, and a rename or a drop makes every write the trigger fires on fail from then on; so do those its
 * function names (TriggerModel.functionReads), which no database tracks. No operation drops a user's trigger for
 * good or rewrites it.
 */
export function triggerReadsColumnFindings(context: RuleContext): HazardFinding[] {
  const tracked = context.input.dialect.capabilities.triggersTrackColumns === true
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    const acted = columnActedOn(op)
    const origin = acted === undefined ? undefined : context.origins.column(index, acted.table, acted.column)
    if (origin === undefined || context.origins.droppedLater(index)) return []
    const column = origin.column.name
    const all = origin.table.triggers ?? []
    const readers = all.filter((t) => t.reads?.includes(column))
    const direct = readers.length === 0 ? undefined : tracked ? trackedBreak(op) : textBreak(op, 'text')
    // A drop the database refuses for a trigger it tracks fails first: what the functions name does not matter then.
    const inFunctions = direct !== undefined && tracked ? [] : all.filter((t) => t.functionReads?.includes(column) && !(direct !== undefined && readers.includes(t)))
    const findings: HazardFinding[] = []
    const find = (found: Break | undefined, triggers: readonly TriggerModel[]) => {
      if (found === undefined || triggers.length === 0) return
      const named = `${triggers.length === 1 ? 'trigger' : 'triggers'} ${triggers.map((t) => quoteDoubled(t.name)).join(', ')} on ${tableText(origin.table)}`
      findings.push({ code: 'TRIGGER_READS_COLUMN', operation: op, what: found.what(columnText(origin.table, column), named, triggers.length > 1), advice: found.advice })
    }
    find(direct, readers)
    find(textBreak(op, 'function'), inFunctions)
    return findings
  })
}

/** Break says what an operation does to the triggers reading its column, given the column, the triggers and whether they are several. */
interface Break {
  what(column: string, triggers: string, several: boolean): string
  readonly advice: string
}

function columnActedOn(op: Operation): { readonly table: QualifiedName; readonly column: string } | undefined {
  switch (op.kind) {
    case 'drop_column': return { table: op.table, column: op.column.name }
    case 'rename_column': return { table: op.table, column: op.from }
    default: return undefined
  }
}

/** trackedBreak: the database refuses to drop the column, and upgrade fails there. */
function trackedBreak(op: Operation): Break | undefined {
  if (op.kind !== 'drop_column') return undefined
  return {
    what: (column, triggers, several) => `Drops column ${column}, which ${triggers} ${several ? 'read' : 'reads'}: the database refuses to drop a column a trigger depends on, so upgrade fails at this statement and the migration is rolled back, nothing changed`,
    advice: 'drop or change the trigger first, in a migration of your own (`typeorm-autogen create`) run before this one, or keep the column',
  }
}

/**
 * textBreak: the trigger's text, or its function's (`where` says which), names the column, and the trigger fails
 * when it next fires.
 */
function textBreak(op: Operation, where: 'text' | 'function'): Break | undefined {
  const fails = 'every write the trigger fires on fails from then on (unknown column)'
  const inFunction = where === 'function'
  const how = (several: boolean) => `${!inFunction ? '' : several ? 'in their functions ' : 'in its function '}as NEW or OLD`
  if (op.kind === 'drop_column') {
    return {
      what: (column, triggers, several) => `Drops column ${column}, which ${triggers} ${several ? 'read' : 'reads'} ${how(several)}: ${fails}`,
      advice: inFunction
        ? 'change the function (CREATE OR REPLACE FUNCTION) in this migration, or keep the column'
        : 'drop the trigger, or create it again without the column, in this migration (DROP TRIGGER, CREATE TRIGGER), or keep the column',
    }
  }
  if (op.kind !== 'rename_column') return undefined
  return {
    what: (column, triggers, several) => `Renames column ${column} to ${quoteDoubled(op.to)}, but ${triggers} ${several ? 'name' : 'names'} it by its old name ${how(several)}: ${fails}`,
    advice: inFunction
      ? 'change the function (CREATE OR REPLACE FUNCTION) to the new name after the rename in up, and back to the old name in down'
      : 'add a DROP TRIGGER and a CREATE TRIGGER with the new name after the rename in up, and with the old name after it in down',
  }
}
