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
}

/**
 * readDatabaseAhead starts reading the database at once, so that the server's work overlaps the loading of the
 * entity files, which lets the event loop turn between files (see withSynchronousRequires).
 */
export function readDatabaseAhead(base: Dialect, options: DataSourceOptions, connect: () => Promise<DatabaseConnection>, ignoreTables: readonly string[]): DatabaseReadAhead {
  const connection = connect()
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
  }
}

function sameScope(a: IntrospectionScope, b: IntrospectionScope): boolean {
  const same = (x: readonly string[] | undefined, y: readonly string[] | undefined) =>
    (x === undefined && y === undefined) || (x !== undefined && y !== undefined && x.length === y.length && x.every((v, i) => v === y[i]))
  return same(a.schemas, b.schemas) && same(a.ignoreTables, b.ignoreTables)
}
