import { quoteDoubled } from '../dialect/quote'
import { compareText, nameOf, qualifiedKey } from '../model/qualified-name'
import type { QualifiedName } from '../model/schema-model'
import type { Statement } from '../dialect/statement'
import type { Operation } from '../operations/operation'
import { tableLives } from '../plan/table-lives'
import { statementFinder } from './hazard-text'
import { type Paint, plain, signStyle } from './paint'
import { hang } from './text-lines'
import { displayName, operationPiece, type GlobalPiece, type TableDetail, type TablePiece } from './operation-pieces'

/**
 * SummaryEntry is one object a migration changes, as a reviewer reads it: a headline
 * (`~ table "user"`) and, for tables, one line per column, index or constraint added, dropped or changed.
 */
export interface SummaryEntry {
  readonly object: 'schema' | 'extension' | 'enum' | 'table' | 'view'
  /** The object's qualified name, unquoted (`app.user`). */
  readonly name: string
  readonly change: 'add' | 'drop' | 'alter'
  readonly headline: string
  readonly details: readonly string[]
  /** The operations the entry describes. */
  readonly operations: readonly Operation[]
}

const objectOrder = ['schema', 'extension', 'enum', 'table', 'view']
const signOrder = ['-', '~', '+']

/**
 * summarizeChanges describes `up` operations per object: schemas, extensions and enums first, then tables, then views,
 * each group sorted by name. A drop and an add of one named index or constraint read as one change, and so
 * do a table's only dropped and only added check (a check's generated name follows its expression).
 */
export function summarizeChanges(ops: readonly Operation[]): SummaryEntry[] {
  const globals: { piece: GlobalPiece; op: Operation }[] = []
  const tables = new Map<string, TableGroup>()
  // A table reads under the name it ends with; a table dropped and one created under that name read as one.
  const { lifeOf } = tableLives(ops)
  ops.forEach((op, i) => {
    const piece = operationPiece(op)
    if (piece.scope === 'global') {
      globals.push({ piece, op })
      return
    }
    const name = nameOf(lifeOf[i]?.lastName ?? piece.table)
    const key = qualifiedKey(name)
    const group = tables.get(key) ?? { name, parts: [], operations: [] }
    tables.set(key, group)
    group.parts.push(piece.part)
    group.operations.push(op)
  })
  const globalEntries = globals
    .map(({ piece: g, op }): SummaryEntry => ({ object: g.object, name: g.name, change: g.change, headline: g.headline, details: [], operations: [op] }))
  const tableEntries = [...tables.entries()].map(([key, group]) => tableEntry(key, group))
  return [...globalEntries, ...tableEntries].sort(
    (a, b) =>
      objectOrder.indexOf(a.object) - objectOrder.indexOf(b.object) ||
      compareText(a.name, b.name) ||
      compareText(a.change, b.change),
  )
}

/**
 * inStatementOrder lists entries in the order their first statement comes in `statements`, so that a summary
 * reads in the order of the SQL below it; entries no statement carries out keep their place after them.
 */
export function inStatementOrder(entries: readonly SummaryEntry[], statements: readonly Statement[]): SummaryEntry[] {
  const firstCarrying = statementFinder(statements)
  const first = (entry: SummaryEntry) =>
    Math.min(statements.length, ...entry.operations.map(firstCarrying).filter((index) => index >= 0))
  return entries.map((entry) => ({ entry, at: first(entry) })).sort((a, b) => a.at - b.at).map(({ entry }) => entry)
}

/**
 * summaryLines writes entries as text: each headline, with its details indented under it; `paint` styles each
 * line by its sign (`+`, `-`, `~`).
 */
export function summaryLines(entries: readonly SummaryEntry[], paint: Paint = plain): string[] {
  if (entries.length === 0) return ['(no changes)']
  const painted = (text: string, lines: string[]) => lines.map((line) => paint(signStyle(text.charAt(0)), line))
  return entries.flatMap((entry) => [
    ...painted(entry.headline, hang(entry.headline, '', '  ')),
    ...entry.details.flatMap((line) => painted(line, hang(line, '    ', '      '))),
  ])
}

interface TableGroup {
  readonly name: QualifiedName
  readonly parts: TablePiece['part'][]
  readonly operations: Operation[]
}

function tableEntry(key: string, group: TableGroup): SummaryEntry {
  const created = group.parts.find((p) => p.kind === 'created')
  const dropped = group.parts.some((p) => p.kind === 'dropped')
  const renamed = group.parts.find((p) => p.kind === 'renamed')
  const details = pairDetails(group.parts.flatMap((p) => (p.kind === 'detail' ? [p.detail] : [])))
  const onView = group.operations.every((op) => (op.kind === 'create_index' || op.kind === 'drop_index') && op.onMaterializedView === true)
  const table = `${onView ? 'materialized view' : 'table'} ${displayName(group.name)}`
  const columns = created === undefined ? '' : `${created.columns} column${created.columns === 1 ? '' : 's'}`
  const notes = [
    ...(renamed !== undefined ? [`${renamed.from.schema === group.name.schema ? 'renamed' : 'moved'} from ${displayName(renamed.from)}`] : []),
    ...(created !== undefined && dropped ? ['recreated'] : []),
    ...(created !== undefined ? [columns] : []),
  ]
  const change = created !== undefined && !dropped ? 'add' : dropped && created === undefined ? 'drop' : 'alter'
  const sign = change === 'add' ? '+' : change === 'drop' ? '-' : '~'
  const headline = notes.length === 0 ? `${sign} ${table}` : `${sign} ${table} (${notes.join(', ')})`
  return { object: onView ? 'view' : 'table', name: key, change, headline, details: details.map((d) => d.line), operations: group.operations }
}

/** pairDetails merges drop+add pairs into changes and sorts the lines. */
function pairDetails(details: readonly TableDetail[]): TableDetail[] {
  const result: TableDetail[] = []
  const adds = details.filter((d) => d.sign === '+' && d.pair !== undefined)
  const used = new Set<TableDetail>()
  for (const drop of details.filter((d) => d.sign === '-' && d.pair !== undefined)) {
    const add = adds.find((a) => !used.has(a) && a.pair?.noun === drop.pair?.noun && a.pair?.key === drop.pair?.key)
    if (add === undefined) continue
    used.add(add).add(drop)
    result.push(changed(drop, add, add.pair?.label ?? ''))
  }
  const lone = (sign: string): TableDetail[] =>
    details.filter((d) => d.sign === sign && d.pair?.noun === 'check' && !used.has(d))
  const [dropCheck, addCheck] = [lone('-'), lone('+')]
  if (dropCheck.length === 1 && addCheck.length === 1) {
    used.add(dropCheck[0]).add(addCheck[0])
    result.push(changed(dropCheck[0], addCheck[0], `check ${quoteDoubled(dropCheck[0].pair?.key ?? '')} -> ${quoteDoubled(addCheck[0].pair?.key ?? '')}`))
  }
  result.push(...details.filter((d) => !used.has(d)))
  return result.sort(
    (a, b) =>
      a.rank - b.rank || compareText(a.sortName, b.sortName) || signOrder.indexOf(a.sign) - signOrder.indexOf(b.sign),
  )
}

function changed(drop: TableDetail, add: TableDetail, title: string): TableDetail {
  const from = drop.pair?.body ?? ''
  const to = add.pair?.body ?? ''
  const line = from === to ? `~ ${title} (dropped and recreated)` : `~ ${title}: ${from} -> ${to}`
  return { rank: add.rank, sortName: add.sortName, sign: '~', line }
}
