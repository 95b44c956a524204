import { renderEmptyMigrationFile } from '../render/empty-migration-file'
import { javaScriptMigration, type MigrationFormat, typeScriptMigration } from '../render/migration-format'
import { migrationHash } from '../source/migration-sum'

const createdFileName = /^(\d{13})-([A-Za-z][A-Za-z0-9_]*)(\.ts|\.js|\.cjs|\.mjs)$/

/**
 * isCreatedMigrationHash says whether `hash` is the hash of the empty migration `typeorm-autogen create`
 * writes as `fileName`: autogen.sum then holds the file as create wrote it, before it was filled in.
 */
export function isCreatedMigrationHash(fileName: string, hash: string): boolean {
  const match = createdFileName.exec(fileName)
  return match !== null && formatsOf(match[3]!).some((format) => migrationHash(renderEmptyMigrationFile(match[2]!, Number(match[1]), format).source) === hash)
}

/** formatsOf are the formats create may have written a file with `extension` in: a `.js` one is either module. */
function formatsOf(extension: string): MigrationFormat[] {
  return extension === '.ts' ? [typeScriptMigration] : [javaScriptMigration(extension, false), javaScriptMigration(extension, true)]
}
