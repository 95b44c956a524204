import type { Dialect } from '../dialect/dialect'
import type { Statement } from '../dialect/statement'
import type { SchemaModel } from '../model/schema-model'
import { type ChangeSet, changeSetOf, sliceChangeSet } from '../plan/change-set'
import { compileDown } from './compile-down'
import type { Operation } from '../operations/operation'
import { migrationClassName } from '../render/migration-name'
import type { MigrationPlan } from '../plan/migration-plan'

/**
 * splitAtCommits writes a plan as several migrations when a statement's effect can be used only after its
 * transaction commits (Statement.commitBeforeUse), up or down: the operations are cut, in order, where a
 * migration would otherwise hold both the statement and its use, so that every migration runs whole in one
 * transaction, in TypeORM's default `all` mode too. A plan that needs no cut comes back alone and unchanged.
 * The parts take the timestamps `plan.timestamp`, `+ 1`...; the last keeps the plan's name, warnings and
 * phase, the first is `<Name>EnumValues` when it only alters enum types (else the parts are `<Name>Step<n>`).
 * `before` is the schema the plan starts from.
 */
export function splitAtCommits(plan: MigrationPlan, before: SchemaModel, dialect: Pick<Dialect, 'compile' | 'quoteIdent'>): MigrationPlan[] {
  if (!needsCommit(plan.upStatements) && !needsCommit(plan.downStatements)) return [plan]
  const parts = cutAtCommits(changeSetOf(before, plan.up), dialect)
  if (parts.length === 1) return [plan]
  const names = partNames(plan.name, parts.map((p) => p.ops))
  const classes = names.map((name, i) => migrationClassName(name, plan.timestamp + i))
  const reasons = [...new Set([...plan.upStatements, ...plan.downStatements].flatMap((s) => (s.commitBeforeUse === undefined ? [] : [s.commitBeforeUse])))]
  const last = parts.length - 1
  return parts.map((part, i): MigrationPlan => {
    const { phase, ...rest } = plan
    return {
      ...rest,
      name: names[i]!,
      timestamp: plan.timestamp + i,
      up: part.ops,
      upStatements: part.upStatements,
      downStatements: part.downStatements,
      warnings: i === last ? plan.warnings : [],
      hazards: (plan.hazards ?? []).filter((h) =>
        h.operation === undefined ? i === last : part.ops.includes(h.operation) || (i === last && !plan.up.includes(h.operation))),
      ...(i === last && phase !== undefined && { phase }),
      part: { number: i + 1, classes, reasons },
    }
  })
}

interface Part {
  readonly ops: readonly Operation[]
  readonly upStatements: readonly Statement[]
  readonly downStatements: readonly Statement[]
}

/** cutAtCommits groups the operations greedily: an operation starts a new group when the group would need a commit inside. */
function cutAtCommits(changes: ChangeSet, dialect: Pick<Dialect, 'compile' | 'quoteIdent'>): Part[] {
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

function compiled(changes: ChangeSet, dialect: Pick<Dialect, 'compile' | 'quoteIdent'>): Part {
  return {
    ops: changes.ops,
    upStatements: dialect.compile(changes),
    downStatements: compileDown(dialect, changes),
  }
}

function needsCommit(statements: readonly Statement[]): boolean {
  return statements.some((s) => s.commitBeforeUse !== undefined)
}

function partNames(name: string, parts: readonly (readonly Operation[])[]): string[] {
  const last = parts.length - 1
  if (parts.length === 2 && parts[0]!.every((op) => op.kind === 'alter_enum')) return [`${name}EnumValues`, name]
  return parts.map((_, i) => (i === last ? name : `${name}Step${i + 1}`))
}
