import type { DataSourceOptions } from 'typeorm'
import { planViews } from '../diff/view-dependents'
import { qualifiedKey } from '../model/qualified-name'
import type { Operation } from '../operations/operation'
import { recreatedViewDrops } from '../operations/recreated-views'
import type { DatabaseConnection, Dialect } from '../dialect/dialect'
import { dialectAtServer, dialectFor } from '../dialect/dialect-for'
import { emptySchema, type SchemaModel } from '../model/schema-model'
import { changeSetOf } from '../plan/change-set'
import { type MigrationPlan, pendingPlan } from '../plan/migration-plan'
import { type SummaryEntry, summarizeChanges } from '../render/change-summary'
import { withFailingStatement } from '../runner/failing-statement'
import { failedOnMissingTable, missingBaselineAdvice } from '../runner/missing-baseline'
import { applyPending } from '../runner/migration-runner'
import { migrationNameOf } from '../source/migration-name'
import type { CheckFinding } from '../hazards/check-finding'
import { type ScratchProject, withScratchDatabase } from '../runner/scratch-database'
import { entitySchemaNames } from '../source/entity-schemas'
import type { LoadedProject } from '../source/load-config'
import { UserError, messageOf } from '../source/user-error'
import { compileDown } from './compile-down'
import { ignoredTables } from './ignored-tables'
import { appliedMigrationNames } from './unapplied-migrations'
import { resolveRenames } from './resolve-renames'

/**
 * Drift is how the live database differs from the schema its applied migrations build: the changes made to
 * it by hand as a plan (what a migration adopting them would run) and as findings, one sentence each.
 */
export interface Drift {
  readonly plan: MigrationPlan
  readonly findings: readonly CheckFinding[]
}

/**
 * compareDrift reads which migrations the live database applied (read-only), applies those to a scratch
 * database, and diffs the two schemas; the entities play no part. It never writes to the live database. An
 * applied migration the project lacks is a UserError, since the schema it made cannot be built.
 * `builtFrom` says which migrations the scratch database applies, given those the live one applied: `stamp`
 * asks whether the database is at a migration it has not applied yet, or at none (`stamp base`).
 */
export async function compareDrift(
  project: LoadedProject, shadowUrl: string | undefined, builtFrom: (applied: readonly string[]) => readonly string[] = (applied) => applied, reference?: DriftReference,
): Promise<Drift> {
  const { options } = project.dataSource
  const live = await dialectFor(options).connect(options)
  try {
    const dialect = await dialectAtServer(dialectFor(options), live)
    const applied = new Set(builtFrom(await appliedMigrationNames(project.dataSource, dialect, live)))
    return await withScratchDatabase(project, shadowUrl, async (scratch) => {
      const known = scratch.dataSource.migrations.filter((m) => applied.has(migrationNameOf(m)))
      refuseUnknown([...applied], known.map(migrationNameOf))
      Object.assign(scratch.dataSource, { migrations: known })
      await applyPending(scratch.dataSource).catch((err: unknown) => {
        throw failedOnScratch(withFailingStatement(err), scratch.dataSource.options)
      })
      const built = await scratch.connect()
      try {
        const [fromMigrations, actual] = await readBoth(scratch, dialect, built, live)
        const plan = await driftPlan(fromMigrations, actual, dialect)
        return { plan, findings: driftFindings(summarizeChanges(withoutRecreatedViews(plan.up)), reference) }
      } finally {
        await built.close()
      }
    })
  } finally {
    await live.close()
  }
}

/**
 * failedOnScratch words a migration's failure as what it is here: the scratch database could not be built, while the
 * Database line names the live one, where the user would otherwise look for the migration that failed.
 */
function failedOnScratch(err: unknown, options: DataSourceOptions): unknown {
  const advice = failedOnMissingTable(err, options) ? missingBaselineAdvice : "a new environment's first upgrade would fail there too: make that migration run on a new database"
  return new UserError(`building the migrations on a new database (a scratch one; the live database is not changed) failed, so the live database cannot be compared with what they build: ${messageOf(err)}; ${advice}`, { cause: err })
}

