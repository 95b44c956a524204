import { changeSetOf, reverseChangeSet } from '../plan/change-set'
import type { Dialect } from '../dialect/dialect'
import { compareText, nameOf, qualifiedKey, sameName } from '../model/qualified-name'
import type { SchemaModel, TableModel, ViewModel, ViewSource } from '../model/schema-model'
import type { Operation, RenameTable } from '../operations/operation'
import { diffViews } from './diff-views'
import { renamesAfterKeptViews } from './renames-after-kept-views'
import { touches } from '../model/view-reads'

/**
 * planViews adds the view operations to a migration's table operations `ops` (which turn `actual` into
 * `desired`): the entities' new and changed views, the index changes of their materialized views that stay
 * (drops with the view drops, before the table changes, where an index name they free may be taken; creations
 * last), and every database view that the migration would break
 * (dropped first, dependents before what they read, and re-created last, in dependency order):
 * - a view reading a table or column that the dialect cannot change under it (SQLite rebuild, PostgreSQL
 *   type change, see Dialect.viewBreakingChanges) in `up` or in `down` (adding an enum label changes no
 *   column in place, removing it in `down` retypes every column of the enum), or that is dropped;
 * - a view reading a view that is dropped and created again.
 * A re-created view gets the entities' definition when they declare it, else its own (reporting views
 * are kept). A view that reads a table or column the migration drops, and that the entities do not
 * declare, cannot come back: it is dropped for good (VIEW_DROPPED). `down` is the reverse, so it restores
 * every view as it was.
 */
export function planViews(ops: readonly Operation[], actual: SchemaModel, desired: SchemaModel, dialect: Pick<Dialect, 'capabilities' | 'viewBreakingChanges'>): Operation[] {
  const changes = diffViews(actual.views, desired.views, dialect.capabilities)
  const tableChanges = changeSetOf(actual, ops)
  const after = tableChanges.schemaAt(ops.length)
  const declared = new Map(desired.views.map((v) => [qualifiedKey(v), v]))
  const breaking = [...dialect.viewBreakingChanges(tableChanges), ...dialect.viewBreakingChanges(reverseChangeSet(tableChanges))]
  const broken: ViewSource[] = [...breaking, ...droppedSources(ops)]
  const dropped = new Map(changes.recreated.map(([from]) => [qualifiedKey(from), from]))
  // Every view reading something broken or dropped is dropped too, and so on up the graph.
  for (let grew = true; grew;) {
    grew = false
    const gone = [...broken, ...[...dropped.values()].map(nameOf)]
    for (const view of actual.views) {
      if (dropped.has(qualifiedKey(view)) || !view.reads.some((read) => gone.some((g) => touches(read, g)))) continue
      dropped.set(qualifiedKey(view), view)
      grew = true
    }
  }
  const replaced = changes.replaced.filter(([from]) => !dropped.has(qualifiedKey(from)))
  const lasting = (view: ViewModel) => declared.get(qualifiedKey(view)) ?? (readsSurvive(view, after, dropped, declared, ops) ? view : undefined)
  const recreated = [...dropped.values()].flatMap((view) => {
    const kept = lasting(view)
    return kept ? [kept] : []
  })
  // Made again as the database has them, they read the columns by their names before the migration.
  const asTheyWere = recreated.filter((view) => view.definition === dropped.get(qualifiedKey(view))?.definition)
  const { ops: tableOps, renames } = renamesAfterKeptViews(ops, asTheyWere, dialect.capabilities.viewsFollowColumnRenames === true, breaking)
  const creates = [...changes.created, ...recreated]
  const databaseReads = new Map(actual.views.map((v) => [qualifiedKey(v), v.reads]))
  const readsOf = (view: ViewModel) => [...view.reads, ...(databaseReads.get(qualifiedKey(view)) ?? [])]
  // A view dropped and created again gets its indexes with it.
  const indexOps = changes.indexes.filter((op) => !dropped.has(qualifiedKey(op.table)))
  const drops: Operation[] = [
    ...dependentsFirst([...dropped.values()], readsOf).map((view): Operation => ({ kind: 'drop_view', view })),
    ...indexOps.filter((op) => op.kind === 'drop_index'),
  ]
  const laterOps: Operation[] = [
    ...dependenciesFirst(creates, readsOf).map((view): Operation => ({ kind: 'create_view', view })),
    ...replaced.map(([from, to]): Operation => ({ kind: 'replace_view', from, to })),
    ...indexOps.filter((op) => op.kind !== 'drop_index'),
    ...renames,
  ]
  return aroundTableChanges(tableOps, drops, laterOps)
}

