import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { type MigrationFile, migrationFilesIn } from '../source/migration-files'
import { migrationHash, migrationSumFileName, readSum } from '../source/migration-sum'
import type { CheckFinding } from '../hazards/check-finding'
import { isCreatedMigrationHash } from './created-migration-hash'
import { outOfOrderFindings } from './migration-order'

/** The codes of the migrations folder's findings (exit code 5), each documented in the README. */
export const folderIntegrityCodes = [
  'SUM_MISSING',
  'SUM_CONFLICT',
  'SUM_CORRUPT',
  'MIGRATION_NOT_IN_SUM',
  'MIGRATION_GONE',
  'MIGRATION_CHANGED',
  'APPLIED_MIGRATION_EDITED',
  'MIGRATION_OUT_OF_ORDER',
] as const

/**
 * folderIntegrityFindings checks the migrations folder `dir` (with its `subfolders`, see migrationFilesIn) against its autogen.sum and against `applied`,
 * the names of the migrations the database applied (none without a database): a file edited after it was
 * applied, a file added or removed without the sum knowing, a sum missing, conflicted or corrupt, and a
 * migration left behind the newest applied one (see outOfOrderFindings). Paths are shown relative to `cwd`.
 */
export function folderIntegrityFindings(dir: string, subfolders: boolean, applied: readonly string[], cwd = process.cwd()): CheckFinding[] {
  const files = migrationFilesIn(dir, subfolders)
  return [...sumFindings(dir, files, new Set(applied), cwd), ...outOfOrderFindings(files, applied, cwd)]
}

function sumFindings(dir: string, files: readonly MigrationFile[], applied: ReadonlySet<string>, cwd: string): CheckFinding[] {
  const sumFile = relative(cwd, join(dir, migrationSumFileName))
  const read = readSum(dir)
  const redo = `run \`typeorm-autogen hash\` to write it anew`
  switch (read.kind) {
    case 'missing':
      return files.length === 0 ? [] : [{
        code: 'SUM_MISSING',
        file: sumFile,
        message: `the migrations folder has ${files.length} migration${files.length === 1 ? '' : 's'} but no ${migrationSumFileName}: review them, then run \`typeorm-autogen hash\` once and commit it`,
      }]
    case 'conflict':
      return [{
        code: 'SUM_CONFLICT',
        file: sumFile,
        message: `git conflict markers: two branches added migrations. After the merge, ${redo}, then check again: a migration left out of order is named, with the \`typeorm-autogen rebase\` that moves it on top`,
      }]
    case 'corrupt':
      return [{ code: 'SUM_CORRUPT', file: sumFile, message: `${read.reason}: restore it (git checkout -- ${sumFile}) or ${redo}` }]
    case 'read': {
      const recorded = new Map(read.entries.map((e) => [e.fileName, e.hash]))
      const onDisk = new Set(files.map((f) => f.fileName))
      return [
        ...files.flatMap((f) => fileFindings(f, recorded.get(f.fileName), applied, cwd)),
        // A file listed and still there is no migration (an index of them, which an older version listed): no finding.
        ...read.entries.filter((e) => !onDisk.has(e.fileName) && !existsSync(join(dir, e.fileName))).map((e): CheckFinding => {
          const file = relative(cwd, join(dir, e.fileName))
          return {
            code: 'MIGRATION_GONE',
            file,
            message: `in ${migrationSumFileName} but not in the folder: restore it (git checkout -- ${file}), or, removed on purpose and applied nowhere, run \`typeorm-autogen hash\``,
          }
        }),
      ]
    }
  }
}

function fileFindings(f: MigrationFile, recorded: string | undefined, applied: ReadonlySet<string>, cwd: string): CheckFinding[] {
  const file = relative(cwd, f.file)
  if (recorded === undefined) {
    return [{ code: 'MIGRATION_NOT_IN_SUM', file, message: `not in ${migrationSumFileName} (written by hand or copied in?): review it, then run \`typeorm-autogen hash\`` }]
  }
  if (recorded === migrationHash(f.source)) return []
  const migration = f.name ?? f.fileName
  if (isCreatedMigrationHash(f.fileName, recorded)) {
    return [{
      code: 'MIGRATION_CHANGED',
      file,
      message: `filled in since \`typeorm-autogen create\` wrote it: review it, then run \`typeorm-autogen hash\` to record it as it is now`,
    }]
  }
  if (applied.has(migration)) {
    return [{
      code: 'APPLIED_MIGRATION_EDITED',
      file,
      message: `migration ${migration} differs from ${migrationSumFileName} and is applied: edited after it ran, restore it (git checkout -- ${file}) and write a new migration for the change; ` +
        'edited before it ran, as the database has it, run `typeorm-autogen hash`',
    }]
  }
  return [{
    code: 'MIGRATION_CHANGED',
    file,
    message: `changed since ${migrationSumFileName} was written: if the edit is meant and ${migration} is applied nowhere yet, run \`typeorm-autogen hash\`; else restore it (git checkout -- ${file})`,
  }]
}
