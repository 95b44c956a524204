import type { Operation, OperationOf } from '../../operations/operation'
import type { ColumnModel, TableModel } from '../../model/schema-model'
import type { ChangeSet } from '../../plan/change-set'
import { quoteDoubled, quoteLiteral } from '../quote'
import type { Statement } from '../statement'
import { typeText, typeTextWithValues } from '../../model/type-text'
import { changesType, columnChanges } from '../../plan/column-change'
import { epochRangeText } from '../epoch-range'
import { narrowingProbe } from '../narrowing-probe'
import { charactersLost, losesCharacters } from './mysql-charset-narrowing'
import { holdsValues, probeCondition } from './mysql-probes'
import { quoteIdent } from './mysql-quote'
import { classifyMysqlTypeChange, losesSign } from './mysql-type-change'
import { orphanGuard } from './mysql-orphan-guards'
import { keepsValues } from './mysql-values-kept'
import { checkGuard } from './mysql-check-guards'
import { uniqueGuard } from './mysql-unique-guards'
import { recollatedKeyGuard } from './mysql-recollated-key-guard'
import { integerTypes, mysqlTypeLimits } from './mysql-type-families'
import { baseOf } from './mysql-types'
import { mysqlEnumLabelKey } from './mysql-enum-label-key'
import { unfillableColumnGuard } from './mysql-unfillable-column-guard'
import { columnOriginAt, nameAtStart } from './mysql-column-origin'

/** TableDefaults are a table's default charset and collation, which its columns without their own have. */
export type TableDefaults = Pick<TableModel, 'charset' | 'collation'>

/**
 * dataLossGuards are the checks run before the ALTER of table `table` (its name then, `before` as it was) carrying out `op`, for
 * the rows that the ALTER cannot keep: those holding a label an ENUM or SET loses, and NULLs of a column made
 * NOT NULL, values of a column given a charset without some of their characters, and values a narrower type
 * cannot hold or do not convert to (see valuesNotFitting). In strict mode the ALTER fails on them, after the statements before it ran;
 * outside it (a sql_mode without STRICT_TRANS_TABLES or STRICT_ALL_TABLES, which the server running the migration
 * may have though the one it was generated on had not) the ALTER succeeds and turns them into '', the type's
 * implicit default, '?' for each character the charset lacks, a cut string or the nearest bound, with a warning
 * only. Each check
 * fails the migration, before the ALTER, while such rows exist; its message says what ran before it: nothing, for
 * a check of guardsAhead, else the statements that added, filled or changed the column. A column added, it checks
 * for rows it cannot fill (see unfillableColumnGuard).
 */
export function dataLossGuards(op: Operation, table: string, before: TableDefaults | undefined, first = false): Statement[] {
  if (op.kind === 'add_column') return unfillableColumnGuard(op, table, first)
  if (op.kind !== 'alter_column') return []
  const { from, to } = op
  const column = quoteIdent(from.name)
  const named = `${quoteDoubled(table)}.${quoteDoubled(from.name)}`
  const ran = first ? 'nothing of the table was changed' : 'the ALTER did not run, but the statements before it in the migration did'
  const guard = (condition: string, failIfRows: string): Statement => ({
    sql: `SELECT 1 FROM ${quoteIdent(table)} WHERE ${condition} LIMIT 1`,
    operations: [op],
    failIfRows: `${failIfRows}; ${ran}`,
  })
  const keyOf = (label: string) => mysqlEnumLabelKey(label, to.collation ?? before?.collation)
  // A column that loses its own charset takes its table's.
  const charset = to.charset ?? (from.charset === undefined ? undefined : before?.charset)
  const kept = new Set((to.enumValues ?? []).map(keyOf))
  const removed = to.enumValues === undefined ? [] : (from.enumValues ?? []).filter((label) => !kept.has(keyOf(label)))
  return [
    ...(removed.length === 0 ? [] : [guard(holdsValues(column, removed),
      `rows of ${named} hold ${removed.map(quoteLiteral).join(', ')}, which the column no longer takes: move them to another value first ` +
        '(outside strict mode the server would silently drop those values)')]),
    ...(from.nullable && !to.nullable ? [guard(`${column} IS NULL`,
      `rows of ${named} hold NULL, which the column no longer takes: fill them first ` +
        "(outside strict mode the server would silently write its type's implicit default, '' or 0, there)")] : []),
    ...(charset !== undefined && losesCharacters(from.charset, charset) ? [guard(charactersLost(column, charset),
      `rows of ${named} hold characters that charset ${charset} cannot store: change them first ` +
        "(outside strict mode the server would silently write '?' in their place)")] : []),
    ...valuesNotFitting(op).map(({ condition, what }) => guard(condition, `rows of ${named} ${what}`)),
  ]
}

