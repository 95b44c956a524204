import { spawnSync } from 'node:child_process'
import * as path from 'node:path'

const bin = path.resolve(__dirname, '../../bin/typeorm-autogen.js')

/** CliRun is what one run of the built CLI printed and returned. */
export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** runBuiltCli runs `bin/typeorm-autogen.js` (built by `npm run build`) in `cwd`, as a user would, with no terminal. */
export function runBuiltCli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    // FORCE_COLOR (which jest sets for its workers in a terminal) would colour the CLI's output even into the pipe.
    env: { ...withoutForcedColor(process.env), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

function withoutForcedColor(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _forced, ...rest } = env
  return rest
}

/** afterDatabaseLine is a command's output without the `Database: ...` line every command starts with. */
export function afterDatabaseLine(text: string): string {
  return text.replace(/^Database: .*\n/, '')
}