/**
 * aroundTableChanges puts `drops` after the schemas and extensions `ops` create, and `creates` after every
 * other operation but the drops of enum types, extensions and schemas (the phases of orderOperations),
 * leaving `ops` in their order.
 */
function aroundTableChanges(ops: readonly Operation[], drops: readonly Operation[], creates: readonly Operation[]): Operation[] {
  const start = ops.findIndex((op) => op.kind !== 'create_schema' && op.kind !== 'create_extension')
  const head = start === -1 ? ops.length : start
  const end = ops.findIndex((op, i) => i >= head && ops.slice(i).every((later) => trailing.has(later.kind)))
  const tail = end === -1 ? ops.length : end
  return [...ops.slice(0, head), ...drops, ...ops.slice(head, tail), ...creates, ...ops.slice(tail)]
}

const trailing: ReadonlySet<Operation['kind']> = new Set(['drop_enum', 'drop_extension', 'drop_schema'])

/** droppedSources are the tables and columns that `ops` drop. */
function droppedSources(ops: readonly Operation[]): ViewSource[] {
  return ops.flatMap((op): ViewSource[] => {
    if (op.kind === 'drop_table') return [nameOf(op.table)]
    if (op.kind === 'drop_column') return [{ ...nameOf(op.table), columns: [op.column.name] }]
    return []
  })
}

/**
 * readsSurvive says whether everything a database view reads is still there after the migration `ops`, a column
 * renamed counting (the view is made again before the rename, see renamesAfterKeptViews), and a table renamed
 * too (which renamesAfterKeptViews refuses with what to do); of a view an entity redefines, the columns it
 * still outputs (see outputsRead).
 */
function readsSurvive(view: ViewModel, after: SchemaModel, dropped: ReadonlyMap<string, ViewModel>, declared: ReadonlyMap<string, ViewModel>, ops: readonly Operation[]): boolean {
  return view.reads.every((read) => {
    const name = ops.find((op): op is RenameTable => op.kind === 'rename_table' && sameName(op.from, nameOf(read)))?.to ?? nameOf(read)
    const table: TableModel | undefined = after.tables.find((t) => sameName(t, name))
    const renamed = (column: string) => ops.some((op) => op.kind === 'rename_column' && sameName(op.table, nameOf(read)) && op.from === column)
    if (table) return (read.columns ?? []).every((c) => table.columns.some((col) => col.name === c) || renamed(c))
    const key = qualifiedKey(nameOf(read))
    const other = dropped.get(key)
    if (other) {
      const redefined = declared.get(key)
      return redefined === undefined ? readsSurvive(other, after, dropped, declared, ops) : outputsRead(redefined, read, other)
    }
    return after.views.some((v) => sameName(v, nameOf(read)))
  })
}

/**
 * outputsRead says whether an entity's view, made with its definition, still has the columns `read` takes of it,
 * any column the view had `before` where the database does not say which (MySQL, MariaDB): yes where its
 * columns are not known.
 */
function outputsRead(view: ViewModel, read: ViewSource, before: ViewModel): boolean {
  const outputs = view.columns?.map((c) => c.name) ?? view.declaredColumns
  const taken = read.columns ?? before.columns?.map((c) => c.name)
  return outputs === undefined || taken === undefined || taken.every((c) => outputs.includes(c))
}

/**
 * dependenciesFirst orders views so that each comes after every view it reads (its reads among the list, as
 * the database or `dependsOn` says), ties by name: the order to create them in.
 */
function dependenciesFirst(views: readonly ViewModel[], readsOf: (view: ViewModel) => readonly ViewSource[]): ViewModel[] {
  return inOrder(views, (view, other) => readsOf(view).some((r) => sameName(nameOf(r), nameOf(other))))
}

/** dependentsFirst orders views so that each comes before every view it reads, ties by name: the order to drop them in. */
function dependentsFirst(views: readonly ViewModel[], readsOf: (view: ViewModel) => readonly ViewSource[]): ViewModel[] {
  return inOrder(views, (view, other) => readsOf(other).some((r) => sameName(nameOf(r), nameOf(view))))
}

/** inOrder lists views so that each comes after those it `waitsFor`, by name among those ready; a cycle is broken by name. */
function inOrder(views: readonly ViewModel[], waitsFor: (view: ViewModel, other: ViewModel) => boolean): ViewModel[] {
  const left = [...views].sort((a, b) => compareText(qualifiedKey(a), qualifiedKey(b)))
  const out: ViewModel[] = []
  while (left.length > 0) {
    const ready = left.findIndex((view) => !left.some((other) => other !== view && waitsFor(view, other)))
    out.push(...left.splice(ready === -1 ? 0 : ready, 1))
  }
  return out
}