/**
 * valuesNotFitting is the test for the values of a column whose type `op` narrows that strict mode refuses, and
 * what they are: strings and binaries longer than the new length (a binary's counted without its zero padding, see
 * paddedBinaryNarrowing) or than a smaller TEXT or BLOB type's bytes (TypeLimits.byteLengths), numbers outside the new range (negative ones of a number made an unsigned decimal, float
 * or double; those a year does not keep, see yearsNotKept), moments outside a timestamp's, and numbers made an ENUM or a SET that are no label's
 * position or bits (see labelsNotFitting), and values text made another kind of value does not parse as (see
 * valuesNotConverting). Fewer decimal places, significant digits or fractional seconds are rounded in either mode,
 * and stay unchecked here (TYPE_NARROWING warns of them; a down checks for them, see downRoundingGuards).
 */
function valuesNotFitting(op: OperationOf<'alter_column'>): { condition: string, what: string }[] {
  const { from, to } = op
  if (!changesType(op.changes) || from.computed !== undefined || to.computed !== undefined || baseOf(to.type) === 'bit') return []
  const change = classifyMysqlTypeChange(from, to)
  if (change === 'label_positions' || change === 'label_bits') return labelsNotFitting(op)
  if (change === 'cast_may_fail') return valuesNotConverting(op)
  if (change !== 'narrowing') return []
  const column = quoteIdent(from.name)
  if (baseOf(to.type) === 'year') return [yearsNotKept(column)]
  const negatives = losesSign(from, to)
    ? [{ condition: `${column} < 0`, what: `hold negative numbers, which ${typeText(to)} cannot hold: change them first (outside strict mode the server would silently write 0 instead)` }]
    : []
  // An unsigned decimal has the digits of the signed one: its bounds are the signed one's, its sign checked above.
  const bounded = baseOf(to.type) === 'decimal' ? { ...to, type: 'decimal' } : to
  return [...negatives, ...valuesOutside(op, column, bounded)]
}

function valuesOutside(op: OperationOf<'alter_column'>, column: string, to: ColumnModel): { condition: string, what: string }[] {
  const { from } = op
  const probe = narrowingProbe({ name: op.table.name }, from.name, from, to, mysqlTypeLimits)
  if (probe.kind === 'longer_than') {
    const cut = 'shorten them first (outside strict mode the server would silently cut them)'
    const what = probe.unpadded === true
      ? `hold more than ${probe.length} bytes besides their zero padding, which ${typeText(to)} cannot keep: shorten them first`
      : probe.inBytes === true ? `hold values longer than the ${probe.length} bytes ${typeText(to)} takes: ${cut}`
        : `hold values longer than ${typeText(to)} takes: ${cut}`
    return [{ condition: probeCondition(probe, column)!, what }]
  }
  if (probe.kind === 'out_of_range') {
    return [{
      condition: probeCondition({ ...probe, scale: undefined }, column)!,
      what: `hold numbers outside ${probe.min}..${probe.max}, which ${typeText(to)} cannot hold: change them first ` +
        '(outside strict mode the server would silently write the nearest of those bounds instead)',
    }]
  }
  if (probe.kind === 'outside_epoch_range') {
    return [{
      condition: probeCondition({ ...probe, cast: undefined }, column)!,
      what: `hold moments outside ${epochRangeText(probe.min, probe.max)}, which ${typeText(to)} cannot hold: change them first ` +
        "(outside strict mode the server would silently write the zero date '0000-00-00 00:00:00' instead)",
    }]
  }
  return []
}

