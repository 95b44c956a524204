import { readFileSync } from 'node:fs'
import { type FileHazard, readHazardComments } from '../hazards/accepted-hazards'
import type { MigrationEntry } from './migration-log'
import { readMigrationHeader } from './migration-header'

/** MigrationDetails is a migration with what its file says of it: its header and its hazard comments. */
export interface MigrationDetails extends MigrationEntry {
  /** The change summary of its header (`Changes:`); empty when its file has none, or it has no file. */
  readonly summary: readonly string[]
  /** Its header's whole text after the title line. */
  readonly header: readonly string[]
  /** Its hazard comments, accepted or not, in file order. */
  readonly hazards: readonly FileHazard[]
}

/** detailsOf reads the file of `entry`, when it has one, for its header and hazard comments. */
export function detailsOf(entry: MigrationEntry): MigrationDetails {
  const source = entry.file === undefined ? '' : readFileSync(entry.file, 'utf8')
  const { changes, text } = readMigrationHeader(source)
  return { ...entry, summary: changes, header: text, hazards: readHazardComments(source) }
}
