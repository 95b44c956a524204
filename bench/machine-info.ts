import * as os from 'node:os'
import * as path from 'node:path'
import Database from 'better-sqlite3'
import { adminQuery } from './bench-project'
import { repoRoot } from './bench-settings'

/** MachineInfo is what the numbers were measured on. */
export interface MachineInfo {
  readonly cpu: string
  readonly cores: number
  readonly memoryGb: number
  readonly os: string
  readonly node: string
  readonly typeorm: string
  readonly postgres?: string
  readonly sqlite: string
}

export async function machineInfo(withPostgres: boolean): Promise<MachineInfo> {
  const cpus = os.cpus()
  const typeormManifest = require(path.join(repoRoot, 'node_modules', 'typeorm', 'package.json')) as { version: string }
  const memory = new Database(':memory:')
  const sqlite = (memory.prepare('select sqlite_version() as v').get() as { v: string }).v
  memory.close()
  const postgres = withPostgres ? (await adminQuery<{ server_version: string }>('SHOW server_version'))[0].server_version : undefined
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    typeorm: typeormManifest.version,
    ...(postgres === undefined ? {} : { postgres }),
    sqlite,
  }
}
