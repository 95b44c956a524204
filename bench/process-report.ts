import type { ProcessVariant } from './bench-settings'
import type { CommandStats, ProcessPairs, StartupStats } from './process-pairs'
import { formatMb, formatMs, formatRatio } from './report-format'
import type { ReportTable } from './report-tables'

/** Comparison is one row of a pair: a TypeORM path against our check loading `.ts` (cold and warm cache) or `.js`. */
interface Comparison {
  readonly typeormPath: string
  readonly typeorm: ProcessVariant
  readonly oursLoads: '.ts' | '.js'
}

const comparisons: readonly Comparison[] = [
  { typeormPath: 'ts-node, type-checking', typeorm: 'typeorm-ts-node', oursLoads: '.ts' },
  { typeormPath: 'ts-node, transpile-only', typeorm: 'typeorm-transpile-only', oursLoads: '.ts' },
  { typeormPath: 'precompiled JS', typeorm: 'typeorm-js', oursLoads: '.ts' },
  { typeormPath: 'precompiled JS', typeorm: 'typeorm-js', oursLoads: '.js' },
]

/**
 * ComparedTimes are one comparison's measured commands; `oursWarm` (nothing changed) and `oursEdited` (one entity
 * file changed) are absent when ours loads `.js` (run with no cache).
 */
interface ComparedTimes {
  readonly typeorm: CommandStats
  readonly ours: CommandStats
  readonly oursWarm?: CommandStats
  readonly oursEdited?: CommandStats
}

function comparedTimes(pairs: ProcessPairs, comparison: Comparison): ComparedTimes | undefined {
  const typeorm = pairs.variants[comparison.typeorm]
  const ours = pairs.variants[comparison.oursLoads === '.ts' ? 'ours-ts-cold' : 'ours-js']
  if (typeorm === undefined || ours === undefined) return undefined
  const oursWarm = comparison.oursLoads === '.ts' ? pairs.variants['ours-ts-warm'] : undefined
  const oursEdited = comparison.oursLoads === '.ts' ? pairs.variants['ours-ts-edited'] : undefined
  return { typeorm, ours, ...(oursWarm ? { oursWarm } : {}), ...(oursEdited ? { oursEdited } : {}) }
}

/** projectLabel names a pair's project: its dialect, or the example app. */
export const projectLabel = (pairs: ProcessPairs, exampleApp: boolean): string => (exampleApp ? 'example app (sqlite)' : pairs.dialect)

/** processTable: every whole-process comparison, its medians, ratios (TypeORM / ours) and peak RSS. The last entry may be the example app. */
export function processTable(all: readonly ProcessPairs[], exampleApp?: ProcessPairs): ReportTable {
  const rows: string[][] = []
  for (const pairs of exampleApp ? [...all, exampleApp] : all) {
    for (const comparison of comparisons) {
      const times = comparedTimes(pairs, comparison)
      if (times === undefined) continue
      const { oursWarm: warm, oursEdited: edited } = times
      rows.push([
        projectLabel(pairs, pairs === exampleApp),
        String(pairs.size),
        comparison.typeormPath,
        comparison.oursLoads,
        `${times.typeorm.runsMs.length} / ${times.ours.runsMs.length}`,
        formatMs(times.typeorm.medianMs),
        formatMs(times.ours.medianMs),
        warm ? formatMs(warm.medianMs) : '(no cache)',
        edited ? formatMs(edited.medianMs) : '',
        formatRatio(times.typeorm.medianMs, times.ours.medianMs),
        warm ? formatRatio(times.typeorm.medianMs, warm.medianMs) : '',
        edited ? formatRatio(times.typeorm.medianMs, edited.medianMs) : '',
        [times.typeorm, times.ours, ...(warm ? [warm] : []), ...(edited ? [edited] : [])].map((s) => formatMb(s.maxRssKb)).join(' / '),
      ])
    }
  }
  return {
    header: [
      'project', 'N', 'TypeORM\'s path', 'ours loads', 'runs TypeORM / ours', 'TypeORM', 'ours (cold cache)', 'ours (warm cache)',
      'ours (one entity edited)', 'TypeORM / ours (cold)', 'TypeORM / ours (warm)', 'TypeORM / ours (edited)', 'peak RSS TypeORM / ours cold / warm / edited',
    ],
    rows,
  }
}

