import type { SchemaModel } from '../model/schema-model'
import { contractOperations } from '../strategy/expand-contract'
import { type MovedColumn, tableIn } from '../strategy/moved-column'
import { UserError } from '../source/user-error'
import type { MigrationPlan } from '../plan/migration-plan'
import { type PhaseInput, phase } from './expand-contract-phases'
import type { ExpandRecord } from './expand-contract-record'

/** ContractPlan is the contract migration of applied expand migrations, compiled, with what it moves. */
export interface ContractPlan {
  readonly plan: MigrationPlan
  /** The expand migrations it finishes. */
  readonly finishes: readonly ExpandRecord[]
  readonly moved: readonly MovedColumn[]
}

/** ContractInput is what planning the contract reads: the comparison's database, entities and connection, and the expands. */
export interface ContractInput extends Pick<PhaseInput, 'actual' | 'dialect' | 'connection' | 'declared'> {
  readonly desired: SchemaModel
  readonly expands: readonly ExpandRecord[]
}

/**
 * planContract plans the contract migration of the applied expand migrations `expands`, from the database
 * as expand left it to the entities: the pairs of old and new columns come from the expands' records (the
 * diff cannot tell that `score__new` becomes `score`, or that `body` is copied into `content`).
 */
export async function planContract(input: ContractInput): Promise<ContractPlan> {
  const moved = input.expands.flatMap((expand) => expand.moves.map((move) => movedColumn(input, expand, move)))
  const { contract, temporaryRenames } = contractOperations(moved, input.actual, input.desired, input.dialect.capabilities)
  const internal = new Set(temporaryRenames)
  return {
    plan: await phase(input, contract, input.actual, (f) => !(f.code === 'RENAME' && internal.has(f.operation))),
    finishes: input.expands,
    moved,
  }
}

function movedColumn(input: ContractInput, expand: ExpandRecord, move: ExpandRecord['moves'][number]): MovedColumn {
  const columns = tableIn(input.actual, move.table)?.columns ?? []
  const missing = [move.oldName, move.added].filter((name) => !columns.some((c) => c.name === name))
  if (missing.length > 0) {
    throw new UserError(
      `the database lacks ${missing.map((m) => `"${move.table.name}"."${m}"`).join(' and ')}, which the expand migration ${expand.migration} ` +
      'keeps or adds: bring the database back to where expand left it (downgrade or upgrade), then generate the contract again',
    )
  }
  const wanted = tableIn(input.desired, move.table)?.columns.find((c) => c.name === move.name)
  if (wanted === undefined) {
    throw new UserError(
      `the entities no longer declare "${move.table.name}"."${move.name}", which the expand migration ${expand.migration} moves a column into: ` +
      'declare it as expand was generated, or revert expand (downgrade) and generate again',
    )
  }
  return { kind: move.kind, table: move.table, oldName: move.oldName, added: move.added, wanted, replaces: [] }
}

/**
 * refuseEarlyContract stops the contract step unless some expand migration awaits its contract and every
 * such migration is applied: contract drops the old columns, which the code running before expand reads.
 */
export function refuseEarlyContract(open: readonly ExpandRecord[], applied: ReadonlySet<string>, migrationsDir: string): void {
  if (open.length === 0) {
    throw new UserError(
      `no expand migration in ${migrationsDir} awaits a contract (none is there, or each has its contract written already): ` +
      'write one with `typeorm-autogen generate <Name> --strategy expand-contract`',
    )
  }
  const notApplied = open.filter((r) => !applied.has(r.migration)).map((r) => r.migration)
  if (notApplied.length > 0) {
    throw new UserError(
      `the expand migration ${notApplied.join(', ')} is not applied yet: run \`typeorm-autogen upgrade\` and deploy the code that uses ` +
      'the new columns first, then generate the contract',
    )
  }
}

/** contractDueText says that applied expand migrations await their contract, and how to write it. */
export function contractDueText(expands: readonly string[]): string {
  return `the expand migration ${expands.join(', ')} is applied and its contract is due: once the code using the new columns runs ` +
    'everywhere, write it with `typeorm-autogen generate <Name> --contract`'
}
