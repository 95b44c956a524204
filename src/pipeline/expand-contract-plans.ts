import { type MigrationPlan, namedPlan } from '../plan/migration-plan'
import type { RecordedMove } from '../plan/migration-phase'
import { type Warning, warningsOf } from '../hazards/warning'
import { migrationClassName } from '../render/migration-name'
import { type MovedColumn, describeMove } from '../strategy/moved-column'
import type { Comparison } from './compare-project'
import type { ContractPlan } from './expand-contract-finish'
import type { ExpandContractPlan } from './expand-contract-phases'

/**
 * expandPlan names the expand half of a split change as the migration `<Name>Expand` at `timestamp`, its
 * header carrying the moves for the contract step. The contract is written later (see contractPlan).
 */
export function expandPlan(comparison: Comparison, planned: ExpandContractPlan, name: string, timestamp: number): MigrationPlan {
  const { expand, split } = planned
  if (expand === undefined) throw new Error('expand-contract: the change was not split')
  const migration = `${name}Expand`
  return {
    ...phasePlan(migration, timestamp, expand, [...comparison.warnings, ...warningsOf('KEPT_IN_PLACE', split.keptInPlace)]),
    phase: {
      step: 'expand',
      partners: [],
      moves: split.moved.map(describeMove),
      record: { step: 'expand', migration: migrationClassName(migration, timestamp), moves: split.moved.map(recordedMove) },
    },
  }
}

/** contractPlan names the contract of applied expand migrations as the migration `<Name>Contract` at `timestamp`. */
export function contractPlan(comparison: Comparison, planned: ContractPlan, name: string, timestamp: number): MigrationPlan {
  const migration = `${name}Contract`
  const finishes = planned.finishes.map((r) => r.migration)
  return {
    ...phasePlan(migration, timestamp, planned.plan, comparison.warnings),
    phase: {
      step: 'contract',
      partners: finishes,
      moves: planned.moved.map(describeMove),
      record: { step: 'contract', migration: migrationClassName(migration, timestamp), finishes },
    },
  }
}

/** phasePlan names a phase's plan, the comparison's `warnings` before those from counting its hazards. */
function phasePlan(name: string, timestamp: number, phase: MigrationPlan, warnings: readonly Warning[]): MigrationPlan {
  return namedPlan({ ...phase, warnings: [...warnings, ...phase.warnings] }, name, timestamp)
}

function recordedMove(moved: MovedColumn): RecordedMove {
  return { kind: moved.kind, table: moved.table, oldName: moved.oldName, added: moved.added, name: moved.wanted.name }
}
