import type { BackupRequest } from '../runner/backup-before-run'
import type { CliOutput } from './cli-output'

/** backupReport is `upgrade --backup [PATH]` (undefined without it), which prints where the backup went. */
export function backupReport(path: string | undefined, output: CliOutput): BackupRequest | undefined {
  if (path === undefined) return undefined
  return {
    path,
    onDone: (written) => output.out(written === undefined ? 'No backup: the database has no data yet.' : `Backed up the database to ${written}`),
  }
}
