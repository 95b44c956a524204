import { Console } from 'node:console'

const stdoutMethods = ['log', 'info', 'debug', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'groupEnd'] as const

/**
 * withConsoleOnStderr runs `work` with what goes through `console` to stdout (a migration's `console.log`,
 * TypeORM's logger under `logging: true`) sent to stderr instead, for a command whose stdout is a script that
 * nothing else may be mixed into.
 */
export async function withConsoleOnStderr<T>(work: () => Promise<T>): Promise<T> {
  const onStderr = new Console({ stdout: process.stderr, stderr: process.stderr })
  const writable = console as unknown as Record<string, unknown>
  const own = stdoutMethods.map((name) => [name, writable[name]] as const)
  for (const name of stdoutMethods) writable[name] = onStderr[name].bind(onStderr)
  try {
    return await work()
  } finally {
    for (const [name, method] of own) writable[name] = method
  }
}

/**
 * stdoutIsReport says whether a command's stdout is a report a program reads: `--format` other than text,
 * `--sql`, and `current`, whose lines scripts take as they are.
 */
export function stdoutIsReport(args: { readonly [option: string]: unknown }): boolean {
  const command = Array.isArray(args._) ? args._[0] : undefined
  return (typeof args.format === 'string' && args.format !== 'text') || args.sql === true || command === 'current'
}
