import { renderEmptyMigrationFile } from '../render/empty-migration-file'
import { migrationHash } from '../source/migration-sum'

const createdFileName = /^(\d{13})-([A-Za-z][A-Za-z0-9_]*)\.ts$/

/**
 * isCreatedMigrationHash says whether `hash` is the hash of the empty migration `typeorm-autogen create`
 * writes as `fileName`: autogen.sum then holds the file as create wrote it, before it was filled in.
 */
export function isCreatedMigrationHash(fileName: string, hash: string): boolean {
  const match = createdFileName.exec(fileName)
  return match !== null && migrationHash(renderEmptyMigrationFile(match[2]!, Number(match[1])).source) === hash
}
