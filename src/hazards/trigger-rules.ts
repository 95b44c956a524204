import { quoteDoubled } from '../dialect/quote'
import type { QualifiedName } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * triggerReadsColumnFindings: TRIGGER_READS_COLUMN where an operation breaks a trigger the database has, by
 * what it does to a column the trigger reads (TriggerModel.reads). Where the database tracks those columns
 * (capabilities.triggersTrackColumns), it refuses to drop one, and to change its type where the migration
 * cannot drop and re-create the trigger around the change (it also renames the column or its table): upgrade
 * fails there and is rolled back. Elsewhere the trigger's text names them, and a rename or a drop makes every
 * write the trigger fires on fail from then on. No operation drops or rewrites a user's trigger itself.
 */
export function triggerReadsColumnFindings(context: RuleContext): HazardFinding[] {
  const tracked = context.input.dialect.capabilities.triggersTrackColumns === true
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    const acted = columnActedOn(op)
    const origin = acted === undefined ? undefined : context.origins.column(index, acted.table, acted.column)
    if (origin === undefined || context.origins.droppedLater(index)) return []
    const readers = (origin.table.triggers ?? []).filter((t) => t.reads?.includes(origin.column.name))
    if (readers.length === 0) return []
    const found = tracked ? trackedBreak(context, op, index, origin.column.name) : textBreak(op)
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
    case 'alter_column': return op.changes.includes('type') ? { table: op.table, column: op.to.name } : undefined
    default: return undefined
  }
}

const failsHere = 'upgrade fails at this statement and the migration is rolled back, nothing changed'

/** trackedBreak: the database refuses the change, and upgrade fails there. */
function trackedBreak(context: RuleContext, op: Operation, index: number, column: string): Break | undefined {
  if (op.kind === 'drop_column') {
    return {
      what: (column, triggers, verb) => `Drops column ${column}, which ${triggers} ${verb('read')}: the database refuses to drop a column a trigger depends on, so ${failsHere}`,
      advice: 'drop or change the trigger first, in a migration of your own (`typeorm-autogen create`) run before this one, or keep the column',
    }
  }
  if (op.kind !== 'alter_column' || !renamedToo(context, index, column)) return undefined
  return {
    what: (column, triggers, verb) => `Changes the type of ${column}, which ${triggers} ${verb('read')}, in the migration that renames it or its table: the trigger cannot be dropped before the change and created again after from its text, which names them as they were, so ${failsHere}`,
    advice: 'rename in one migration and change the type in the next: generate, upgrade, then generate again',
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

/** renamedToo: the migration renames the table `ops[index]` acts on, or its column `column` (as named before the migration). */
function renamedToo(context: RuleContext, index: number, column: string): boolean {
  const { ops, tableAt } = context.input.changes
  return ops.some((op, j) => tableAt[j] !== undefined && tableAt[j] === tableAt[index] &&
    (op.kind === 'rename_table' || (op.kind === 'rename_column' && context.origins.column(j, op.table, op.from)?.column.name === column)))
}
