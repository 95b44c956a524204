import type { Statement } from '../dialect/statement'
import type { SchemaModel } from '../model/schema-model'
import { type ChangeSet, changeSetOf, sliceChangeSet } from '../plan/change-set'
import { type DownCompiler, compileDown } from './compile-down'
import type { HazardDialect } from '../hazards/hazard-input'
import { planDown } from './planned-down'
import type { Operation } from '../operations/operation'
import { migrationClassName } from '../render/migration-name'
import type { MigrationPlan } from '../plan/migration-plan'
import { isOnline } from '../plan/online-forms'
import { viewsWithinParts } from './views-within-parts'
import { recreatedViewDrops } from '../operations/recreated-views'
import { qualifiedKey } from '../model/qualified-name'

/**
 * splitAtCommits writes a plan as several migrations when a statement's effect can be used only after its
 * transaction commits (Statement.commitBeforeUse), up or down: the operations are cut, in order, where a
 * migration would otherwise hold both the statement and its use, so that every migration runs whole in one
 * transaction, in TypeORM's default `all` mode too. The operations written online (see inOnlineForms), last in
 * the plan, are a migration of their own after those, which runs outside a transaction (`outsideTransaction`).
 * A plan that needs no cut comes back alone and unchanged, but marked outsideTransaction when it is all online.
 * The parts take the timestamps `plan.timestamp`, `+ 1`...; the last in a transaction keeps the plan's name,
 * warnings and phase, the first is `<Name>EnumValues` when it only alters enum types (else the parts are
 * `<Name>Step<n>`), and the online one is `<Name>Online`. `before` is the schema the plan starts from.
 */
export function splitAtCommits(plan: MigrationPlan, before: SchemaModel, dialect: PartCompiler): MigrationPlan[] {
  const onlineFrom = plan.up.findIndex(isOnline)
  const needsCut = needsCommit(plan.upStatements) || needsCommit(plan.downStatements)
  if (onlineFrom === 0) return [{ ...plan, outsideTransaction: true }]
  if (!needsCut && onlineFrom < 0) return [plan]
  const changes = changeSetOf(before, plan.up)
  const inTransaction = onlineFrom < 0 ? changes : sliceChangeSet(changes, 0, onlineFrom)
  const parts = needsCut ? withViewsKept(cutAtCommits(inTransaction, dialect), dialect) : [compiled(inTransaction, dialect)]
  if (parts.length === 1 && onlineFrom < 0) return [plan]
  const online = onlineFrom < 0 ? undefined : compiled(sliceChangeSet(changes, onlineFrom, changes.ops.length), dialect)
  const names = [...partNames(plan.name, parts.map((p) => p.ops)), ...(online === undefined ? [] : [`${plan.name}Online`])]
  const classes = names.map((name, i) => migrationClassName(name, plan.timestamp + i))
  const reasons = [
    ...new Set([...plan.upStatements, ...plan.downStatements].flatMap((s) => (s.commitBeforeUse === undefined ? [] : [s.commitBeforeUse]))),
    ...(online === undefined ? [] : [ONLINE_REASON]),
  ]
  const main = parts.length - 1
  return [...parts, ...(online === undefined ? [] : [online])].map((part, i): MigrationPlan => {
    const { phase, ...rest } = plan
    // The hazards of each part's down are found once the parts are cut, not at each step of the cutting.
    const down = planDown(dialect, part.changes, part.downStatements)
    return {
      ...rest,
      name: names[i]!,
      timestamp: plan.timestamp + i,
      up: part.ops,
      upStatements: part.upStatements,
      downStatements: down.downStatements,
      downHazards: down.downHazards,
      warnings: i === main ? plan.warnings : [],
      hazards: (plan.hazards ?? []).filter((h) =>
        h.operation === undefined ? i === main : part.ops.includes(h.operation) || (i === main && !plan.up.includes(h.operation))),
      ...(i === main && phase !== undefined && { phase }),
      part: { number: i + 1, classes, reasons, ...(online !== undefined && { lastOnline: true }) },
      ...(i > main && { outsideTransaction: true }),
    }
  })
}

const ONLINE_REASON = 'indexes built without blocking writes (CREATE INDEX CONCURRENTLY) and constraints validated apart cannot run in a transaction: ' +
  'they run last, in a migration of their own, once the rest has committed'

/** PartCompiler is what of a dialect compiling the parts both ways, and finding the hazards of their `down`, takes. */
type PartCompiler = DownCompiler & HazardDialect

interface Part {
  readonly ops: readonly Operation[]
  readonly changes: ChangeSet
  readonly upStatements: readonly Statement[]
  readonly downStatements: readonly Statement[]
}

/** cutAtCommits groups the operations greedily: an operation starts a new group when the group would need a commit inside. */
function cutAtCommits(changes: ChangeSet, dialect: PartCompiler): Part[] {
  const parts: Part[] = []
  let start = 0
  let current = compiled(sliceChangeSet(changes, 0, 0), dialect)
  for (let end = 1; end <= changes.ops.length; end++) {
    const grown = compiled(sliceChangeSet(changes, start, end), dialect)
    // One operation alone never needs a commit inside: each part makes progress.
    if (current.ops.length > 0 && (needsCommit(grown.upStatements) || needsCommit(grown.downStatements))) {
      parts.push(current)
      start = end - 1
      current = compiled(sliceChangeSet(changes, start, end), dialect)
    } else {
      current = grown
    }
  }
  parts.push(current)
  return parts
}

/** withViewsKept gives each part the drops and creations of the views it changes what they read of (see viewsWithinParts). */
function withViewsKept(parts: readonly Part[], dialect: PartCompiler): Part[] {
  const kept = viewsWithinParts(parts.map((p) => p.ops), (i) => parts[i]!.changes.schemaAt(parts[i]!.ops.length))
  return parts.map((part, i) => (kept[i]!.length === part.ops.length ? part : compiled(changeSetOf(part.changes.schemaAt(0), kept[i]!), dialect)))
}

function compiled(changes: ChangeSet, dialect: PartCompiler): Part {
  return {
    ops: changes.ops,
    changes,
    upStatements: dialect.compile(changes),
    downStatements: compileDown(dialect, changes),
  }
}

function needsCommit(statements: readonly Statement[]): boolean {
  return statements.some((s) => s.commitBeforeUse !== undefined)
}

/** onlyAltersEnums says whether `ops` alter enum types and nothing else, but the views made again as they were around them. */
function onlyAltersEnums(ops: readonly Operation[]): boolean {
  const madeAgain = new Set(recreatedViewDrops(ops).map((drop) => qualifiedKey(drop.view)))
  return ops.every((op) => op.kind === 'alter_enum' || ((op.kind === 'drop_view' || op.kind === 'create_view') && madeAgain.has(qualifiedKey(op.view))))
}

function partNames(name: string, parts: readonly (readonly Operation[])[]): string[] {
  const last = parts.length - 1
  if (parts.length === 2 && onlyAltersEnums(parts[0]!)) return [`${name}EnumValues`, name]
  return parts.map((_, i) => (i === last ? name : `${name}Step${i + 1}`))
}
