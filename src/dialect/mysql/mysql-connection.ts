import type { Connection, ConnectionOptions } from 'mysql2/promise'
import type { DataSourceOptions } from 'typeorm'
import { parseUrl, withoutSecret } from '../connection-url'
import { whatToCheck } from '../unset-connection-options'
import type { DatabaseConnection, DatabaseTarget } from '../dialect'
import { mysqlDriver } from './mysql-driver'
import { type MysqlServer, mysqlServerOf } from './mysql-server'

type MysqlOptions = Extract<DataSourceOptions, { type: 'mysql' | 'mariadb' }>

/** MysqlCredentials are where and as whom the DataSource's options connect, the url already read. */
interface MysqlCredentials {
  readonly host?: string
  readonly port?: number
  readonly username?: string
  readonly password?: string
  readonly database?: string
  readonly socketPath?: string
}

/** MysqlConnection is a read-only connection that also knows the server it talks to. */
export interface MysqlConnection extends DatabaseConnection {
  readonly server: MysqlServer
}

/**
 * connectMysql opens one mysql2 connection for the DataSource's options (its `url`, or host, port, username,
 * password and database; the replication master when one is configured). Every transaction of the session
 * is read-only, and it only ever reads. Errors name the server, database and user, never the password.
 */
export async function connectMysql(options: DataSourceOptions): Promise<MysqlConnection> {
  const connection = await openMysql(options)
  try {
    await connection.query('SET SESSION TRANSACTION READ ONLY')
    const [rows] = await connection.query('SELECT VERSION() AS version, @@SESSION.sql_mode AS sql_mode')
    const [{ version, sql_mode }] = rows as Array<{ version: string; sql_mode: string }>
    return readOnlyConnection(connection, mysqlServerOf(version!, sql_mode!))
  } catch (err) {
    await connection.end().catch(() => undefined)
    throw mysqlConnectionError(options, err)
  }
}

/**
 * openMysql opens a plain mysql2 connection for the DataSource's options, failing with mysqlConnectionError. A
 * missing or broken mysql2 is its own error, not a failed connection: TypeORM may well connect through another
 * client (0.3's `mysql`, or the DataSource's `driver`), so nothing in the config is to blame.
 */
export async function openMysql(options: DataSourceOptions): Promise<Connection> {
  const driver = mysqlDriver()
  try {
    return await driver.createConnection(mysqlClientConfig(options))
  } catch (err) {
    throw mysqlConnectionError(options, err)
  }
}

/**
 * mysqlClientConfig is the mysql2 connection configuration of the DataSource's options (of its replication
 * master, if any). As TypeORM does, the parts of a `url` (`mysql://` or `mariadb://`) win over `host`,
 * `port`, `username`, `password` and `database`.
 */
export function mysqlClientConfig(options: DataSourceOptions): ConnectionOptions {
  const credentials = credentialsOf(options)
  const mysql = options as MysqlOptions
  return {
    ...(credentials.host !== undefined && { host: credentials.host }),
    ...(credentials.port !== undefined && { port: credentials.port }),
    ...(credentials.username !== undefined && { user: credentials.username }),
    ...(credentials.password !== undefined && { password: credentials.password }),
    ...(credentials.database !== undefined && { database: credentials.database }),
    ...(credentials.socketPath !== undefined && { socketPath: credentials.socketPath }),
    ...(mysql.ssl !== undefined && { ssl: mysql.ssl as ConnectionOptions['ssl'] }),
    ...(mysql.charset !== undefined && { charset: mysql.charset }),
    ...(mysql.connectTimeout !== undefined && { connectTimeout: mysql.connectTimeout }),
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    multipleStatements: false,
  }
}

/** MysqlPlace is where the DataSource's options connect: server (or socket), database and user. */
export interface MysqlPlace {
  readonly host: string
  readonly port: number
  /** The Unix socket connected through instead of host and port, when one is configured. */
  readonly socketPath?: string
  readonly database: string
  readonly user: string
}

/** mysqlPlace is where the DataSource's options connect (see MysqlPlace). */
export function mysqlPlace(options: DataSourceOptions): MysqlPlace {
  const credentials = credentialsOf(options)
  return {
    host: credentials.host ?? 'localhost',
    port: credentials.port ?? 3306,
    ...(credentials.socketPath !== undefined && { socketPath: credentials.socketPath }),
    database: credentials.database ?? '(none)',
    user: credentials.username ?? '(default)',
  }
}

/** mysqlPassword is the password the DataSource's options connect with (from its url, if there), for tools that take it apart. */
export function mysqlPassword(options: DataSourceOptions): string | undefined {
  return credentialsOf(options).password
}

/**
 * mysqlConnectionError is the error for a failed connection with these options, from `connect` or from
 * TypeORM's: the server, database and user named, the password never (it is masked in the driver's text too).
 */
export function mysqlConnectionError(options: DataSourceOptions, err: unknown): Error {
  const reason = withoutSecret(reasonOf(err), mysqlPassword(options))
  return new Error(`${options.type}: cannot connect to ${targetText(options)}: ${reason}; ${whatToCheck(credentialsOf(options))}`, { cause: err })
}

/** describeMysqlTarget is `mysql <host>:<port>/<db> as <user>` (`mariadb ...`, a socket's path for host and port), without the password. */
export function describeMysqlTarget(options: DataSourceOptions): DatabaseTarget {
  return { description: `${options.type} ${targetText(options)}`, warnings: [] }
}

function targetText(options: DataSourceOptions): string {
  const place = mysqlPlace(options)
  return `${place.socketPath ?? `${place.host}:${place.port}`}/${place.database} as ${place.user}`
}

/** credentialsOf merges the replication master over the options, then the url's parts over both. */
function credentialsOf(options: DataSourceOptions): MysqlCredentials {
  const mysql = options as MysqlOptions
  const own = mysql.replication?.master ? { ...mysql, ...mysql.replication.master } : mysql
  const credentials: MysqlCredentials = {
    ...(own.host !== undefined && { host: own.host }),
    ...(own.port !== undefined && { port: Number(own.port) }),
    ...(own.username !== undefined && { username: own.username }),
    ...(typeof own.password === 'string' && { password: own.password }),
    ...(own.database !== undefined && { database: own.database }),
    ...(own.socketPath !== undefined && { socketPath: own.socketPath }),
  }
  const url = parseUrl(own.url)
  if (url === undefined) return credentials
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  return {
    ...credentials,
    ...(url.hostname !== '' && { host: decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, '$1')) }),
    ...(url.port !== '' && { port: Number(url.port) }),
    ...(url.username !== '' && { username: decodeURIComponent(url.username) }),
    ...(url.password !== '' && { password: decodeURIComponent(url.password) }),
    ...(database !== '' && { database }),
  }
}

/**
 * reasonOf is the driver's text for `err` (an Error, perhaps of another realm); a refused connection to a name
 * with several addresses has it in its parts.
 */
function reasonOf(err: unknown): string {
  const { message, errors, code } = (err ?? {}) as { message?: unknown; errors?: unknown; code?: unknown }
  if (typeof message === 'string' && message !== '') return message
  const parts = Array.isArray(errors) ? errors.map((part: unknown) => reasonOf(part)) : []
  return parts.length > 0 ? parts.join(', ') : typeof code === 'string' ? code : String(err)
}

function readOnlyConnection(connection: Connection, server: MysqlServer): MysqlConnection {
  let queryCount = 0
  return {
    server,
    get queryCount() {
      return queryCount
    },
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      queryCount++
      const [rows] = await connection.query(sql, params as unknown[])
      return rows as Row[]
    },
    async close() {
      await connection.end()
    },
  }
}
