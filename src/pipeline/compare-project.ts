import type { Dialect } from '../dialect/dialect'
import { dialectFor } from '../dialect/dialect-for'
import type { Statement } from '../dialect/statement'
import type { RenameDecision } from '../diff/rename-types'
import { qualifiedKey } from '../model/qualified-name'
import type { SchemaModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { compileDown } from './compile-down'
import type { LoadedProject } from '../source/load-config'
import { readEntities } from '../source/entity-metadata'
import { type DeclaredFacts, declaredFactsOf, driverTypeMeaning, meaningOf } from '../source/declared-facts'
import { declaredFactChanges } from '../source/declared-fact-changes'
import { primaryKeyOrderWarnings } from '../diff/primary-key-order'
import { findHazards } from '../hazards/find-hazards'
import { declarationConflictHazards } from '../hazards/declaration-rules'
import type { Hazard } from '../hazards/hazard'
import { type Warning, warningsOf } from '../hazards/warning'
import { readEntitiesSnapshot, sameDeclaredFacts } from './entities-snapshot'
import { type ContractPlan, contractDueText, planContract, refuseEarlyContract } from './expand-contract-finish'
import { openExpands } from './expand-contract-record'
import { ignoredTables } from './ignored-tables'
import { withoutSkippedIndexes } from './leave-alone'
import { type ExpandContractPlan, type MigrationStrategy, planExpandContract } from './expand-contract-phases'
import { measureHazards } from './measure-hazards'
import { refuseNoEntities } from './no-entities-guard'
import { snapshotHazards } from './snapshot-hazards'
import { type MigrationHistory, historyWarnings, migrationHistory, refuseUnapplied } from './unapplied-migrations'
import { type RenameOptions, type UnresolvedRename, resolveRenames } from './resolve-renames'

/** CompareOptions decide renames (see RenameOptions) and whether to plan the change as expand and contract too. */
export interface CompareOptions extends RenameOptions {
  /** Stop with a UserError when the project's and the database's migrations differ (`generate`). */
  readonly refuseUnappliedMigrations?: boolean
  /** `expand-contract` also splits the change into two migrations (Comparison.expandContract). Default `direct`. */
  readonly strategy?: MigrationStrategy
}

/** Comparison is what the entities and the database disagree on, planned as operations and SQL both ways. */
export interface Comparison {
  readonly dialect: Dialect
  readonly actual: SchemaModel
  readonly desired: SchemaModel
  readonly up: readonly Operation[]
  readonly upStatements: readonly Statement[]
  readonly downStatements: readonly Statement[]
  readonly warnings: readonly Warning[]
  /** What may go wrong running `up`, with the affected data counted on the live database (see src/hazards). */
  readonly hazards: readonly Hazard[]
  /** Renames carried out (decorator, flag or prompt): each is a RENAME in `up`, keeping the rows. */
  readonly renames: readonly RenameDecision[]
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
  /** The migrations folder's entities.snapshot.json exists and means other facts than `declaredFacts` (spelling aside). */
  readonly snapshotOutdated: boolean
  /** The project's and the database's migrations. */
  readonly history: MigrationHistory
}

/**
 * compareProject reads the entities and the live database of a loaded project, diffs them and compiles the
 * result. It only reads: the database connection is read-only.
 */
export async function compareProject(project: LoadedProject, options: CompareOptions = {}): Promise<Comparison> {
  const { dataSource, settings } = project
  const dialect = dialectFor(dataSource.options)
  const entities = await readEntities(dataSource)
  const ignore = [...ignoredTables(dataSource, settings), ...entities.skippedTables.map((t) => t.name)]
  const normalized = dialect.normalize(entities.model, dataSource.options)
  const wanted = { ...normalized, tables: normalized.tables.filter((t) => !ignore.includes(t.name)) }
  const wantedKeys = new Set(wanted.tables.map(qualifiedKey))
  const declaredFacts = declaredFactsOf(dataSource.entityMetadatas, (table) => wantedKeys.has(qualifiedKey(table)))
  const snapshot = readEntitiesSnapshot(project.migrationsDir)
  const meant = (facts: DeclaredFacts) => meaningOf(facts, driverTypeMeaning(dataSource.driver))

  const connection = await dialect.connect(dataSource.options)
  try {
    const schemas = dialect.capabilities.schemas ? wanted.schemas : undefined
    const introspected = await dialect.introspect(connection, { schemas, ignoreTables: ignore })
    const actual = withoutSkippedIndexes(introspected, entities.skippedIndexes)
    refuseNoEntities(dataSource, actual)
    const desired = dialect.reconcile ? await dialect.reconcile(wanted, actual, connection) : wanted
    const queryCount = connection.queryCount
    const history = await migrationHistory(dataSource, project.migrationsDir, dialect, connection)
    const open = openExpands(project.migrationsDir)
    const applied = new Set(history.applied)
    if (options.strategy === 'contract') refuseEarlyContract(open, applied, project.migrationsDir)
    const contractDue = open.filter((r) => applied.has(r.migration))
    if (options.refuseUnappliedMigrations === true) refuseUnapplied(history)

    // keepDatabaseNames: an index, constraint or enum type that differs only in its name keeps the database's.
    const capabilities = settings.keepDatabaseNames === true ? { ...dialect.capabilities, renamesInPlace: false } : dialect.capabilities
    const renamed = await resolveRenames(actual, desired, capabilities, entities.renameHints, dataSource.entityMetadatas, options)
    const up = renamed.ops
    const upStatements = dialect.compile(up, actual)
    // The hazards' data is counted through the same read-only connection, before it closes.
    const findings = findHazards({
      ops: up, before: actual, statements: upStatements, dialect, declared: entities.model, suspectedRenames: renamed.unresolved,
    })
    const measured = await measureHazards(findings, dialect, connection)
    const expandContract = options.strategy === 'expand-contract'
      ? await planExpandContract({ up, actual, findings, dialect, connection, declared: entities.model })
      : undefined
    const contract = options.strategy === 'contract'
      ? await planContract({ actual, desired, dialect, connection, declared: entities.model, expands: contractDue })
      : undefined
    return {
      dialect,
      actual,
      desired,
      up,
      upStatements,
      downStatements: compileDown(dialect, up, actual),
      warnings: [
        ...historyWarnings(history),
        ...warningsOf('CONTRACT_DUE', contractDue.length > 0 && options.strategy !== 'contract' ? [contractDueText(contractDue.map((r) => r.migration))] : []),
        ...warningsOf('NOT_DIFFED', entities.warnings),
        ...renamed.warnings,
        ...warningsOf('PRIMARY_KEY_ORDER', primaryKeyOrderWarnings(actual, desired)),
        ...warningsOf('NOT_COUNTED', measured.warnings),
        ...warningsOf('SNAPSHOT_UNREADABLE', snapshot.kind === 'unreadable' ? [snapshot.warning] : []),
      ],
      hazards: [
        ...declarationConflictHazards(entities.conflicts.filter((c) => !ignore.includes(c.table.name))),
        ...measured.hazards,
        ...(snapshot.kind === 'read' ? snapshotHazards(declaredFactChanges(meant(snapshot.facts), meant(declaredFacts)), up, actual) : []),
      ],
      renames: renamed.renames,
      suspectedRenames: renamed.unresolved,
      queryCount,
      ...(expandContract !== undefined && { expandContract }),
      ...(contract !== undefined && { contract }),
      contractDue: contractDue.map((r) => r.migration),
      declaredFacts,
      snapshotOutdated: snapshot.kind === 'read' && !sameDeclaredFacts(meant(snapshot.facts), meant(declaredFacts)),
      history,
    }
  } finally {
    await connection.close()
  }
}
