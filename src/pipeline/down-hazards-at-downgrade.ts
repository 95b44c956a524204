import { dialectFor } from '../dialect/dialect-for'
import { readDownHazardRecord } from '../hazards/down-hazard-record'
import { type Hazard, hazardCodes, hazardSeverity } from '../hazards/hazard'
import { hazardLine } from '../render/hazard-text'
import type { LoadedProject } from '../source/load-config'
import { migrationFilesIn } from '../source/migration-files'
import { measureHazards } from './measure-hazards'
import { isShown, type Shown } from './shown-findings'

/** DownHazardsNow are the hazards of the `down` of the migrations a downgrade reverts, counted on the live database. */
export interface DownHazardsNow {
  /** Per migration, latest first, the hazards of its `down` that rows stand in the way of, or that could not be counted. */
  readonly migrations: readonly { readonly migration: string; readonly hazards: readonly Hazard[] }[]
  /** Why counting failed, where it did (see measureHazards). */
  readonly warnings: readonly string[]
}

/**
 * downHazardsNow counts, on the project's database as it is before `downgrade` runs `toRevert` (latest first), the
 * hazards of their `down` that their files record (see downHazardRecordLine) and `shown` shows, through a read-only
 * connection of its own. A hazard whose count found nothing in the whole table is left out: nothing stands in the
 * way. The migrations reverted after the first are counted before any `down` runs, on the schema the first leaves
 * alone: where it changes what they read, the count fails and the hazard is listed without it.
 */
export async function downHazardsNow(project: LoadedProject, toRevert: readonly string[], shown: Shown): Promise<DownHazardsNow> {
  const order = new Map(toRevert.map((name, i) => [name, i]))
  const recorded = migrationFilesIn(project.migrationsDir, project.migrationsInSubfolders)
    .flatMap(({ name, source }) => (name === undefined || !order.has(name) ? [] : [{
      migration: name,
      findings: readDownHazardRecord(source)
        .filter((r) => hazardCodes.includes(r.code) && isShown({ code: r.code, severity: hazardSeverity[r.code] }, shown)),
    }]))
    .filter((r) => r.findings.length > 0)
    .sort((a, b) => order.get(a.migration)! - order.get(b.migration)!)
  if (recorded.length === 0) return { migrations: [], warnings: [] }
  const dialect = dialectFor(project.dataSource.options)
  const connection = await dialect.connect(project.dataSource.options)
  try {
    const migrations = []
    const warnings = []
    for (const { migration, findings } of recorded) {
      const measured = await measureHazards(findings, dialect, connection)
      const hazards = measured.hazards.filter((h) => h.measurement === undefined || h.measurement.count > 0 || !h.measurement.complete)
      if (hazards.length > 0) migrations.push({ migration, hazards })
      warnings.push(...measured.warnings)
    }
    return { migrations, warnings }
  } finally {
    await connection.close()
  }
}

/** downHazardLines writes the hazards of the `down` about to run, one line each: `<Migration> down: <CODE> (<severity>): <message>`. */
export function downHazardLines(now: DownHazardsNow): string[] {
  return now.migrations.flatMap(({ migration, hazards }) => hazards.map((h) => `${migration} down: ${hazardLine(h)}`))
}
