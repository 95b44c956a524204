import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import type { DataSourceOptions } from 'typeorm'
import { UserError, messageOf } from '../../source/user-error'
import { postgresClientConfig, postgresPlace } from './postgres-connection'

/**
 * backupPostgres runs `pg_dump --format=custom` (restored with `pg_restore`) to `path`, connecting as the
 * DataSource does; the connection settings go through pg_dump's environment, so no password is on its
 * command line. A failed dump leaves no file.
 */
export async function backupPostgres(options: DataSourceOptions, path: string): Promise<boolean> {
  const config = postgresClientConfig(options)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(config.host !== undefined && { PGHOST: config.host }),
    ...(config.port !== undefined && { PGPORT: String(config.port) }),
    ...(config.user !== undefined && { PGUSER: config.user }),
    ...(typeof config.password === 'string' && { PGPASSWORD: config.password }),
    ...(config.database !== undefined && { PGDATABASE: config.database }),
    ...(config.options !== undefined && { PGOPTIONS: config.options }),
    ...(config.ssl !== undefined && config.ssl !== false && { PGSSLMODE: 'require' }),
  }
  const args = ['--format=custom', `--file=${path}`, ...(config.connectionString !== undefined ? [`--dbname=${config.connectionString}`] : [])]
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const dump = spawn('pg_dump', args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    dump.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()))
    dump.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT'
      ? new UserError('--backup needs pg_dump, which is not on the PATH: install the PostgreSQL client tools (the postgresql-client package, the server\'s version or newer), or leave --backup out; nothing was run')
      : err))
    dump.on('close', (exit) => resolve({ code: exit, stderr }))
  })
  if (code !== 0) {
    rmSync(path, { force: true })
    throw new UserError(`pg_dump could not back up ${postgresPlace(options).database}: ${messageOf(stderr.replace(/^pg_dump: (error: )?/, '')) || `exit status ${code}`}; nothing was run`)
  }
  return true
}

/** postgresBackupName is `<database>.<takenAt>.dump`, in the current folder. */
export function postgresBackupName(options: DataSourceOptions, takenAt: string): { file: string } {
  return { file: `${postgresPlace(options).database}.${takenAt}.dump` }
}
