import { relative } from 'node:path'
import type { Warning } from '../hazards/warning'
import { migrationFilesIn } from '../source/migration-files'
import { migrationHash, migrationSumFileName, readSum } from '../source/migration-sum'

/**
 * unrecordedEdits is the RUN_UNRECORDED_EDIT warning of `upgrade` about to run migrations (`toRun`, by name) whose
 * file differs from its line in autogen.sum: edited since `generate` wrote it (the reviewer's UPDATE before a NOT
 * NULL, say), or a `create`d one filled in, without `hash`. Once it is applied, `check` cannot tell that edit
 * from one made after the run, and reports APPLIED_MIGRATION_EDITED.
 */
export function unrecordedEdits(dir: string, subfolders: boolean, toRun: readonly string[], cwd = process.cwd()): Warning[] {
  const read = readSum(dir)
  if (read.kind !== 'read' || toRun.length === 0) return []
  const recorded = new Map(read.entries.map((e) => [e.fileName, e.hash]))
  return migrationFilesIn(dir, subfolders)
    .filter((f) => toRun.includes(f.name ?? f.fileName) && recorded.has(f.fileName) && recorded.get(f.fileName) !== migrationHash(f.source))
    .map((f) => ({
      code: 'RUN_UNRECORDED_EDIT',
      message: `${relative(cwd, f.file)} differs from ${migrationSumFileName} (edited since it was written), and runs as it is now: ` +
        `once it is reviewed, run \`typeorm-autogen hash\` to record the edit, or \`check\` reports it as edited after it was applied`,
    }))
}
