import * as os from 'node:os'
import * as path from 'node:path'
import { type BenchDialect, benchDialects } from './bench-dialects'
import { repoRoot } from './bench-settings'

/** MachineInfo is what the numbers were measured on. */
export interface MachineInfo {
  readonly cpu: string
  readonly cores: number
  readonly memoryGb: number
  readonly os: string
  readonly node: string
  readonly typeorm: string
  /** `PostgreSQL 15.4`, one entry per measured dialect. */
  readonly databases: readonly string[]
}

export async function machineInfo(dialects: readonly BenchDialect[]): Promise<MachineInfo> {
  const cpus = os.cpus()
  const typeormManifest = require(path.join(repoRoot, 'node_modules', 'typeorm', 'package.json')) as { version: string }
  const databases: string[] = []
  for (const dialect of dialects) databases.push(`${benchDialects[dialect].label} ${await benchDialects[dialect].version()}`)
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    typeorm: typeormManifest.version,
    databases,
  }
}
