import { extname } from 'node:path'
import { renderEmptyMigrationFile } from '../render/empty-migration-file'
import { javaScriptMigration, type MigrationFormat, typeScriptMigration } from '../render/migration-format'
import { fileNameParts } from '../source/migration-files'
import { migrationHash } from '../source/migration-sum'

/**
 * isCreatedMigrationHash says whether `hash` is the hash of the empty migration `typeorm-autogen create`
 * writes as `fileName` (a file of migrationFilesIn): autogen.sum then holds the file as create wrote it,
 * before it was filled in.
 */
export function isCreatedMigrationHash(fileName: string, hash: string): boolean {
  const parts = fileNameParts(fileName)
  return parts !== undefined && formatsOf(extname(fileName)).some((format) => {
    const created = renderEmptyMigrationFile(parts.name, Number(parts.timestamp), format)
    return created.fileName === fileName && migrationHash(created.source) === hash
  })
}

/** formatsOf are the formats create may have written a file with `extension` in: a `.js` one is either module. */
function formatsOf(extension: string): MigrationFormat[] {
  return extension === '.ts' ? [typeScriptMigration] : [javaScriptMigration(extension, false), javaScriptMigration(extension, true)]
}
