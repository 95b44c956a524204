/** ConnectionOptionsNamed is what a DataSource may name of the server it connects to. */
export interface ConnectionOptionsNamed {
  readonly url?: string
  readonly host?: string
  readonly socketPath?: string
  readonly username?: string
  readonly database?: string
}

/**
 * whatToCheck ends the line of a failed connection. Where the options name no url, host, user or database,
 * the driver fell back to its defaults: the config most likely reads them from environment variables this
 * run lacks (a `.env` file the app's entry point loads), which is what to fix.
 */
export function whatToCheck(options: ConnectionOptionsNamed): string {
  const named = [options.url, options.host, options.socketPath, options.username, options.database].some((value) => value !== undefined && value !== '')
  if (named) return "check the DataSource's url or host, port, database and credentials"
  return "the DataSource names no url, host, username or database: where the config reads them from process.env, set the variables or load the .env file in the config, as import 'dotenv/config'"
}
