/**
 * exitWhenDone ends the process with `code` once what was written to stdout and stderr has been handed to the
 * system. The command is done by then, but the project's own modules, loaded with the config and the entities,
 * may hold the event loop open for good (a Redis client or a cron job started on import): the process would
 * never end, where TypeORM's own CLI exits after its commands.
 */
export async function exitWhenDone(code: number): Promise<never> {
  process.exitCode = code
  await Promise.all([flushed(process.stdout), flushed(process.stderr)])
  process.exit(code)
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return Promise.resolve()
  return new Promise((resolve) => stream.write('', () => resolve()))
}
