import { arrayColumnWarnings } from './array-columns'
import { identityColumnWarnings } from './identity-columns'
import type { DatabaseConnection, Dialect } from '../dialect/dialect'
import type { SchemaModel } from '../model/schema-model'
import type { LoadedProject } from '../source/load-config'
import type { DeclaredFacts } from '../source/declared-facts'
import { driverTypeMeaning, meaningOf } from '../source/declared-facts'
import { declaredFactChanges } from '../source/declared-fact-changes'
import { simpleArrayConversions } from './simple-array-conversions'
import { primaryKeyOrderWarnings } from '../diff/primary-key-order'
import { declarationConflictHazards } from '../hazards/declaration-rules'
import { enumDeclarationConflictHazards } from '../hazards/enum-declaration-rules'
import type { MigrationPlan } from '../plan/migration-plan'
import { sameDeclaredFacts, staleSnapshotWarning } from './entities-snapshot'
import { type ContractPlan, contractDueText } from './expand-contract-finish'
import type { ExpandContractPlan } from './expand-contract-phases'
import type { MigrationStrategy } from './migration-strategy'
import { measureChanges } from './measure-changes'
import { planChanges } from './plan-changes'
import { readProject } from './read-project'
import { warningsOf } from '../hazards/warning'
import { snapshotHazards } from './snapshot-hazards'
import { type MigrationHistory, atLastMigration, historyWarnings } from './unapplied-migrations'
import type { RenameOptions, UnresolvedRename } from './resolve-renames'

/** CompareOptions decide renames (see RenameOptions) and whether to plan the change as expand and contract too. */
export interface CompareOptions extends RenameOptions {
  /** Stop with a UserError when the project's and the database's migrations differ, or a foreign key references a table the database lacks and the migration would not make (`generate`). */
  readonly refuseUnappliedMigrations?: boolean
  /** `expand-contract` also splits the change into two migrations (Comparison.expandContract). Default `direct`. */
  readonly strategy?: MigrationStrategy
  /** Write the changes to existing tables in their online forms (see inOnlineForms); refused where the database has none. */
  readonly online?: boolean
  /** Opens the connection the database is read through; by default the dialect's read-only one to the DataSource's database. */
  readonly connect?: () => Promise<DatabaseConnection>
  /**
   * false: list the hazards without counting their data, for a database whose rows are not the user's (a
   * scratch database built from the migrations), where a count would say that a drop loses nothing.
   */
  readonly countRows?: boolean
}

/**
 * Comparison is what the entities and the database disagree on: the direct migration's plan, pending a name
 * (`up`, SQL both ways, hazards with their data counted on the live database, warnings, renames), with what
 * was read to plan it.
 */
export interface Comparison extends MigrationPlan {
  readonly dialect: Dialect
  readonly actual: SchemaModel
  readonly desired: SchemaModel
  readonly hazards: NonNullable<MigrationPlan['hazards']>
  readonly renames: NonNullable<MigrationPlan['renames']>
  /** Suspected renames nobody decided: `up` drops and adds them. `generate` stops on them. */
  readonly suspectedRenames: readonly UnresolvedRename[]
  /** Catalog queries issued while reading the database. */
  readonly queryCount: number
  /** With strategy `expand-contract`: the change split in two (see src/strategy). */
  readonly expandContract?: ExpandContractPlan
  /** With strategy `contract`: the contract migration of the applied expand migrations. */
  readonly contract?: ContractPlan
  /**
   * Class names of the applied expand migrations whose contract migration is not written yet: the diff
   * holds the contract's changes, which only `generate <Name> --contract` writes without losing rows.
   */
  readonly contractDue: readonly string[]
  /** What the entities declare that the database may not keep (types as written, transformers, sizes). */
  readonly declaredFacts: DeclaredFacts
  /** The migrations folder's entities.snapshot.json cannot be read, or means other facts than `declaredFacts` (spelling aside). */
  readonly snapshotOutdated: boolean
  /** The project's and the database's migrations. */
  readonly history: MigrationHistory
}

/**
 * compareProject compares a loaded project's entities with its live database in three steps: read (the
 * entities, the database through a read-only connection, the migrations), plan (renames, diff, compile,
 * hazards: pure but for the rename questions), measure (count the hazards' data on that connection).
 */
export async function compareProject(project: LoadedProject, options: CompareOptions = {}): Promise<Comparison> {
  const read = await readProject(project, options)
  const meant = (facts: DeclaredFacts) => meaningOf(facts, driverTypeMeaning(project.dataSource.driver))
  try {
    const planned = await planChanges(project, read, options)
    const measured = await measureChanges(read, planned, options)
    const { dialect, actual, desired, entities, history, snapshot, declaredFacts, ignore } = read
    const { renamed } = planned
    const up = planned.changes.ops
    const contractDue = read.contractDue
    const stale = atLastMigration(history) ? staleSnapshotWarning(snapshot, history.applied) : []
    // The snapshot is the entities of the folder's last migration: it says what the database was declared as only there.
    const factChanges = snapshot.kind === 'read' && atLastMigration(history) && stale.length === 0
      ? declaredFactChanges(meant(snapshot.facts), meant(declaredFacts))
      : []
    return {
      name: 'Pending',
      timestamp: 0,
      dialect,
      actual,
      desired,
      up,
      upStatements: planned.upStatements,
      downStatements: planned.downStatements,
      downHazards: planned.downHazards,
      warnings: [
        ...historyWarnings(history),
        ...warningsOf('CONTRACT_DUE', contractDue.length > 0 && options.strategy !== 'contract' ? [contractDueText(contractDue.map((r) => r.migration))] : []),
        ...warningsOf('NOT_DIFFED', [
          ...entities.warnings,
          ...read.reconcileWarnings,
          ...arrayColumnWarnings(entities.model, dialect.capabilities),
          ...identityColumnWarnings(entities.model, dialect.capabilities),
        ]),
        ...renamed.warnings,
        ...warningsOf('PRIMARY_KEY_ORDER', primaryKeyOrderWarnings(actual, desired)),
        ...warningsOf('NOT_COUNTED', measured.warnings),
        ...warningsOf('SNAPSHOT_UNREADABLE', snapshot.kind === 'unreadable' ? [snapshot.warning] : []),
        ...warningsOf('SNAPSHOT_STALE', stale),
      ],
      hazards: [
        ...declarationConflictHazards(entities.conflicts.filter((c) => !ignore.includes(c.table.name))),
        ...enumDeclarationConflictHazards(desired),
        ...measured.hazards,
        ...snapshotHazards(factChanges, up, actual),
        ...simpleArrayConversions(factChanges, up),
      ],
      renames: renamed.renames,
      suspectedRenames: renamed.unresolved,
      queryCount: read.queryCount,
      ...(measured.expandContract !== undefined && { expandContract: measured.expandContract }),
      ...(measured.contract !== undefined && { contract: measured.contract }),
      contractDue: contractDue.map((r) => r.migration),
      declaredFacts,
      snapshotOutdated: snapshot.kind === 'unreadable' || snapshot.kind === 'read' && (stale.length > 0 || !sameDeclaredFacts(meant(snapshot.facts), meant(declaredFacts))),
      history,
    }
  } finally {
    await read.connection.close()
  }
}
