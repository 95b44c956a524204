import { warningsOf } from '../hazards/warning'
import type { DatabaseConnection, Dialect } from '../dialect/dialect'
import type { Probe } from '../dialect/probe'
import { findHazards } from '../hazards/find-hazards'
import type { HazardCode } from '../hazards/hazard'
import type { HazardFinding } from '../hazards/hazard-finding'
import type { SchemaModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { planDown } from './planned-down'
import { changeSetOf } from '../plan/change-set'
import { type MigrationPlan, pendingPlan } from '../plan/migration-plan'
import { type ExpandContract, splitExpandContract } from '../strategy/expand-contract'
import { tableIn } from '../strategy/moved-column'
import { measureHazards } from './measure-hazards'

/**
 * ExpandContractPlan is a change split in two, with the expand migration compiled; `expand` is undefined when
 * nothing moves. The contract migration is planned later, once expand is applied (see expand-contract-finish.ts).
 */
export interface ExpandContractPlan {
  readonly split: ExpandContract
  readonly expand?: MigrationPlan
}

/** PhaseInput is what planning the phases reads; the connection is the comparison's read-only one, still open. */
export interface PhaseInput {
  readonly up: readonly Operation[]
  readonly actual: SchemaModel
  /** The direct migration's hazard findings: they say which type changes are risky. */
  readonly findings: readonly HazardFinding[]
  readonly dialect: Dialect
  readonly connection: DatabaseConnection
  readonly declared?: SchemaModel
}

const riskyTypeChanges: ReadonlySet<HazardCode> = new Set(['TYPE_NARROWING', 'TYPE_CAST_MAY_FAIL', 'TYPE_CHANGE_REWRITE'])

/**
 * planExpandContract splits the direct migration (see splitExpandContract) and compiles its expand half from
 * the database as it is.
 */
export async function planExpandContract(input: PhaseInput): Promise<ExpandContractPlan> {
  const risky = new Set(input.findings.filter((f) => riskyTypeChanges.has(f.code)).map((f) => f.operation))
  const split = splitExpandContract(input.up, input.actual, (op) => risky.has(op), {
    columnNamesIgnoreCase: input.dialect.capabilities.columnNamesIgnoreCase === true,
  })
  if (split.contract.length === 0) return { split }
  return { split, expand: await phase(input, split.expand, input.actual, () => true) }
}

/**
 * phase plans one of the two migrations: `ops` from `before` compiled both ways, with the hazards `keep`
 * keeps counted on today's data where they read columns that exist today (the rest listed without counts),
 * and the warnings from counting them.
 */
export async function phase(
  input: Pick<PhaseInput, 'actual' | 'dialect' | 'connection' | 'declared'>,
  ops: readonly Operation[],
  before: SchemaModel,
  keep: (f: HazardFinding) => boolean,
): Promise<MigrationPlan> {
  const { dialect } = input
  const changes = changeSetOf(before, ops)
  const upStatements = dialect.compile(changes)
  const findings = findHazards({ changes, statements: upStatements, dialect, declared: input.declared })
    .filter(keep)
    .map((f) => (f.probe === undefined || readable(f.probe, input.actual) ? f : withoutProbe(f)))
  const measured = await measureHazards(findings, dialect, input.connection)
  return pendingPlan({
    up: ops,
    upStatements,
    ...planDown(dialect, changes),
    hazards: measured.hazards,
    warnings: warningsOf('NOT_COUNTED', measured.warnings),
  })
}

/** readable says whether the database holds what a probe reads (contract's probes may name columns expand adds). */
function readable(probe: Probe, actual: SchemaModel): boolean {
  const table = tableIn(actual, probe.table)
  if (table === undefined) return false
  const columns = 'column' in probe ? [probe.column, ...('by' in probe ? [probe.by] : [])] : 'columns' in probe ? probe.columns : []
  return columns.every((c) => table.columns.some((column) => column.name === c))
}

function withoutProbe(finding: HazardFinding): HazardFinding {
  const { probe: _probe, ...rest } = finding
  return rest
}
