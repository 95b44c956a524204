import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import type { DataSourceOptions } from 'typeorm'
import { UserError, messageOf } from '../../source/user-error'
import { mysqlPassword, mysqlPlace } from './mysql-connection'

/** DUMP_TOOLS are the dump commands tried in turn: MariaDB's name, then MySQL's (MariaDB keeps it as a link). */
const DUMP_TOOLS = ['mariadb-dump', 'mysqldump'] as const

/**
 * backupMysql runs `mariadb-dump` or else `mysqldump` with `--single-transaction --routines --triggers
 * --events` to `path` (an SQL script, restored with `mariadb DATABASE < path`), connecting as the DataSource
 * does; the password goes through the tool's environment (MYSQL_PWD), never its command line. A failed dump
 * leaves no file.
 */
export async function backupMysql(options: DataSourceOptions, path: string): Promise<boolean> {
  const place = mysqlPlace(options)
  const password = mysqlPassword(options)
  const env: NodeJS.ProcessEnv = { ...process.env, ...(password !== undefined && { MYSQL_PWD: password }) }
  const args = [
    '--single-transaction', '--routines', '--triggers', '--events',
    ...(place.socketPath !== undefined ? [`--socket=${place.socketPath}`] : [`--host=${place.host}`, `--port=${place.port}`, '--protocol=TCP']),
    ...(place.user !== '(default)' ? [`--user=${place.user}`] : []),
    `--result-file=${path}`,
    place.database,
  ]
  for (const tool of DUMP_TOOLS) {
    const result = await run(tool, args, env)
    if (result === 'missing') continue
    if (result.code !== 0) {
      rmSync(path, { force: true })
      const reason = messageOf(result.stderr.replace(new RegExp(`^${tool}: (Got error: )?`, 'gm'), '')) || `exit status ${result.code}`
      throw new UserError(`${tool} could not back up ${place.database}: ${reason}; nothing was run`)
    }
    return true
  }
  throw new UserError('--backup needs mariadb-dump or mysqldump, neither of which is on the PATH: install the MariaDB client (the mariadb-client package) or the MySQL client (mysql-client), or leave --backup out; nothing was run')
}

/** run runs `tool`, or says it is missing from the PATH. */
function run(tool: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<'missing' | { code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const dump = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    dump.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()))
    dump.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? resolve('missing') : reject(err)))
    dump.on('close', (code) => resolve({ code, stderr }))
  })
}

/** mysqlBackupName is `<database>.<takenAt>.sql`, in the current folder. */
export function mysqlBackupName(options: DataSourceOptions, takenAt: string): { file: string } {
  return { file: `${mysqlPlace(options).database}.${takenAt}.sql` }
}