/**
 * valuesNotConverting is the test for the values of a column whose type `op` makes them parse as another kind of
 * value (text made a number, a date, a uuid, JSON or an ENUM) that the new type does not take: strict mode refuses
 * them; outside it the server writes another value in their place (see silentReplacement), but for JSON, which it refuses in any
 * sql_mode (measured on MariaDB 10.11: `CONSTRAINT ... failed`, its JSON_VALID check). Labels an ENUM or SET drops are tested
 * apart (see dataLossGuards).
 */
function valuesNotConverting(op: OperationOf<'alter_column'>): { condition: string, what: string }[] {
  const { from, to } = op
  if (from.enumValues !== undefined && to.enumValues !== undefined) return []
  const column = quoteIdent(from.name)
  const condition = probeCondition({ kind: 'not_convertible', table: op.table, column: from.name, from, to }, column)
  if (condition === undefined) return []
  // JSON is validated whatever the sql_mode: MySQL's type parses it, MariaDB's longtext has a JSON_VALID check.
  const otherwise = baseOf(to.type) === 'json' ? 'the server refuses them in any sql_mode'
    : `outside strict mode the server would silently write ${silentReplacement(to.type)} in their place`
  return [{
    condition: `${column} IS NOT NULL AND ${condition}`,
    what: `hold values that do not convert to ${typeTextWithValues(to)}: change them first (${otherwise})`,
  }]
}

/**
 * silentReplacement is what the server writes outside strict mode for a value its new type does not take (measured
 * on MariaDB 10.11): the empty label of an ENUM, NULL for a uuid or an inet address, the zero date, 0 for a number.
 */
function silentReplacement(type: string): string {
  const base = baseOf(type)
  if (base === 'enum' || base === 'set') return "the empty label ''"
  if (['uuid', 'inet4', 'inet6'].includes(base)) return 'NULL'
  if ([...mysqlTypeLimits.momentTypes ?? [], 'year'].includes(base)) return 'a zero date or time'
  return '0'
}

/**
 * guardsAhead are the data loss guards of `changes` that can run before its first statement, naming the table and
 * column as they are then, and the operations they guard; with them, the checks for rows a foreign key the
 * migration adds would refuse, that break a check it adds, and that repeat values of a unique key or primary key it adds (see
 * orphanGuard, checkGuard and uniqueGuard), and that a key holds equal once a column of it is given another
 * collation (recollatedKeyGuard), which guard nothing the ALTERs carry themselves. The server commits each DDL statement on its own, so a
 * guard failing after another statement of the migration (a rename of the same table) left the migration partly
 * applied. A guard stays before its ALTER where the migration creates or drops the table, or adds, fills or
 * changes the column before it: its rows are not yet what the ALTER meets.
 */
export function guardsAhead(changes: ChangeSet): { readonly statements: readonly Statement[], readonly guarded: ReadonlySet<Operation> } {
  const statements: Statement[] = []
  const guarded = new Set<Operation>()
  changes.ops.forEach((op, i) => {
    const table = changes.tableAt[i]
    const refused = op.kind === 'add_check' ? checkGuard(changes, i, op)
      : op.kind === 'add_foreign_key' ? orphanGuard(changes, i, op, (name) => columnOriginAt(changes, i, name, keepsValues))
        : op.kind === 'add_unique' || op.kind === 'create_index' || op.kind === 'add_primary_key' ? uniqueGuard(changes, i, op)
          : op.kind === 'alter_column' ? recollatedKeyGuard(changes, i, op)
            : undefined
    if (refused !== undefined) statements.push(refused)
    if (table?.change !== 'modified') return
    if (op.kind === 'copy_column') {
      const guards = copyGuards(changes, i, op, table.firstName.name, table.from)
      statements.push(...guards)
      if (guards.length > 0) guarded.add(op)
      return
    }
    if (op.kind !== 'alter_column' && op.kind !== 'add_column') return
    const column = op.kind === 'add_column' ? op.column.name : nameAtStart(columnOriginAt(changes, i, op.from.name))
    if (column === undefined) return
    const atStart = op.kind === 'add_column' ? op : { ...op, from: { ...op.from, name: column } }
    const guards = dataLossGuards(atStart, table.firstName.name, table.from, true)
    if (guards.length === 0) return
    statements.push(...guards)
    guarded.add(op)
  })
  return { statements, guarded }
}

