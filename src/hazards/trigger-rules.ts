import { quoteDoubled } from '../dialect/quote'
import { nameOf, sameName } from '../model/qualified-name'
import type { QualifiedName, TriggerModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { keptTables } from '../plan/change-set'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * triggerReadsColumnFindings: TRIGGER_READS_COLUMN where an operation breaks a trigger the database has, by
 * what it does to a column the trigger reads (TriggerModel.reads). Where the database tracks those columns
 * (capabilities.triggersTrackColumns), it refuses to drop one: upgrade fails there and is rolled back (a type
 * change, which it refuses too, drops the trigger and creates it again around it). Elsewhere the trigger's text
 * names them, and a rename or a drop makes every write the trigger fires on fail from then on; so do those its
 * function names (TriggerModel.functionReads) or is passed as arguments (TriggerModel.argumentReads), which no
 * database tracks. A column a
 * trigger of any table writes by name (TriggerModel.writes) breaks it the same way when dropped, and when renamed
 * where the database does not track the columns of triggers. No operation drops a user's trigger for good or
 * rewrites it.
 */
export function triggerReadsColumnFindings(context: RuleContext): HazardFinding[] {
  const tracked = context.input.dialect.capabilities.triggersTrackColumns === true
  const writers = triggersWriting(context)
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    const acted = columnActedOn(op)
    const origin = acted === undefined ? undefined : context.origins.column(index, acted.table, acted.column)
    if (origin === undefined || context.origins.droppedLater(index)) return []
    const column = origin.column.name
    const named = columnText(origin.table, column)
    const on = (triggers: readonly TriggerModel[]) => triggers.map((t) => ({ trigger: t.name, table: origin.table }))
    const triggers = origin.table.triggers ?? []
    const readers = triggers.filter((t) => t.reads?.includes(column))
    const read = readers.length === 0 ? undefined : tracked ? trackedBreak(op) : textBreak(op, 'text')
    // A drop the database refuses fails first: what else it would break does not matter then.
    if (read !== undefined && tracked) return [finding(op, read, named, on(readers))]
    const findings = read === undefined ? [] : [finding(op, read, named, on(readers))]
    // Each trigger is named once, for the first way it names the column.
    const listed = new Set(read === undefined ? [] : readers)
    for (const [where, reads] of untrackedReads) {
      const these = triggers.filter((t) => reads(t)?.includes(column) && !listed.has(t))
      for (const t of these) listed.add(t)
      const broken = these.length === 0 ? undefined : textBreak(op, where)
      if (broken !== undefined) findings.push(finding(op, broken, named, on(these)))
    }
    if (findings.length > 0) return findings
    const writing = writers(origin.table, column)
    const written = writing.length === 0 ? undefined : writeBreak(op, tracked)
    return written === undefined ? [] : [finding(op, written, named, writing)]
  })
}

/** The columns a trigger names that the database does not track: in its function's body, and as its function's arguments. */
const untrackedReads: readonly (readonly ['function' | 'arguments', (trigger: TriggerModel) => readonly string[] | undefined])[] = [
  ['function', (t) => t.functionReads],
  ['arguments', (t) => t.argumentReads],
]

/** TriggerOf is a trigger and the table it is on. */
interface TriggerOf {
  readonly trigger: string
  readonly table: QualifiedName
}

function finding(op: Operation, found: Break, column: string, triggers: readonly TriggerOf[]): HazardFinding {
  const tables = [...new Set(triggers.map((t) => tableText(t.table)))]
  const names = `${triggers.length === 1 ? 'trigger' : 'triggers'} ${triggers.map((t) => quoteDoubled(t.trigger)).join(', ')} on ${tables.join(', ')}`
  return { code: 'TRIGGER_READS_COLUMN', operation: op, what: found.what(column, names, triggers.length > 1), advice: found.advice }
}

