import { unenforcedSizesNote } from '../../hazards/no-effect-rules'
import { isShown } from '../../pipeline/shown-findings'
import { runSummary } from '../../render/run-summary'
import { renderReport } from '../../render/report'
import { warningLine } from '../../hazards/warning'
import { type CliOutput, paintsOf, printNote, printSummary, printWarning } from '../cli-output'
import { ExitCode } from '../exit-codes'
import { type ComparisonArgs, comparePending } from './pending-comparison'
import { reportContextOf } from './report-context-of'

/** DiffArgs are the arguments of `diff` (see ComparisonArgs). */
export type DiffArgs = ComparisonArgs

/**
 * diffCommand prints what `generate` would write, writing nothing. With format `sql`, stdout holds only the
 * script of one direction (nothing without changes) and the warnings go to stderr. Where the database does
 * not enforce declared sizes, a note on stderr says so, once for the project (migration files do not).
 */
export async function diffCommand(args: DiffArgs, output: CliOutput): Promise<number> {
  const pending = await comparePending(args, output)
  const { comparison, shown, plan } = pending
  const report = renderReport(plan, args.format, args.direction, paintsOf(output).out, reportContextOf(args.format, pending))
  if (args.format === 'sql') for (const warning of plan.warnings) printWarning(output, warningLine(warning))
  if (report !== '') output.out(report)
  const sizes = unenforcedSizesNote(comparison.dialect.capabilities, comparison.desired)
  if (sizes !== undefined && args.format !== 'json' && isShown({ code: 'NO_SCHEMA_EFFECT', severity: 'info' }, shown)) printNote(output, sizes)
  if (args.format === 'text' && args.quiet !== true) printSummary(output, runSummary([plan]))
  return ExitCode.ok
}
