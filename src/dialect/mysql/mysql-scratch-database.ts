import { randomBytes } from 'node:crypto'
import type { Connection } from 'mysql2/promise'
import type { DataSourceOptions } from 'typeorm'
import { UserError } from '../../source/user-error'
import type { ScratchDatabase } from '../dialect'
import { connectMysql, mysqlPlace, openMysql } from './mysql-connection'
import { quoteIdent } from './mysql-quote'

/** SCRATCH_MARK is in every scratch database's name, `<target>_autogen_<8 hex digits>`. */
export const SCRATCH_MARK = '_autogen_'
/** MAX_NAME_CHARS is the longest database name MySQL and MariaDB take. */
const MAX_NAME_CHARS = 64

type MysqlOptions = Extract<DataSourceOptions, { type: 'mysql' | 'mariadb' }>

/**
 * createMysqlScratchDatabase creates a fresh database on the target's server with the DataSource's credentials,
 * named after the target, or on the server and with the credentials of `shadowUrl`, named after its database
 * (which is never changed). It takes the target database's default character set and collation when the target
 * exists, so that the columns that inherit them compare alike. It is created and dropped over a connection
 * of its own, which on drop also ends the sessions still using it.
 */
export async function createMysqlScratchDatabase(options: DataSourceOptions, shadowUrl?: string): Promise<ScratchDatabase> {
  const target = serverOf(options)
  const server = shadowUrl === undefined ? target : serverOf(options, shadowUrl)
  const name = scratchName(mysqlPlace(server).database)
  const maintenance = await openMysql(withoutDatabase(server))
  try {
    const defaults = await targetDefaults(shadowUrl === undefined ? maintenance : undefined, target)
    await maintenance.query(`CREATE DATABASE ${quoteIdent(name)}${defaults}`)
  } catch (err) {
    await maintenance.end().catch(() => undefined)
    const place = mysqlPlace(server)
    const reason = err instanceof Error ? err.message : String(err)
    throw new UserError(`cannot create a scratch database on ${place.socketPath ?? `${place.host}:${place.port}`} as ${place.user}: ${reason}; give a server where you may with --shadow-url URL`, { cause: err })
  }
  const scratch = pointedAt(server, name)
  const place = mysqlPlace(scratch)
  let dropping: Promise<void> | undefined
  return {
    options: scratch,
    description: `${options.type} ${place.socketPath ?? `${place.host}:${place.port}`}/${name}`,
    connect: () => connectMysql(scratch),
    drop() {
      dropping ??= dropDatabase(maintenance, name).finally(() => maintenance.end().catch(() => undefined))
      return dropping
    },
  }
}

/** scratchName is `<target>_autogen_<random>`, the target's name shortened to keep it within 64 characters. */
export function scratchName(target: string): string {
  const suffix = `${SCRATCH_MARK}${randomBytes(4).toString('hex')}`
  const prefix = [...(target === '(none)' ? 'scratch' : target)].slice(0, MAX_NAME_CHARS - suffix.length).join('')
  return prefix + suffix
}

/**
 * targetDefaults is ` CHARACTER SET x COLLATE y` of the target database, read over `connection` (the target's
 * server) or a connection of its own; empty when the target does not exist or cannot be read.
 */
async function targetDefaults(connection: Connection | undefined, target: MysqlOptions): Promise<string> {
  const database = mysqlPlace(target).database
  const reader = connection ?? await openMysql(withoutDatabase(target)).catch(() => undefined)
  if (reader === undefined) return ''
  try {
    const [rows] = await reader.query(
      'SELECT DEFAULT_CHARACTER_SET_NAME AS charset, DEFAULT_COLLATION_NAME AS collation FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [database])
    const found = (rows as Array<{ charset: string; collation: string }>)[0]
    return found === undefined ? '' : ` CHARACTER SET ${found.charset} COLLATE ${found.collation}`
  } catch {
    return ''
  } finally {
    if (connection === undefined) await reader.end().catch(() => undefined)
  }
}

/** dropDatabase ends the other sessions using database `name`, then drops it (DROP DATABASE would wait for their locks). */
async function dropDatabase(maintenance: Connection, name: string): Promise<void> {
  const [sessions] = await maintenance.query('SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()', [name])
  for (const { id } of sessions as Array<{ id: number | string }>) await maintenance.query(`KILL ${Number(id)}`).catch(() => undefined)
  await maintenance.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`)
}

/** serverOf is the DataSource's options without replication, connecting with `url` when one is given. */
function serverOf(options: DataSourceOptions, url?: string): MysqlOptions {
  const { replication, ...rest } = options as MysqlOptions
  const master = replication?.master ?? {}
  if (url === undefined) return { ...rest, ...master } as MysqlOptions
  const { host, port, username, password, database, socketPath, url: _ownUrl, ...others } = rest
  return { ...others, url } as MysqlOptions
}

/** pointedAt is `server` connecting to the database `name` instead. */
function pointedAt(server: MysqlOptions, name: string): MysqlOptions {
  if (server.url === undefined) return { ...server, database: name }
  const url = new URL(server.url)
  url.pathname = `/${encodeURIComponent(name)}`
  return { ...server, url: url.toString(), database: name }
}

/** withoutDatabase is `server` connecting to no database in particular. */
function withoutDatabase(server: MysqlOptions): MysqlOptions {
  const { database, ...rest } = server
  if (rest.url === undefined) return rest as MysqlOptions
  const url = new URL(rest.url)
  url.pathname = '/'
  return { ...rest, url: url.toString() } as MysqlOptions
}