/** keptTriggerWrites are the writes by name (TriggerModel.writes) of the triggers of the tables the database has before the migration and the migration keeps. */
function keptTriggerWrites(context: RuleContext) {
  return keptTables(context.input.changes).flatMap((t) => (t.triggers ?? []).flatMap((trigger) => (trigger.writes ?? []).map((write) => ({ trigger: trigger.name, table: nameOf(t), write }))))
}

/** triggersWriting finds the kept tables' triggers that write a column of a table by name (see keptTriggerWrites). */
function triggersWriting(context: RuleContext): (table: QualifiedName, column: string) => TriggerOf[] {
  const writes = keptTriggerWrites(context)
  return (table, column) => writes.filter(({ write }) => sameName(write.table, table) && write.columns.includes(column)).map(({ trigger, table: on }) => ({ trigger, table: on }))
}

/**
 * triggerWritesDroppedTableFindings: TRIGGER_READS_COLUMN where an operation drops a table whose columns a trigger
 * of a table the migration keeps writes by name (TriggerModel.writes): the database drops it without a word,
 * and every write the trigger fires on fails from then on.
 */
export function triggerWritesDroppedTableFindings(context: RuleContext): HazardFinding[] {
  const writes = keptTriggerWrites(context)
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    const origin = op.kind === 'drop_table' ? context.origins.table(index, nameOf(op.table)) : undefined
    if (origin === undefined) return []
    const writing = writes.filter(({ write }) => sameName(write.table, origin)).map(({ trigger, table }) => ({ trigger, table }))
    if (writing.length === 0) return []
    const dropped: Break = {
      what: (table, triggers, several) => `Drops table ${table}, which ${triggers} ${several ? 'write' : 'writes'}: every write the trigger fires on fails from then on (no such table)`,
      advice: 'drop the trigger, or create it again without the table, in this migration (DROP TRIGGER, CREATE TRIGGER), or keep the table',
    }
    return [finding(op, dropped, tableText(origin), writing)]
  })
}

/** Break says what an operation does to the triggers reading its column, given the column, the triggers and whether they are several. */
interface Break {
  what(column: string, triggers: string, several: boolean): string
  readonly advice: string
}

/** columnActedOn is the column a drop or rename acts on, by its name before it. */
export function columnActedOn(op: Operation): { readonly table: QualifiedName; readonly column: string } | undefined {
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
 * writeBreak: the trigger's text names the column as one it writes, which the database drops without a word;
 * a rename follows into the text where the database tracks the columns of triggers.
 */
function writeBreak(op: Operation, tracked: boolean): Break | undefined {
  const fails = 'every write the trigger fires on fails from then on (no such column)'
  if (op.kind === 'drop_column') {
    return {
      what: (column, triggers, several) => `Drops column ${column}, which ${triggers} ${several ? 'write' : 'writes'}: ${fails}`,
      advice: 'drop the trigger, or create it again without the column, in this migration (DROP TRIGGER, CREATE TRIGGER), or keep the column',
    }
  }
  if (op.kind !== 'rename_column' || tracked) return undefined
  return {
    what: (column, triggers, several) => `Renames column ${column} to ${quoteDoubled(op.to)}, but ${triggers} ${several ? 'write' : 'writes'} it by its old name: ${fails}`,
    advice: 'add a DROP TRIGGER and a CREATE TRIGGER with the new name after the rename in up, and with the old name after it in down',
  }
}

/**
 * textBreak: the trigger's text, its function's, or the arguments it passes its function (`where` says which),
 * names the column, and the trigger fails when it next fires.
 */
function textBreak(op: Operation, where: 'text' | 'function' | 'arguments'): Break | undefined {
  const fails = 'every write the trigger fires on fails from then on (unknown column)'
  const inFunction = where === 'function'
  const how = (several: boolean) => where === 'arguments'
    ? several ? 'as arguments of their functions' : 'as an argument of its function'
    : `${!inFunction ? '' : several ? 'in their functions ' : 'in its function '}as NEW or OLD`
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
