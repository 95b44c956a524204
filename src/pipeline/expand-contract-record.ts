import type { PhaseRecord } from '../plan/migration-phase'
import { phaseRecordPrefix } from '../render/phase-text'
import { migrationFilesIn } from '../source/migration-files'

/** ExpandRecord is an expand migration's record. */
export type ExpandRecord = Extract<PhaseRecord, { step: 'expand' }>

/**
 * openExpands are the expand migrations of the migrations folder that no contract migration of the folder
 * finishes yet, read from the record line in each file's header (never from its SQL), oldest first.
 */
export function openExpands(migrationsDir: string, subfolders: boolean): ExpandRecord[] {
  const records = readRecords(migrationsDir, subfolders)
  const finished = new Set(records.flatMap((r) => (r.step === 'contract' ? r.finishes : [])))
  return records.filter((r): r is ExpandRecord => r.step === 'expand' && !finished.has(r.migration))
}

function readRecords(migrationsDir: string, subfolders: boolean): PhaseRecord[] {
  return migrationFilesIn(migrationsDir, subfolders).flatMap(({ source }) => {
    const start = source.indexOf(phaseRecordPrefix)
    if (start < 0) return []
    const end = source.indexOf('\n', start)
    try {
      return [JSON.parse(source.slice(start + phaseRecordPrefix.length, end < 0 ? undefined : end)) as PhaseRecord]
    } catch {
      return [] // a hand-edited record line: the file is then an ordinary migration
    }
  })
}