const variantNames: Readonly<Record<ProcessVariant, string>> = {
  'ours-ts-cold': 'ours, .ts, cold cache',
  'ours-ts-warm': 'ours, .ts, warm cache',
  'ours-ts-edited': 'ours, .ts, one entity edited',
  'ours-js': 'ours, .js',
  'typeorm-ts-node': 'TypeORM, ts-node type-checking',
  'typeorm-transpile-only': 'TypeORM, ts-node transpile-only',
  'typeorm-js': 'TypeORM, .js',
  'ours-wide': 'ours, every entity changed, cold cache',
  'typeorm-wide-js': 'TypeORM, every entity changed, .js',
}

/** wideChangeTable: after a change to every entity, our check (.ts, cold cache) against TypeORM's on the rebuilt dist/. */
export function wideChangeTable(all: readonly ProcessPairs[]): ReportTable {
  const rows = all.flatMap((pairs) => {
    const [ours, typeorm] = [pairs.variants['ours-wide'], pairs.variants['typeorm-wide-js']]
    if (ours === undefined || typeorm === undefined) return []
    return [[
      pairs.dialect, String(pairs.size), `${typeorm.runsMs.length} / ${ours.runsMs.length}`, formatMs(typeorm.medianMs), formatMs(ours.medianMs),
      formatRatio(typeorm.medianMs, ours.medianMs), `${formatMb(typeorm.maxRssKb)} / ${formatMb(ours.maxRssKb)}`,
    ]]
  })
  return {
    header: ['project', 'N', 'runs TypeORM / ours', 'TypeORM (precompiled JS)', 'ours (.ts, cold cache)', 'TypeORM / ours', 'peak RSS TypeORM / ours'],
    rows,
  }
}

/** processGrowthLines: per dialect, how each command's median grew from the smallest to the largest N. */
export function processGrowthLines(all: readonly ProcessPairs[]): string[] {
  const lines: string[] = []
  for (const dialect of [...new Set(all.map((p) => p.dialect))]) {
    const sizes = all.filter((p) => p.dialect === dialect).sort((a, b) => a.size - b.size)
    if (sizes.length < 2) continue
    const [small, large] = [sizes[0], sizes[sizes.length - 1]]
    const grown = (Object.keys(variantNames) as ProcessVariant[]).flatMap((v) => {
      const [a, b] = [small.variants[v], large.variants[v]]
      return a && b ? [`${variantNames[v]} ${formatRatio(b.medianMs, a.medianMs)}`] : []
    })
    lines.push(`${dialect}, N ${small.size} -> ${large.size} (${large.size / small.size}x the entities): ${grown.join('; ')}.`)
  }
  return lines
}

/** startupTable: the start-up commands, medians and peak RSS. */
export function startupTable(startup: StartupStats): ReportTable {
  const row = (command: string, stats: CommandStats) => [command, formatMs(stats.medianMs), `${formatMs(Math.min(...stats.runsMs))} - ${formatMs(Math.max(...stats.runsMs))}`, formatMb(stats.maxRssKb)]
  return {
    header: ['command', `median of ${startup.runs}`, 'fastest - slowest', 'peak RSS'],
    rows: [
      row('`node -e 0` (Node alone)', startup.nodeAlone),
      row('`node node_modules/typeorm-autogen/bin/typeorm-autogen.js --version`', startup.version),
      row('`node node_modules/typeorm-autogen/bin/typeorm-autogen.js --help`', startup.help),
      row('`npx typeorm-autogen --version`', startup.npxVersion),
    ],
  }
}

const verdict = (met: boolean) => (met ? 'met' : 'not met')

