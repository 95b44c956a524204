import { randomBytes } from 'node:crypto'
import type { Client } from 'pg'
import { newPostgresClient } from './postgres-driver'
import type { DataSourceOptions } from 'typeorm'
import { UserError } from '../../source/user-error'
import type { ScratchDatabase } from '../dialect'
import { connectPostgres, postgresClientConfig, postgresConnectionError, postgresPlace } from './postgres-connection'
import { quoteIdent } from './postgres-quote'

/** SCRATCH_MARK is in every scratch database's name, `<target>_autogen_<8 hex digits>`. */
export const SCRATCH_MARK = '_autogen_'
const MAX_NAME_BYTES = 63

type PostgresOptions = Extract<DataSourceOptions, { type: 'postgres' }>

/**
 * createPostgresScratchDatabase creates a fresh database, named after the target one, on the target's server
 * with the DataSource's credentials, or on the server and with the credentials of `shadowUrl` (whose own
 * database is never changed: it serves as the maintenance connection when `postgres` cannot). It is created
 * and dropped over a maintenance connection, to the `postgres` database or, failing that, the named one. It takes
 * the target's search_path where that puts tables elsewhere than public (takeSearchPath), on either server.
 */
export async function createPostgresScratchDatabase(options: DataSourceOptions, shadowUrl?: string): Promise<ScratchDatabase> {
  const server = shadowUrl === undefined ? serverOf(options) : serverOf(options, shadowUrl)
  const name = scratchName(postgresPlace(server).database)
  const maintenance = await maintenanceClient(server)
  try {
    await maintenance.query(`CREATE DATABASE ${quoteIdent(name)}`)
  } catch (err) {
    await maintenance.end().catch(() => undefined)
    const place = postgresPlace(server)
    const reason = err instanceof Error ? err.message : String(err)
    throw new UserError(`cannot create a scratch database on ${place.host}:${place.port} as ${place.user}: ${reason}; give one with --shadow-url URL`, { cause: err })
  }
  const scratch = pointedAt(server, name)
  let dropping: Promise<void> | undefined
  const made: ScratchDatabase = {
    options: scratch,
    description: `postgres ${postgresPlace(scratch).host}:${postgresPlace(scratch).port}/${name}`,
    connect: () => connectPostgres(scratch),
    drop() {
      dropping ??= connectionsClosed(maintenance, name)
        .then(() => maintenance.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`))
        .then(() => undefined)
        .finally(() => maintenance.end().catch(() => undefined))
      return dropping
    },
  }
  await takeSearchPath(options, maintenance, name, scratch).catch(async (err: unknown) => {
    await made.drop()
    throw err
  })
  return made
}

/** How long a drop waits for the connections to the scratch database to close before it ends them. */
const CLOSE_WAIT_MS = 1000

/**
 * connectionsClosed waits, up to CLOSE_WAIT_MS, until no connection to the database `name` is left. pg's pool
 * reports it has ended once it has asked its connections to close, before the server has seen them go: `WITH
 * (FORCE)` then terminated them, and the pool of the DataSource just destroyed reported that as an error, which
 * TypeORM logs as a warning. Connections still in use (a drop on Ctrl-C) are ended by the drop once the wait is over.
 */
async function connectionsClosed(maintenance: Client, name: string): Promise<void> {
  const deadline = Date.now() + CLOSE_WAIT_MS
  for (;;) {
    const { rows: [found] } = await maintenance.query<{ open: number }>(
      'SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name])
    if (found === undefined || found.open === 0 || Date.now() >= deadline) return
    await new Promise((done) => setTimeout(done, 10))
  }
}

/**
 * takeSearchPath gives the scratch database the target's current_schema() where that is not public (a search_path
 * set on the target database or its role: `app, public`), with the target's search_path: the migrations, written
 * for the target, create their tables in that schema and their views read unqualified names through that path,
 * and TypeORM keeps its migrations table there. Where the target cannot be read (not made yet), the search_path the
 * DataSource's own session settings give (`-c search_path=app,public`) holds in the scratch database as well: only
 * its first schema is made there (see firstSchemaOnPath).
 */
async function takeSearchPath(options: DataSourceOptions, maintenance: Client, name: string, scratch: PostgresOptions): Promise<void> {
  const target = await connectPostgres(options).catch(() => undefined)
  if (target === undefined) return createFirstSchemaOnPath(scratch)
  const [found] = await target.query<{ schema: string | null; path: string }>(`SELECT current_schema() AS schema, current_setting('search_path') AS path`)
    .finally(() => target.close())
  const schema = found?.schema
  if (found === undefined || schema == null || schema === 'public') return
  await maintenance.query(`SELECT set_config('search_path', $1, false)`, [found.path])
  await maintenance.query(`ALTER DATABASE ${quoteIdent(name)} SET search_path FROM CURRENT`)
  await inScratch(scratch, (client) => client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`))
}

/**
 * createFirstSchemaOnPath makes, in the scratch database, the first schema of the search_path its sessions get
 * where that schema is neither public nor there: the one the migrations, written where it exists, put tables in.
 */
async function createFirstSchemaOnPath(scratch: PostgresOptions): Promise<void> {
  await inScratch(scratch, async (client) => {
    const { rows: [found] } = await client.query<{ path: string }>(`SELECT current_setting('search_path') AS path`)
    const schema = found === undefined ? undefined : firstSchemaOnPath(found.path)
    if (schema !== undefined && schema !== 'public') await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`)
  })
}

/** inScratch runs `use` on a connection to the scratch database, ended after it. */
async function inScratch(scratch: PostgresOptions, use: (client: Client) => Promise<unknown>): Promise<void> {
  const client = newPostgresClient(postgresClientConfig(scratch))
  await client.connect()
  try {
    await use(client)
  } finally {
    await client.end()
  }
}

/** firstSchemaOnPath is the first schema a search_path setting names (`"$user"` aside), unquoted. */
export function firstSchemaOnPath(path: string): string | undefined {
  for (const [, quoted, bare] of path.matchAll(/\s*(?:"((?:[^"]|"")*)"|([^,\s][^,]*?))\s*(?:,|$)/g)) {
    const schema = quoted !== undefined ? quoted.replace(/""/g, '"') : bare
    if (schema !== undefined && schema !== '$user') return schema
  }
  return undefined
}

/** serverOf is the DataSource's options without replication, connecting with `url` when one is given. */
function serverOf(options: DataSourceOptions, url?: string): PostgresOptions {
  const { replication, ...rest } = options as PostgresOptions
  const master = replication?.master ?? {}
  if (url === undefined) return { ...rest, ...master } as PostgresOptions
  const { host, port, username, password, database, ...others } = rest
  return { ...others, url } as PostgresOptions
}

/** pointedAt is `server` connecting to the database `name` instead. */
function pointedAt(server: PostgresOptions, name: string): PostgresOptions {
  if (server.url === undefined) return { ...server, database: name }
  const url = new URL(server.url)
  url.pathname = `/${encodeURIComponent(name)}`
  return { ...server, url: url.toString(), ...(server.database !== undefined && { database: name }) }
}

/** scratchName is `<target>_autogen_<random>`, the target's name shortened to keep it within PostgreSQL's 63 bytes. */
export function scratchName(target: string): string {
  const suffix = `${SCRATCH_MARK}${randomBytes(4).toString('hex')}`
  let prefix = target === '(default)' ? 'postgres' : target
  while (Buffer.byteLength(prefix + suffix) > MAX_NAME_BYTES) prefix = [...prefix].slice(0, -1).join('')
  return prefix + suffix
}

async function maintenanceClient(server: PostgresOptions): Promise<Client> {
  let firstError: unknown
  for (const database of ['postgres', undefined]) {
    const client = newPostgresClient({ ...postgresClientConfig(database === undefined ? server : pointedAt(server, database)) })
    try {
      await client.connect()
      return client
    } catch (err) {
      await client.end().catch(() => undefined)
      firstError ??= err
    }
  }
  throw postgresConnectionError(server, firstError)
}
