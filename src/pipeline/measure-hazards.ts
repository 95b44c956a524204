import type { DatabaseConnection, Dialect } from '../dialect/dialect'
import { DEFAULT_ROW_LIMIT, type Probe } from '../dialect/probe'
import { describeHazard } from '../hazards/describe-hazard'
import type { Hazard } from '../hazards/hazard'
import type { HazardFinding } from '../hazards/hazard-finding'

/** MeasuredHazards are hazards with their data counted, and a warning when counting failed. */
export interface MeasuredHazards {
  readonly hazards: readonly Hazard[]
  readonly warnings: readonly string[]
}

/**
 * measureHazards asks the database, through the dialect and in a few read-only queries, the probes of the
 * findings, and writes each finding as a Hazard with its count. When the query fails the hazards are still
 * returned, without counts, and a warning says why: counting must not stop a migration from being written.
 */
export async function measureHazards(
  findings: readonly HazardFinding[],
  dialect: Pick<Dialect, 'measure'>,
  connection: DatabaseConnection,
  rowLimit: number = DEFAULT_ROW_LIMIT,
): Promise<MeasuredHazards> {
  const keys = new Map<string, number>()
  const probes: Probe[] = []
  for (const finding of findings) {
    if (finding.probe === undefined) continue
    const key = JSON.stringify(finding.probe)
    if (!keys.has(key)) keys.set(key, probes.push(finding.probe) - 1)
  }
  if (probes.length === 0) return { hazards: findings.map((f) => describeHazard(f)), warnings: [] }
  try {
    const results = await dialect.measure(connection, probes, { rowLimit })
    const hazards = findings.map((f) => describeHazard(f, f.probe && results[keys.get(JSON.stringify(f.probe))!], rowLimit))
    return { hazards, warnings: [] }
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    return {
      hazards: findings.map((f) => describeHazard(f)),
      warnings: [`the data behind the hazards could not be counted (${reason}); they are listed without counts`],
    }
  }
}
