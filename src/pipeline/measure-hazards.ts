import { askTogether } from '../dialect/ask-together'
import type { DatabaseConnection, Dialect } from '../dialect/dialect'
import { DEFAULT_ROW_LIMIT, type Probe, type ProbeResult } from '../dialect/probe'
import { describeHazard } from '../hazards/describe-hazard'
import type { Hazard } from '../hazards/hazard'
import type { DescribedFinding } from '../hazards/hazard-finding'

/** MeasuredHazards are hazards with their data counted, and a warning when counting failed. */
export interface MeasuredHazards {
  readonly hazards: readonly Hazard[]
  readonly warnings: readonly string[]
}

/**
 * measureHazards asks the database, through the dialect and in a few read-only queries, the probes of the
 * findings, and writes each finding as a Hazard with its count. When the query fails the hazards are still
 * returned, without counts, and a warning says why: counting must not stop a migration from being written.
 * One probe the database refuses fails the query of them all (a check naming an enum label the migration
 * adds first), so then each probe is asked alone, and only the hazards of those that fail go uncounted.
 */
export async function measureHazards(
  findings: readonly DescribedFinding[],
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
  if (probes.length === 0) return { hazards: uncountedHazards(findings), warnings: [] }
  const { results, failures } = await measureEach(probes, dialect, connection, rowLimit)
  const indexOf = (f: DescribedFinding) => f.probe === undefined ? undefined : keys.get(JSON.stringify(f.probe))!
  const found = (f: DescribedFinding) => f.onlyWhenFound !== true || (results[indexOf(f)!]?.count ?? 0) > 0
  const hazards = findings.filter(found).map((f) => describeHazard(f, f.probe && results[indexOf(f)!], rowLimit))
  if (failures.size === 0) return { hazards, warnings: [] }
  const uncounted = new Set(findings.filter((f) => failures.has(indexOf(f)!) && f.onlyWhenFound !== true).map((f) => f.code))
  const which = failures.size === probes.length ? 'the hazards' : [...uncounted].join(', ')
  const reasons = [...new Set(failures.values())].join('; ')
  return { hazards, warnings: [`the data behind ${which} could not be counted (${reasons}); they are listed without counts`] }
}

/** uncountedHazards are the hazards of `findings` with no data counted: those shown only where rows are found are left out. */
export function uncountedHazards(findings: readonly DescribedFinding[]): Hazard[] {
  return findings.filter((f) => f.onlyWhenFound !== true).map((f) => describeHazard(f))
}

/** ProbeAnswer is a probe's result, or the database's reason for refusing it. */
interface ProbeAnswer {
  readonly result?: ProbeResult | undefined
  readonly failure?: string
}

/**
 * measureEach answers the probes together, or, when that fails, one by one: a probe that fails alone has no
 * result, and `failures` holds the database's reason under its index.
 */
async function measureEach(
  probes: readonly Probe[],
  dialect: Pick<Dialect, 'measure'>,
  connection: DatabaseConnection,
  rowLimit: number,
): Promise<{ results: readonly (ProbeResult | undefined)[]; failures: ReadonlyMap<number, string> }> {
  const answers = await askTogether<Probe, ProbeAnswer>(
    probes,
    async (batch) => (await dialect.measure(connection, batch, { rowLimit })).map((result) => ({ result })),
    (_, err) => ({ failure: err instanceof Error ? err.message : String(err) }),
  )
  const failures = new Map<number, string>()
  for (const [i, { failure }] of answers.entries()) if (failure !== undefined) failures.set(i, failure)
  return { results: answers.map((a) => a.result), failures }
}
