import type { Connection, ConnectionOptions } from 'mysql2/promise'
import type { DataSourceOptions } from 'typeorm'
import type { DatabaseConnection, DatabaseTarget } from '../dialect'
import { mysqlDriver } from './mysql-driver'
import { type MysqlServer, mysqlServerOf } from './mysql-server'

type MysqlOptions = Extract<DataSourceOptions, { type: 'mysql' | 'mariadb' }>
type Credentials = Pick<MysqlOptions, 'url' | 'host' | 'port' | 'username' | 'password' | 'database' | 'socketPath' | 'ssl' | 'charset'>

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
  let connection: Connection
  try {
    connection = await mysqlDriver().createConnection(mysqlClientConfig(options))
  } catch (err) {
    throw mysqlConnectionError(options, err)
  }
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

/** mysqlClientConfig is the mysql2 connection configuration of the DataSource's options (of its replication master, if any). */
export function mysqlClientConfig(options: DataSourceOptions): ConnectionOptions {
  const credentials = credentialsOf(options)
  return {
    ...(credentials.url !== undefined && { uri: credentials.url }),
    ...(credentials.host !== undefined && { host: credentials.host }),
    ...(credentials.port !== undefined && { port: credentials.port }),
    ...(credentials.username !== undefined && { user: credentials.username }),
    ...(credentials.password !== undefined && { password: credentials.password }),
    ...(credentials.database !== undefined && { database: credentials.database }),
    ...(credentials.socketPath !== undefined && { socketPath: credentials.socketPath }),
    ...(credentials.ssl !== undefined && { ssl: credentials.ssl as ConnectionOptions['ssl'] }),
    ...(credentials.charset !== undefined && { charset: credentials.charset }),
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    multipleStatements: false,
  }
}

/** MysqlPlace is where the DataSource's options connect: server, database and user, read from the url when there is one. */
export interface MysqlPlace {
  readonly host: string
  readonly port: number
  readonly database: string
  readonly user: string
}

/** mysqlPlace is where the DataSource's options connect (see MysqlPlace). */
export function mysqlPlace(options: DataSourceOptions): MysqlPlace {
  const credentials = credentialsOf(options)
  const url = parseUrl(credentials.url)
  return {
    host: credentials.host ?? (url?.hostname || 'localhost'),
    port: credentials.port ?? (url?.port ? Number(url.port) : 3306),
    database: credentials.database ?? (decodeURIComponent(url?.pathname.replace(/^\//, '') ?? '') || '(none)'),
    user: credentials.username ?? (url?.username ? decodeURIComponent(url.username) : '(default)'),
  }
}

/**
 * mysqlConnectionError is the error for a failed connection with these options, from `connect` or from
 * TypeORM's: the server, database and user named, the password never.
 */
export function mysqlConnectionError(options: DataSourceOptions, err: unknown): Error {
  const credentials = credentialsOf(options)
  const secret = typeof credentials.password === 'string' ? credentials.password : parseUrl(credentials.url)?.password
  const reason = withoutSecret(err instanceof Error ? err.message : String(err), secret)
  return new Error(`${options.type}: cannot connect to ${targetText(options)}: ${reason}; check the DataSource's url or host, port, database and credentials`, { cause: err })
}

/** describeMysqlTarget is `mysql <host>:<port>/<db> as <user>`, without the password. */
export function describeMysqlTarget(options: DataSourceOptions): DatabaseTarget {
  return { description: `${options.type} ${targetText(options)}`, warnings: [] }
}

function targetText(options: DataSourceOptions): string {
  const place = mysqlPlace(options)
  return `${place.host}:${place.port}/${place.database} as ${place.user}`
}

function credentialsOf(options: DataSourceOptions): Credentials {
  const mysql = options as MysqlOptions
  return mysql.replication?.master ? { ...mysql, ...mysql.replication.master } : mysql
}

function parseUrl(url: string | undefined): URL | undefined {
  if (url === undefined) return undefined
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

function withoutSecret(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text
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
