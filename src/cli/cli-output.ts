import { ansi, type Paint, plain } from '../render/paint'
import type { RunSummary } from '../render/run-summary'

/** CliOutput is where commands print: stdout for results, stderr for errors and notes. Tests pass their own. */
export interface CliOutput {
  out(text: string): void
  err(text: string): void
  /** Whether stdout and stderr are terminals; absent (as for tests' outputs), output is never coloured. */
  readonly terminal?: { readonly out: boolean; readonly err: boolean }
  /** How to colour what goes to each stream; set by runCli from `terminal`, the environment and `--no-color`. */
  readonly paint?: { readonly out: Paint; readonly err: Paint }
}

export const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  terminal: {
    get out() { return process.stdout.isTTY === true },
    get err() { return process.stderr.isTTY === true },
  },
}

/**
 * colored gives `output` its paints: colour where the stream is a terminal, unless `--no-color` (`color`
 * false), `NO_COLOR` (non-empty) or `TERM=dumb` say otherwise; `FORCE_COLOR` (but `0` or `false`) or
 * `--color` colour even a pipe. An output that says nothing of terminals is never coloured.
 */
export function colored(output: CliOutput, color: boolean | undefined, env: NodeJS.ProcessEnv = process.env): CliOutput {
  const { terminal } = output
  if (terminal === undefined) return { ...output, paint: { out: plain, err: plain } }
  const wanted = (isTerminal: boolean): Paint => (colorWanted(color, env, isTerminal) ? ansi : plain)
  return { ...output, paint: { out: wanted(terminal.out), err: wanted(terminal.err) } }
}

function colorWanted(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (flag !== undefined) return flag
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false'
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.TERM === 'dumb') return false
  return isTerminal
}

/** paintsOf are an output's paints: none unless runCli set them. */
export function paintsOf(output: CliOutput): { readonly out: Paint; readonly err: Paint } {
  return output.paint ?? { out: plain, err: plain }
}

/** printWarning prints `warning: <text>` on stderr. */
export function printWarning(output: CliOutput, text: string): void {
  output.err(`${paintsOf(output).err('warning', 'warning:')} ${text}`)
}

/** printNote prints `note: <text>` on stderr. */
export function printNote(output: CliOutput, text: string): void {
  output.err(`${paintsOf(output).err('note', 'note:')} ${text}`)
}

/** printSummary prints the line a long run ends with, on stdout. */
export function printSummary(output: CliOutput, summary: RunSummary): void {
  output.out(paintsOf(output).out(summary.style, summary.line))
}
