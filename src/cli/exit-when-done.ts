/**
 * exitWhenDone makes sure the process ends with `code` once the command is done. It ends by itself where nothing
 * else runs (a signal held through a write is raised again first, see holdSignals). But the project's own modules,
 * loaded with the config and the entities, may hold the event loop open for good (a Redis client or a cron job
 * started on import), where TypeORM's own CLI exits after its commands: once what was written to stdout and
 * stderr has been handed to the system (runCli has written the caches), a moment later it is ended.
 */
export async function exitWhenDone(code: number): Promise<void> {
  process.exitCode = code
  await Promise.all([flushed(process.stdout), flushed(process.stderr)])
  setTimeout(() => process.exit(code), graceMs).unref()
}

const graceMs = 500

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return Promise.resolve()
  return new Promise((resolve) => stream.write('', () => resolve()))
}
