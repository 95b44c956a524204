import type { Client, ClientConfig } from 'pg'
import { newPostgresClient } from './postgres-driver'
import type { DataSourceOptions } from 'typeorm'
import { parseUrl, withoutSecret } from '../connection-url'
import { whatToCheck } from '../unset-connection-options'
import type { DatabaseConnection, DatabaseTarget } from '../dialect'

type PostgresOptions = Extract<DataSourceOptions, { type: 'postgres' }>
type Credentials = Pick<PostgresOptions, 'url' | 'host' | 'port' | 'username' | 'password' | 'database' | 'ssl' | 'applicationName'>

/**
 * connectPostgres opens one `pg` client for the DataSource's options (its `url`, or host, port, username,
 * password, database and ssl; the replication master when one is configured). The session starts with
 * `default_transaction_read_only=on`, so nothing read through it can change the database. Errors name the
 * server, database and user, never the password.
 */
export async function connectPostgres(options: DataSourceOptions): Promise<DatabaseConnection> {
  const given = postgresClientConfig(options)
  const config: ClientConfig = { ...given, options: [given.options, '-c default_transaction_read_only=on'].filter((o) => o !== undefined).join(' ') }
  const open = async () => {
    const client = newPostgresClient(config)
    try {
      await client.connect()
    } catch (err) {
      await client.end().catch(() => undefined)
      throw postgresConnectionError(options, err)
    }
    return client
  }
  return readOnlyConnection(await open(), open, { count: 0 })
}

/**
 * postgresClientConfig is the `pg` client configuration of the DataSource's options (of its replication master,
 * if any), with the session settings TypeORM's connections get (see sessionSettings) as `options`.
 */
export function postgresClientConfig(options: DataSourceOptions): ClientConfig {
  const credentials = credentialsOf(options)
  const timeout = postgresOptions(options).connectTimeoutMS
  const settings = sessionSettings(options)
  return {
    ...(settings.url !== undefined && { connectionString: settings.url }),
    ...(settings.options !== undefined && { options: settings.options }),
    ...(credentials.host !== undefined && { host: credentials.host }),
    ...(credentials.port !== undefined && { port: credentials.port }),
    ...(credentials.username !== undefined && { user: credentials.username }),
    ...(credentials.password !== undefined && { password: credentials.password }),
    ...(credentials.database !== undefined && { database: credentials.database }),
    // TypeORM types ssl as server-side TlsOptions; pg passes the same object to tls.connect.
    ...(credentials.ssl !== undefined && { ssl: credentials.ssl as ClientConfig['ssl'] }),
    ...(timeout !== undefined && { connectionTimeoutMillis: timeout }),
    application_name: credentials.applicationName ?? 'typeorm-autogen',
  }
}

/** PostgresPlace is where the DataSource's options connect: server, database and user, read from the url when there is one. */
export interface PostgresPlace {
  readonly host: string
  readonly port: number
  readonly database: string
  readonly user: string
}

/** postgresPlace is where the DataSource's options connect (see PostgresPlace). */
export function postgresPlace(options: DataSourceOptions): PostgresPlace {
  const credentials = credentialsOf(options)
  const url = parseUrl(credentials.url)
  return {
    host: credentials.host ?? (url?.hostname || process.env.PGHOST || 'localhost'),
    port: credentials.port ?? (url?.port ? Number(url.port) : Number(process.env.PGPORT ?? 5432)),
    database: credentials.database ?? (decodeURIComponent(url?.pathname.replace(/^\//, '') ?? '') || process.env.PGDATABASE || '(default)'),
    user: credentials.username ?? (url?.username ? decodeURIComponent(url.username) : process.env.PGUSER ?? '(default)'),
  }
}

/**
 * postgresConnectionError is the error for a failed connection with these options, from `connect` or from
 * TypeORM's: the server, database and user named, the password never (it is masked in the driver's text too).
 */
export function postgresConnectionError(options: DataSourceOptions, err: unknown): Error {
  const credentials = credentialsOf(options)
  const secret = typeof credentials.password === 'string' ? credentials.password : urlPassword(credentials.url)
  const reason = withoutSecret(err instanceof Error ? err.message : String(err), secret)
  return new Error(`postgres: cannot connect to ${targetText(credentials)}: ${reason}; ${whatToCheck(credentials)}`, { cause: err })
}

/** describePostgresTarget is `postgres <host>:<port>/<db> as <user>`, without the password. */
export function describePostgresTarget(options: DataSourceOptions): DatabaseTarget {
  return { description: `postgres ${targetText(credentialsOf(options))}`, warnings: [] }
}

/**
 * sessionSettings are the server settings a DataSource gives its sessions (`-c search_path=app`): the url's
 * `options` parameter, else `extra.options`, which TypeORM hands to pg with the rest of `extra` (pg lets the url's
 * replace it). The parameter is taken out of the url, where it would replace the settings the tool adds.
 */
function sessionSettings(options: DataSourceOptions): { readonly url?: string; readonly options?: string } {
  const { url } = credentialsOf(options)
  const extra = (postgresOptions(options).extra as { options?: unknown } | undefined)?.options
  const parsed = parseUrl(url)
  const inUrl = parsed?.searchParams.get('options') ?? undefined
  if (parsed !== undefined && inUrl !== undefined) parsed.searchParams.delete('options')
  return {
    ...(url !== undefined && { url: inUrl === undefined ? url : parsed!.toString() }),
    ...(inUrl !== undefined ? { options: inUrl } : typeof extra === 'string' && { options: extra }),
  }
}

function credentialsOf(options: DataSourceOptions): Credentials {
  const postgres = postgresOptions(options)
  return postgres.replication?.master ?? postgres
}

function postgresOptions(options: DataSourceOptions): PostgresOptions {
  if (options.type !== 'postgres') throw new Error(`postgres: cannot connect with DataSource type "${options.type}"`)
  return options
}

function readOnlyConnection(client: Client, open: () => Promise<Client>, queries: { count: number }): DatabaseConnection {
  return {
    get queryCount() {
      return queries.count
    },
    async query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
      queries.count++
      const result = await client.query(sql, params ? [...params] : undefined)
      return result.rows as Row[]
    },
    async close() {
      await client.end()
    },
    beside: async () => readOnlyConnection(await open(), open, queries),
  }
}

/** targetText is `<host>:<port>/<db> as <user>`, without the password. */
function targetText(credentials: Credentials): string {
  const place = postgresPlace({ type: 'postgres', ...credentials })
  return `${place.host}:${place.port}/${place.database} as ${place.user}`
}

function urlPassword(url: string | undefined): string | undefined {
  const password = parseUrl(url)?.password
  return password ? decodeURIComponent(password) : undefined
}