/**
 * copyGuards are the checks, before the migration's first statement, for the values a copy of an expand or contract
 * migration (column `from` into `to` of another type) cannot write into `to`: those its type change would refuse,
 * as dataLossGuards tests them. Strict mode refuses them at the UPDATE, after the statements before it (the ADD of
 * the new column) committed. Only a copy of every row it reads is guarded where it reads the column as it is at
 * the start: one into the rows where `to` is still NULL skips rows the start cannot tell apart.
 */
function copyGuards(changes: ChangeSet, at: number, op: OperationOf<'copy_column'>, table: string, before: TableDefaults | undefined): Statement[] {
  const from = nameAtStart(columnOriginAt(changes, at, op.from.name))
  const target = columnOriginAt(changes, at, op.to.name)
  const everyRowRead = op.rows === 'all' || (target !== undefined && 'added' in target)
  if (from === undefined || !everyRowRead) return []
  const to = { ...op.to, name: from, nullable: op.from.nullable }
  const conversion: OperationOf<'alter_column'> = { kind: 'alter_column', table: op.table, from: { ...op.from, name: from }, to, changes: columnChanges(op.from, to) }
  return dataLossGuards(conversion, table, before, true).map((guard) => ({ ...guard, operations: [op] }))
}

/**
 * labelsNotFitting is the test for the numbers of a column made an ENUM that are no label's position (1 to the number
 * of labels), or made a SET that hold a bit past its last label or are negative: strict mode refuses them; outside
 * it the server writes '' (an ENUM's error value) or the labels of the bits it keeps in their place. A number with a
 * fractional part is taken rounded, as the server converts it.
 */
function labelsNotFitting(op: OperationOf<'alter_column'>): { condition: string, what: string }[] {
  const { from, to } = op
  const target = baseOf(to.type)
  const labels = to.enumValues ?? []
  if ((target !== 'enum' && target !== 'set') || labels.length === 0) return []
  const column = quoteIdent(from.name)
  const value = integerTypes.has(baseOf(from.type)) ? column : `ROUND(${column})`
  const [min, max] = target === 'enum' ? ['1', String(labels.length)] : ['0', String(2n ** BigInt(labels.length) - 1n)]
  const what = target === 'enum'
    ? `hold numbers that are no position of a label of ${typeTextWithValues(to)} (${min}..${max}), which it reads a number as: ` +
      "map them to a label first (outside strict mode the server would silently write '' in their place)"
    : `hold numbers below 0 or with a bit past the last label of ${typeTextWithValues(to)} (outside ${min}..${max}), which it reads ` +
      'a number as the bits of: map them to labels first (outside strict mode the server would silently keep only the bits of its labels)'
  return [{ condition: `(${value} < ${min} OR ${value} > ${max})`, what }]
}

/**
 * yearsNotKept is the test for the numbers of a column made a YEAR that it does not keep as they are: strict mode
 * refuses those outside 0..99 and 1901..2155 (outside it the server writes 0000), and both modes read 1..99 as the
 * years 2001..2069 and 1970..1999.
 */
function yearsNotKept(column: string): { condition: string, what: string } {
  return {
    condition: `(${column} <> 0 AND (${column} < 1901 OR ${column} > 2155))`,
    what: 'hold numbers other than 0 and 1901..2155, which year does not keep as they are: change them first ' +
      '(the server refuses them, or reads 1..99 as 2001..2069 and 1970..1999; outside strict mode it writes 0000 for the rest)',
  }
}
