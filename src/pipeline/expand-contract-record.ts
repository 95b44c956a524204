import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PhaseRecord } from '../render/migration-plan'
import { phaseRecordPrefix } from '../render/phase-text'

/** ExpandRecord is an expand migration's record. */
export type ExpandRecord = Extract<PhaseRecord, { step: 'expand' }>

/**
 * openExpands are the expand migrations of the migrations folder that no contract migration of the folder
 * finishes yet, read from the record line in each file's header (never from its SQL), oldest first.
 */
export function openExpands(migrationsDir: string): ExpandRecord[] {
  const records = readRecords(migrationsDir)
  const finished = new Set(records.flatMap((r) => (r.step === 'contract' ? r.finishes : [])))
  return records.filter((r): r is ExpandRecord => r.step === 'expand' && !finished.has(r.migration))
}

function readRecords(migrationsDir: string): PhaseRecord[] {
  let names: string[]
  try {
    names = readdirSync(migrationsDir).filter((n) => /\.[cm]?[jt]s$/.test(n) && !n.endsWith('.d.ts')).sort()
  } catch {
    return [] // no folder yet: no migrations
  }
  return names.flatMap((name) => {
    const text = readFileSync(join(migrationsDir, name), 'utf8')
    const start = text.indexOf(phaseRecordPrefix)
    if (start < 0) return []
    const end = text.indexOf('\n', start)
    try {
      return [JSON.parse(text.slice(start + phaseRecordPrefix.length, end < 0 ? undefined : end)) as PhaseRecord]
    } catch {
      return [] // a hand-edited record line: the file is then an ordinary migration
    }
  })
}
