import { quoteDoubled } from '../dialect/quote'
import type { QualifiedName } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * triggerReadsColumnFindings: TRIGGER_READS_COLUMN where an operation breaks a trigger the database has, by
 * what it does to a column the trigger reads (TriggerModel.reads). Where the database tracks those columns
 * (capabilities.triggersTrackColumns), it refuses to drop one: upgrade fails there and is rolled back (a type
 * change, which it refuses too, drops the trigger and creates it again around it). Elsewhere the trigger's text
 * names them, and a rename or a drop makes every write the trigger fires on fail from then on. No operation
 * drops a user's trigger for good or rewrites it.
 */
export function triggerReadsColumnFindings(context: RuleContext): HazardFinding[] {
  const tracked = context.input.dialect.capabilities.triggersTrackColumns === true
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    const acted = columnActedOn(op)
    const origin = acted === undefined ? undefined : context.origins.column(index, acted.table, acted.column)
    if (origin === undefined || context.origins.droppedLater(index)) return []
    const readers = (origin.table.triggers ?? []).filter((t) => t.reads?.includes(origin.column.name))
    if (readers.length === 0) return []
    const found = tracked ? trackedBreak(op) : textBreak(op)
    if (found === undefined) return []
    const triggers = `${readers.length === 1 ? 'trigger' : 'triggers'} ${readers.map((t) => quoteDoubled(t.name)).join(', ')} on ${tableText(origin.table)}`
    const verb = (singular: string) => (readers.length === 1 ? `${singular}s` : singular)
    return [{ code: 'TRIGGER_READS_COLUMN', operation: op, what: found.what(columnText(origin.table, origin.column.name), triggers, verb), advice: found.advice }]
  })
}

/** Break says what an operation does to the triggers reading its column, given the column, the triggers and their verb's form. */
interface Break {
  what(column: string, triggers: string, verb: (singular: string) => string): string
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
    what: (column, triggers, verb) => `Drops column ${column}, which ${triggers} ${verb('read')}: the database refuses to drop a column a trigger depends on, so upgrade fails at this statement and the migration is rolled back, nothing changed`,
    advice: 'drop or change the trigger first, in a migration of your own (`typeorm-autogen create`) run before this one, or keep the column',
  }
}

/** textBreak: the trigger's text names the column, and the trigger fails when it next fires. */
function textBreak(op: Operation): Break | undefined {
  const fails = 'every write the trigger fires on fails from then on (unknown column)'
  if (op.kind === 'drop_column') {
    return {
      what: (column, triggers, verb) => `Drops column ${column}, which ${triggers} ${verb('read')} as NEW or OLD: ${fails}`,
      advice: 'drop the trigger, or create it again without the column, in this migration (DROP TRIGGER, CREATE TRIGGER), or keep the column',
    }
  }
  if (op.kind !== 'rename_column') return undefined
  return {
    what: (column, triggers, verb) => `Renames column ${column} to ${quoteDoubled(op.to)}, but ${triggers} ${verb('name')} it by its old name as NEW or OLD: ${fails}`,
    advice: 'add a DROP TRIGGER and a CREATE TRIGGER with the new name after the rename in up, and with the old name after it in down',
  }
}
