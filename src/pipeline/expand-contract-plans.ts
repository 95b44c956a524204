import type { MigrationPlan } from '../render/migration-plan'
import { migrationClassName } from '../render/migration-name'
import { describeMove } from '../strategy/moved-column'
import type { Comparison } from './compare-project'
import type { ExpandContractPlan, Phase } from './expand-contract-phases'

/** ExpandContractPlans are the two migrations of a split change. */
export interface ExpandContractPlans {
  readonly expand: MigrationPlan
  readonly contract: MigrationPlan
}

/**
 * expandContractPlans names the two halves of a split change as migrations: `<Name>Expand` at `timestamp`
 * and `<Name>Contract` at `timestamp + 1`, so that TypeORM runs them in that order.
 */
export function expandContractPlans(comparison: Comparison, planned: ExpandContractPlan, name: string, timestamp: number): ExpandContractPlans {
  const { phases, split } = planned
  if (phases === undefined) throw new Error('expand-contract: the change was not split')
  const names = { expand: `${name}Expand`, contract: `${name}Contract` }
  const classes = { expand: migrationClassName(names.expand, timestamp), contract: migrationClassName(names.contract, timestamp + 1) }
  const moves = split.moved.map(describeMove)
  const plan = (step: 'expand' | 'contract', phase: Phase, at: number, warnings: readonly string[]): MigrationPlan => ({
    name: names[step],
    timestamp: at,
    up: phase.ops,
    upStatements: phase.upStatements,
    downStatements: phase.downStatements,
    warnings: [...warnings, ...phase.warnings],
    hazards: phase.hazards,
    phase: { step, partner: step === 'expand' ? classes.contract : classes.expand, moves },
  })
  return {
    expand: plan('expand', phases.expand, timestamp, [...comparison.warnings, ...split.keptInPlace]),
    contract: plan('contract', phases.contract, timestamp + 1, []),
  }
}
