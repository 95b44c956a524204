import { nameOf, qualifiedKey, sameName } from '../model/qualified-name'
import type { ViewModel } from '../model/schema-model'
import { recreatedViewDrops } from '../operations/recreated-views'
import type { HazardFinding } from './hazard-finding'
import { tableText } from './hazard-names'
import { type RuleContext, eachOp } from './rule-context'

/** viewDroppedFindings: VIEW_DROPPED for a view dropped and not created again (what it reads is dropped). */
export function viewDroppedFindings(context: RuleContext): HazardFinding[] {
  const created = createdKeys(context)
  return eachOp(context, 'drop_view', (op) => created.has(qualifiedKey(op.view)) ? [] : [{
    code: 'VIEW_DROPPED', operation: op,
    what: `Drops ${viewText(op.view)} for good: it reads a table or column this migration drops, and queries reading the view fail from then on`,
    advice: 'declare it with @ViewEntity and a definition that does without what is dropped, or keep what it reads',
  }])
}

/**
 * viewDependencyRecreatedFindings: VIEW_DEPENDENCY_RECREATED once per migration, on the first view dropped
 * only to be created again as it was, listing every such view (one whose own definition changes is not). A view
 * no entity declares is written as this database has it, so a database without it fails at its drop.
 */
export function viewDependencyRecreatedFindings(context: RuleContext): HazardFinding[] {
  const recreated = recreatedViewDrops(context.input.changes.ops)
  if (recreated.length === 0) return []
  const undeclared = recreated.filter((op) => !declaresView(context, op.view))
  const ownDefinition = undeclared.length === 0 ? '' :
    `; no entity declares ${undeclared.map((op) => viewText(op.view)).join(', ')}: the migration makes ${undeclared.length === 1 ? 'it' : 'them'} again as this database has ${undeclared.length === 1 ? 'it' : 'them'}, ` +
    `and fails on a database that lacks ${undeclared.length === 1 ? 'it' : 'one'} (one made by hand here, not by a migration)`
  return [{
    code: 'VIEW_DEPENDENCY_RECREATED', operation: recreated[0],
    what: `Drops and re-creates ${recreated.map((op) => viewText(op.view)).join(', ')} around the changes of what they read; they do not exist in between${ownDefinition}`,
    advice: 'nothing to do where the migration runs in one transaction; otherwise stop their readers while it runs' +
      (undeclared.length === 0 ? '' : '; make such a view in a migration of its own, so that every database has it, or declare it with @ViewEntity'),
  }]
}

/** declaresView: the entities declare the view (a schema the entities leave unnamed matches any). Unknown: taken as declared. */
function declaresView(context: RuleContext, view: ViewModel): boolean {
  const { declared } = context.input
  if (declared === undefined) return true
  return declared.views.some((d) => d.name === view.name && (d.schema === undefined || view.schema === undefined || d.schema === view.schema))
}

/**
 * materializedViewRefreshFindings: MATERIALIZED_VIEW_REFRESH when a materialized view is filled by running its query,
 * except on a database that holds no table or view yet, where what it reads is created empty by the same migration.
 */
export function materializedViewRefreshFindings(context: RuleContext): HazardFinding[] {
  const before = context.input.changes.schemaAt(0)
  if (before.tables.length === 0 && before.views.length === 0) return []
  return eachOp(context, 'create_view', (op) => {
    if (op.view.materialized !== true) return []
    const existing = before.views.find((v) => sameName(v, op.view))
    return [{
      code: 'MATERIALIZED_VIEW_REFRESH', operation: op,
      what: `Fills ${viewText(op.view)} by running its query, holding the migration until it is done`,
      advice: 'run it when the tables it reads are quiet, or create it WITH NO DATA by hand and refresh later',
      ...(existing && { probe: { kind: 'rows', table: nameOf(existing) } }),
    }]
  })
}

function createdKeys(context: RuleContext): Set<string> {
  return new Set(context.input.changes.ops.flatMap((op) => (op.kind === 'create_view' ? [qualifiedKey(op.view)] : [])))
}

function viewText(view: ViewModel): string {
  return `${view.materialized === true ? 'materialized view' : 'view'} ${tableText(view)}`
}
