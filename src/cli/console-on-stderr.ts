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