/** processTargetLines says, for each target of the whole-process pairs, whether this run met it. */
export function processTargetLines(all: readonly ProcessPairs[], startup: StartupStats, exampleApp: ProcessPairs | undefined, targetDialect: string): string[] {
  const lines: string[] = []
  const largest = all.filter((p) => p.dialect === targetDialect).sort((a, b) => b.size - a.size)[0]
  const speedTarget = (target: number, comparison: Comparison, what: string) => {
    const times = largest && comparedTimes(largest, comparison)
    if (!times) return
    const cold = times.typeorm.medianMs / times.ours.medianMs
    const warm = times.oursWarm ? times.typeorm.medianMs / times.oursWarm.medianMs : Number.NaN
    const edited = times.oursEdited ? times.typeorm.medianMs / times.oursEdited.medianMs : Number.NaN
    lines.push(
      `At least ${target}x faster than TypeORM ${what}, ${largest.size} .ts entities on ${targetDialect}: ` +
        `${verdict(cold >= target)} with a cold cache (${cold.toFixed(1)}x), ${verdict(warm >= target)} with a warm cache, nothing changed (${warm.toFixed(1)}x), ` +
        `${verdict(edited >= target)} after one entity edited (${edited.toFixed(1)}x).`,
    )
  }
  speedTarget(8, comparisons[2], 'on precompiled JS')
  speedTarget(25, comparisons[0], 'on ts-node with type-checking')
  for (const dialect of [...new Set(all.map((p) => p.dialect))]) {
    const sizes = all.filter((p) => p.dialect === dialect).sort((a, b) => a.size - b.size)
    if (sizes.length < 2) continue
    const [small, large] = [sizes[0], sizes[sizes.length - 1]]
    const factor = large.size / small.size
    const ours: ProcessVariant[] = ['ours-ts-cold', 'ours-ts-warm', 'ours-ts-edited', 'ours-js']
    const grown = ours.flatMap((v) => {
      const [a, b] = [small.variants[v], large.variants[v]]
      return a && b ? [{ v, ratio: b.medianMs / a.medianMs }] : []
    })
    const met = grown.every((g) => g.ratio <= factor)
    lines.push(
      `Our time grows at most linearly on ${dialect}, t(${large.size}) <= ${factor} x t(${small.size}): ${verdict(met)} ` +
        `(${grown.map((g) => `${variantNames[g.v]} ${g.ratio.toFixed(1)}x`).join(', ')}).`,
    )
  }
  if (exampleApp) {
    const typeorm = (['typeorm-ts-node', 'typeorm-transpile-only'] as const).flatMap((v) => (exampleApp.variants[v] ? [{ v, stats: exampleApp.variants[v]! }] : []))
    const fastest = typeorm.sort((a, b) => a.stats.medianMs - b.stats.medianMs)[0]
    const ours = ([['ours-ts-cold', 'a cold cache'], ['ours-ts-warm', 'a warm cache'], ['ours-ts-edited', 'one entity edited']] as const)
      .flatMap(([v, what]) => (exampleApp.variants[v] ? [{ what, stats: exampleApp.variants[v]! }] : []))
    if (ours.length > 0 && fastest) {
      lines.push(
        `The example app's check takes no longer than TypeORM's (its faster path, ${variantNames[fastest.v]}, ${formatMs(fastest.stats.medianMs)}): ` +
          `${ours.map(({ what, stats }) => `${verdict(stats.medianMs <= fastest.stats.medianMs)} with ${what} (${formatMs(stats.medianMs)})`).join(', ')}.`,
      )
    }
  }
  lines.push(`\`typeorm-autogen --version\` under 150 ms (median of ${startup.runs}, Node alone ${formatMs(startup.nodeAlone.medianMs)}): ` +
    `${verdict(startup.version.medianMs < 150)} (${formatMs(startup.version.medianMs)}).`)
  const heavier: string[] = []
  let compared = 0
  for (const pairs of exampleApp ? [...all, exampleApp] : all) {
    for (const comparison of comparisons) {
      const times = comparedTimes(pairs, comparison)
      if (!times) continue
      const ours = [
        { cache: comparison.oursLoads === '.ts' ? ', cold' : '', stats: times.ours },
        ...(times.oursWarm ? [{ cache: ', warm', stats: times.oursWarm }] : []),
        ...(times.oursEdited ? [{ cache: ', one entity edited', stats: times.oursEdited }] : []),
      ]
      for (const { cache, stats } of ours) {
        compared++
        if (stats.maxRssKb > times.typeorm.maxRssKb) {
          heavier.push(`${projectLabel(pairs, pairs === exampleApp)} ${pairs.size}, ${comparison.typeormPath} (ours ${comparison.oursLoads}${cache}): ${formatMb(stats.maxRssKb)} vs ${formatMb(times.typeorm.maxRssKb)}`)
        }
      }
    }
  }
  for (const pairs of all) {
    const [ours, typeorm] = [pairs.variants['ours-wide'], pairs.variants['typeorm-wide-js']]
    if (ours === undefined || typeorm === undefined) continue
    compared++
    if (ours.maxRssKb > typeorm.maxRssKb) {
      heavier.push(`${projectLabel(pairs, false)} ${pairs.size}, every entity changed, precompiled JS (ours .ts, cold): ${formatMb(ours.maxRssKb)} vs ${formatMb(typeorm.maxRssKb)}`)
    }
  }
  lines.push(`Peak RSS no higher than TypeORM's on any pair: ${verdict(heavier.length === 0)}` +
    (heavier.length === 0 ? ` (${compared} comparisons).` : ` (higher on ${heavier.length} of ${compared}: ${heavier.join('; ')}).`))
  return lines
}
