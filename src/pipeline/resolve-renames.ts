import type { Warning } from '../hazards/warning'
import type { DialectCapabilities } from '../dialect/dialect'
import { planWithRenames } from '../diff/rename-plan'
import { renameFlagText } from '../diff/rename-flag-text'
import { type AnyRenameHint, type LabelRenameHint, type RenameAsk, type RenameDecision, type RenameHint, type SuspectedRename, renameLabel, renamedOrMoved } from '../diff/rename-types'
import type { SchemaModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { type RenameTarget, decoratorAdvice } from '../source/rename-hints'
import { UserError } from '../source/user-error'

/** RenameOptions are the renames decided outside the entities: `--rename` flags, and the terminal prompt. */
export interface RenameOptions {
  /** Renames stated on the command line (tables, columns, enum labels); each must apply, or the comparison fails. */
  readonly renames?: readonly AnyRenameHint[]
  /** Asked about each suspected rename no hint covers; without it they are reported as unresolved. */
  readonly ask?: RenameAsk
  /** autogen.keepDatabaseNames (see RenameInput). */
  readonly keepDatabaseNames?: boolean
}

/** UnresolvedRename is a suspected rename nobody decided, with what to add to decide it. */
export interface UnresolvedRename extends SuspectedRename {
  /** `post.body may have been renamed to post.content` */
  readonly description: string
  /** `add @RenamedFrom('body') to Post.content, or pass --rename post.body=content` */
  readonly advice: string
}

/** ResolvedRenames is the diff with renames resolved, and what to tell the user about them. */
export interface ResolvedRenames {
  readonly ops: Operation[]
  readonly renames: readonly RenameDecision[]
  readonly unresolved: readonly UnresolvedRename[]
  readonly warnings: readonly Warning[]
}

/**
 * resolveRenames diffs `actual` against `desired` deciding renames from the `--rename` flags, the entities'
 * `@RenamedFrom` and `@RenamedLabel` hints and the prompt, in that order. A flag that does not apply is a UserError; a
 * decorator hint that is spent (the database has the new name and not the old: it was applied before) is
 * ignored, any other that does not apply is a warning. A hint moving a table to another schema is a
 * UserError where the dialect has no schemas. Each unresolved suspected rename is a warning too.
 */
export async function resolveRenames(
  actual: SchemaModel,
  desired: SchemaModel,
  capabilities: DialectCapabilities,
  entityHints: readonly AnyRenameHint[],
  renameTargets: readonly RenameTarget[],
  options: RenameOptions = {},
): Promise<ResolvedRenames> {
  const flags = options.renames ?? []
  const stated = withoutRepeats([...flags, ...entityHints])
  const hints = stated.filter((h): h is RenameHint => h.kind !== 'label')
  const labelHints = stated.filter((h): h is LabelRenameHint => h.kind === 'label')
  const move = hints.find((h) => h.move === true)
  if (move !== undefined && !capabilities.schemas) throw new UserError(`${move.origin}: the database has no schemas, so no table can move to another one`)
  // A column's table is named with its schema where tables of several schemas have its name.
  const named = (suspect: SuspectedRename): SuspectedRename =>
    suspect.kind === 'column' && schemasNaming([actual, desired], suspect.table.name).size > 1 ? { ...suspect, namedWithSchema: true } : suspect
  const ask = options.ask
  const plan = await planWithRenames(actual, desired, capabilities, { hints, labelHints, ...(ask !== undefined && { ask: (suspect) => ask(named(suspect)) }), keepDatabaseNames: options.keepDatabaseNames })
  const warnings: Warning[] = []
  for (const { hint, reason, stale } of plan.ignoredHints) {
    if (flags.includes(hint)) throw new UserError(`${hint.origin} does not apply: ${reason}`)
    if (!stale) warnings.push({ code: 'RENAME_HINT_IGNORED', message: `${hint.origin} is ignored: ${reason}` })
  }
  const unresolved = plan.unresolved.map((suspect): UnresolvedRename => {
    const qualified = named(suspect).namedWithSchema === true
    const { from, to } = renameLabel(suspect, qualified)
    const flag = renameFlagText(suspect, qualified)
    const decorator = decoratorAdvice(renameTargets, suspect)
    return {
      ...suspect,
      description: `${from} may have been ${renamedOrMoved(suspect)} to ${to}`,
      advice: decorator === undefined ? `pass ${flag}` : `${decorator}, or pass ${flag}`,
    }
  })
  for (const u of unresolved) {
    warnings.push({ code: 'RENAME_UNDECIDED', message: `${u.description} (${u.reasons.join(', ')}): ${u.advice}; as it stands it is dropped and added, losing its data` })
  }
  return { ops: plan.ops, renames: plan.renames, unresolved, warnings }
}

/** schemasNaming lists the schemas whose tables, in any of `models`, have the name `table`. */
function schemasNaming(models: readonly SchemaModel[], table: string): ReadonlySet<string | undefined> {
  return new Set(models.flatMap((model) => model.tables.filter((t) => t.name === table).map((t) => t.schema)))
}

/** withoutRepeats keeps the first of hints stating the same rename (a flag repeating a decorator). */
function withoutRepeats(hints: readonly AnyRenameHint[]): AnyRenameHint[] {
  const seen = new Set<string>()
  return hints.filter((h) => {
    const key = JSON.stringify(h.kind === 'label' ? [h.kind, h.table.name, h.column, h.from, h.to] : [h.kind, h.table.name, h.from, h.to, h.toSchema])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