function refuseUnknown(applied: readonly string[], known: readonly string[]): void {
  const unknown = applied.filter((name) => !known.includes(name))
  if (unknown.length === 0) return
  const them = unknown.length === 1 ? 'it' : 'them'
  throw new UserError(`the live database applied ${unknown.join(', ')}, which the migrations folder lacks, so the schema the migrations build is unknown: switch branch or pull to get ${them}, then check --drift again`)
}

/**
 * readBoth introspects the scratch and the live database alike: the schemas the entities name, TypeORM's tables
 * and the ignored ones left out. The entities are not read otherwise: what they declare plays no part in drift.
 */
async function readBoth(scratch: ScratchProject, dialect: Dialect, built: DatabaseConnection, live: DatabaseConnection): Promise<[SchemaModel, SchemaModel]> {
  const { dataSource, project } = scratch
  const named = { ...emptySchema, schemas: entitySchemaNames(dataSource) }
  const schemas = dialect.capabilities.schemas ? dialect.normalize(named, dataSource.options).schemas : undefined
  const scope = { schemas, ignoreTables: ignoredTables(dataSource, project.settings) }
  return [await dialect.introspect(built, scope), await dialect.introspect(live, scope)]
}

/** driftPlan is what a migration adopting the hand-made changes would run: from the migrations' schema to the live one. */
async function driftPlan(built: SchemaModel, live: SchemaModel, dialect: Dialect): Promise<MigrationPlan> {
  const fromMigrations = dialect.alignWithLive ? dialect.alignWithLive(built, live) : built
  const renamed = await resolveRenames(fromMigrations, live, dialect.capabilities, [], [])
  const changes = changeSetOf(fromMigrations, planViews(renamed.ops, fromMigrations, live, dialect))
  return pendingPlan({ up: changes.ops, upStatements: dialect.compile(changes), downStatements: compileDown(dialect, changes), warnings: [] })
}

/**
 * withoutRecreatedViews leaves out the views `ops` drop only to create them again as they were, around a change of
 * what they read (a SQLite rebuild, a PostgreSQL type change): the live database has them as the migrations made
 * them, so they are no drift of their own.
 */
function withoutRecreatedViews(ops: readonly Operation[]): Operation[] {
  const unchanged = new Set(recreatedViewDrops(ops).map((op) => qualifiedKey(op.view)))
  return ops.filter((op) => !((op.kind === 'drop_view' || op.kind === 'create_view') && unchanged.has(qualifiedKey(op.view))))
}

/**
 * DriftReference is what the live database is compared with where that is not the migrations it applied: `stamp`'s
 * target, the migrations up to `upTo` (none for base), whatever it applied.
 */
export interface DriftReference {
  /** The target's name, or `base`. */
  readonly upTo: string
}

/**
 * driftFindings words each changed object, or each changed part of a table, as what the live database has that no
 * migration made (or, given a `reference`, that the migrations up to it do not make).
 */
export function driftFindings(entries: readonly SummaryEntry[], reference?: DriftReference): CheckFinding[] {
  return entries.flatMap((entry) => {
    const whole = entry.headline.slice(2)
    if (entry.change !== 'alter' || entry.details.length === 0) return [{ code: 'DRIFT', message: sentence(entry.headline.charAt(0), whole, '', reference) }]
    return entry.details.map((detail) => ({ code: 'DRIFT', message: sentence(detail.charAt(0), detail.slice(2), ` on ${entry.object} "${entry.name}"`, reference) }))
  })
}

function sentence(sign: string, what: string, where: string, reference: DriftReference | undefined): string {
  if (reference?.upTo === 'base') return `the live database has ${what}${where}, which base, where no migration has run, lacks`
  const migrations = reference === undefined ? 'the migrations' : `the migrations up to ${reference.upTo}`
  if (sign === '+') return `the live database has ${what}${where} that ${reference === undefined ? 'no migration created' : `${migrations} do not create`}`
  if (sign === '-') return `the live database lacks ${what}${where} that ${migrations} create`
  return `the live database has ${what}${where}, ${reference === undefined ? 'changed outside the migrations' : `not as ${migrations} make it`}`
}
