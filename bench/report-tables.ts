import type { SizeMeasurement } from './measure-size'
import { formatMb, formatMs, formatRatio } from './report-format'

/** ReportTable is a header and its rows, rendered as text or markdown by the caller. */
export interface ReportTable {
  readonly header: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

/** timeTable: per dialect and N, median times of loading, the in-sync check and the diff after edits. */
export function timeTable(measurements: readonly SizeMeasurement[]): ReportTable {
  return {
    header: [
      'dialect', 'N', 'runs', 'load', 'our check', 'of it TypeORM metadata', 'TypeORM check', 'speed-up',
      'speed-up w/o metadata', 'speed-up vs initialize() + log()', 'our diff (edits)', 'TypeORM diff (edits)', 'speed-up',
    ],
    rows: measurements.map((m) => [
      m.dialect,
      String(m.size),
      String(m.runs),
      formatMs(m.load.medianMs),
      formatMs(m.ours.medianMs),
      formatMs(m.ours.medianMetadataMs ?? Number.NaN),
      formatMs(m.typeorm.medianMs),
      formatRatio(m.typeorm.medianMs, m.ours.medianMs),
      formatRatio(m.typeorm.medianMs, m.ours.medianWithoutMetadataMs ?? Number.NaN),
      formatRatio(endToEndMs(m), m.ours.medianMs),
      formatMs(m.oursAfterEdits.medianMs),
      formatMs(m.typeormAfterEdits.medianMs),
      formatRatio(m.typeormAfterEdits.medianMs, m.oursAfterEdits.medianMs),
    ]),
  }
}

/** findingsTable: per dialect and N, what each tool found, our catalog queries, peak memory and setup times. */
export function findingsTable(measurements: readonly SizeMeasurement[]): ReportTable {
  return {
    header: [
      'dialect', 'N', 'changes in sync: our ops / TypeORM queries', 'after edits: our ops / our SQL / TypeORM queries', 'our catalog queries',
      'peak RSS load / ours / TypeORM', 'TypeORM initialize()', 'setup: synchronize()',
    ],
    rows: measurements.map((m) => [
      m.dialect,
      String(m.size),
      `${m.ours.changes} / ${m.typeorm.changes}`,
      `${m.oursAfterEdits.changes} / ${m.oursAfterEdits.statements} / ${m.typeormAfterEdits.changes}`,
      String(m.ours.catalogQueries),
      `${formatMb(m.load.maxRssKb)} / ${formatMb(m.ours.maxRssKb)} / ${formatMb(m.typeorm.maxRssKb)}`,
      formatMs(m.typeorm.medianInitializeMs ?? Number.NaN),
      formatMs(m.setupMs),
    ]),
  }
}

/** growthLines: for each dialect, how our time (and TypeORM's) grew from the smallest to the largest N. */
export function growthLines(measurements: readonly SizeMeasurement[]): string[] {
  const lines: string[] = []
  for (const dialect of [...new Set(measurements.map((m) => m.dialect))]) {
    const sizes = measurements.filter((m) => m.dialect === dialect).sort((a, b) => a.size - b.size)
    if (sizes.length < 2) continue
    const small = sizes[0]
    const large = sizes[sizes.length - 1]
    const grow = (pick: (m: SizeMeasurement) => number) => formatRatio(pick(large), pick(small))
    lines.push(
      `${dialect}, N ${small.size} -> ${large.size} (${large.size / small.size}x the entities): ` +
        `our check grew ${grow((m) => m.ours.medianMs)} ` +
        `(${grow((m) => m.ours.medianWithoutMetadataMs ?? Number.NaN)} without TypeORM's metadata build, which itself grew ` +
        `${grow((m) => m.ours.medianMetadataMs ?? Number.NaN)}), ` +
        `our diff after edits ${grow((m) => m.oursAfterEdits.medianMs)}, ` +
        `load ${grow((m) => m.load.medianMs)}; TypeORM's check grew ${grow((m) => m.typeorm.medianMs)}.`,
    )
  }
  return lines
}

/** editFindingLines: for each dialect at its largest N, what each tool planned for the edits, by kind. */
export function editFindingLines(measurements: readonly SizeMeasurement[]): string[] {
  const lines: string[] = []
  for (const dialect of [...new Set(measurements.map((m) => m.dialect))]) {
    const m = measurements.filter((x) => x.dialect === dialect).sort((a, b) => b.size - a.size)[0]
    lines.push(`${dialect}, N = ${m.size}: ours ${m.oursAfterEdits.changes} operations (${kinds(m.oursAfterEdits.changeKinds)}) ` +
      `compiled to ${m.oursAfterEdits.statements} statements; ` +
      `TypeORM ${m.typeormAfterEdits.changes} queries (${kinds(m.typeormAfterEdits.changeKinds)}).`)
  }
  return lines
}

function kinds(counts: Readonly<Record<string, number>> | undefined): string {
  if (counts === undefined) return 'none'
  return Object.entries(counts).map(([kind, n]) => `${n} \`${kind}\``).join(', ')
}

/**
 * endToEndMs is TypeORM's check as its own `migration:generate` runs it after loading the files: connect and
 * build the metadata (`initialize()`), then `log()`.
 */
export function endToEndMs(m: SizeMeasurement): number {
  return (m.typeorm.medianInitializeMs ?? Number.NaN) + m.typeorm.medianMs
}
