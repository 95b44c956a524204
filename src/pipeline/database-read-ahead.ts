import type { DataSourceOptions } from 'typeorm'
import type { DatabaseConnection, Dialect, IntrospectionScope } from '../dialect/dialect'
import { dialectAtServer } from '../dialect/dialect-for'
import { type SchemaModel, emptySchema } from '../model/schema-model'

/**
 * DatabaseReadAhead is the database read while the entities load: the connection, the dialect as its server
 * speaks it, and the schema in the scope a project without entities has (the default schema; the configured
 * ignored tables). Each step's failure is kept for the moment the reading would have met it.
 */
export interface DatabaseReadAhead {
  connection(): Promise<DatabaseConnection>
  dialect(): Promise<Dialect>
  /** The schema in `scope`: the one read ahead when the scope is the same, else read now. */
  introspect(scope: IntrospectionScope): Promise<SchemaModel>
  /** closeQuietly closes the connection once it is open, whatever happened (for a reading that stops early). */
  closeQuietly(): Promise<void>
  /**
   * failedByNow says, once the timers already due have run, whether the connection has failed. A connection
   * made while the entities load can fail on its own timeout only because their loading held the event loop
   * past it (mysql2's connectTimeout fires before the server's answer is read): see readDatabaseAgainIfFailed.
   */
  failedByNow(): Promise<boolean>
}

/**
 * readDatabaseAhead starts reading the database at once, so that the server's work overlaps the loading of the
 * entity files, which lets the event loop turn between files (see withSynchronousRequires).
 */
export function readDatabaseAhead(base: Dialect, options: DataSourceOptions, connect: () => Promise<DatabaseConnection>, ignoreTables: readonly string[]): DatabaseReadAhead {
  const connection = connect()
  let failed = false
  connection.catch(() => {
    failed = true
  })
  const dialect = connection.then((c) => dialectAtServer(base, c))
  const guess = dialect.then((d): IntrospectionScope => ({
    schemas: d.capabilities.schemas ? d.normalize(emptySchema, options).schemas : undefined,
    ignoreTables: [...ignoreTables],
  }))
  const introspected = Promise.all([connection, dialect, guess]).then(([c, d, scope]) => d.introspect(c, scope))
  // Observed later, where the reading meets them; never unhandled meanwhile.
  for (const step of [connection, dialect, guess, introspected]) step.catch(() => undefined)
  return {
    connection: () => connection,
    dialect: () => dialect,
    introspect: async (scope) => {
      const [c, d, guessed] = await Promise.all([connection, dialect, guess])
      // The read ahead has finished (or failed) before the connection reads anything else.
      const ahead = await introspected.then((model) => ({ model }), (error: unknown) => ({ error }))
      if (!sameScope(scope, guessed)) return d.introspect(c, scope)
      if ('error' in ahead) throw ahead.error
      return ahead.model
    },
    closeQuietly: async () => {
      await introspected.catch(() => undefined)
      await connection.then((c) => c.close(), () => undefined).catch(() => undefined)
    },
    failedByNow: async () => {
      await new Promise((resolve) => setTimeout(resolve, 0))
      return failed
    },
  }
}

/**
 * readDatabaseAgainIfFailed is `ahead`, or, where its connection failed while the entities loaded, a read made
 * again once they are: made once more, a connection that cannot be made fails as it did.
 */
export async function readDatabaseAgainIfFailed(ahead: DatabaseReadAhead, again: () => DatabaseReadAhead): Promise<DatabaseReadAhead> {
  return (await ahead.failedByNow()) ? again() : ahead
}

function sameScope(a: IntrospectionScope, b: IntrospectionScope): boolean {
  const same = (x: readonly string[] | undefined, y: readonly string[] | undefined) =>
    (x === undefined && y === undefined) || (x !== undefined && y !== undefined && x.length === y.length && x.every((v, i) => v === y[i]))
  return same(a.schemas, b.schemas) && same(a.ignoreTables, b.ignoreTables)
}
