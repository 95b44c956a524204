import { spawnSync } from 'node:child_process'
import * as path from 'node:path'

/** The package's bin entry, which runs the built CLI (dist/). */
export const bin = path.resolve(__dirname, '../../bin/typeorm-autogen.js')

/** CliRun is what one run of the built CLI printed and returned. */
export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * runBuiltCli runs `bin/typeorm-autogen.js` (built by `npm run build`) in `cwd`, as a user would, with no terminal,
 * under `node` with `nodeFlags` (flags NODE_OPTIONS cannot give, such as V8's).
 * For tests about the process itself: its exit status, its pipes, the package's bin entry. Other tests use
 * runCliInProcess, which prints and returns the same and saves a Node start-up per run.
 */
export function runBuiltCli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, nodeFlags: readonly string[] = []): CliRun {
  const result = spawnSync(process.execPath, [...nodeFlags, bin, ...args], {
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

interface InProcessCli {
  runInProcess(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun>
}

// Jest gives each test file its own module registry, global object and copy of process.env; the built CLI
// must run as in a process of its own, so it is loaded with Node's require, outside Jest's registry.
const nodeRequire = process.getBuiltinModule('node:module').createRequire(__filename)
const inProcessCli = nodeRequire('./in-process-cli.js') as InProcessCli

/**
 * runCliInProcess runs the built CLI (dist/, built by `npm run build`) in this process as runBuiltCli runs it
 * in a new one: in `cwd`, with `env` added, no terminal, its modules, the project's files and TypeORM's
 * decorator storage loaded anew. Runs are queued one at a time.
 */
export function runCliInProcess(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return inProcessCli.runInProcess(cwd, args, env)
}

/** afterDatabaseLine is a command's output without the `Database: ...` line every command starts with. */
export function afterDatabaseLine(text: string): string {
  return text.replace(/^Database: .*\n/, '')
}

/** withoutRunTimes is `upgrade` or `downgrade` output without each migration's time: `Applied X (0.4 s)` becomes `Applied X`. */
export function withoutRunTimes(text: string): string {
  return text.replace(/^((?:Applied|Reverted) \S+) \(\d+\.\d s\)$/gm, '$1')
}
