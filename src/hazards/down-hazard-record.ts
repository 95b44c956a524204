import type { Probe } from '../dialect/probe'
import type { HazardCode } from './hazard'
import type { DownHazard } from './down-hazards'
import type { HazardFinding } from './hazard-finding'

/** downHazardRecordPrefix starts the header line of a migration file that records the hazards of its `down` for `downgrade`. */
export const downHazardRecordPrefix = '// typeorm-autogen down hazards: '

/**
 * RecordedDownHazard is a hazard of `down` as the file records it: what `downgrade` needs to count it on the live
 * database and say it again with the count (see describeHazard), without the operation, which it does not need.
 */
export type RecordedDownHazard = Pick<HazardFinding, 'what' | 'advice' | 'subject'> & { readonly code: HazardCode; readonly probe: Probe }

/**
 * downHazardRecordLine is the header line recording the hazards of `down` that have something to count, as one line
 * of JSON; undefined when none has.
 */
export function downHazardRecordLine(hazards: readonly DownHazard[]): string | undefined {
  const recorded = hazards.flatMap(({ finding }): RecordedDownHazard[] => finding.probe === undefined ? [] : [{
    code: finding.code, what: finding.what, advice: finding.advice, probe: finding.probe,
    ...(finding.subject !== undefined && { subject: finding.subject }),
  }])
  return recorded.length === 0 ? undefined : `${downHazardRecordPrefix}${JSON.stringify(recorded)}`
}

/**
 * readDownHazardRecord reads the hazards of `down` a migration file records (never its SQL); none where it has no
 * record line (a file written by hand or by an older version) or the line was edited into something else.
 */
export function readDownHazardRecord(source: string): RecordedDownHazard[] {
  const start = source.indexOf(downHazardRecordPrefix)
  if (start < 0) return []
  const end = source.indexOf('\n', start)
  try {
    const recorded: unknown = JSON.parse(source.slice(start + downHazardRecordPrefix.length, end < 0 ? undefined : end))
    return Array.isArray(recorded) ? recorded.filter(isRecorded) : []
  } catch {
    return []
  }
}

function isRecorded(value: unknown): value is RecordedDownHazard {
  const record = value as Partial<RecordedDownHazard> | null
  return typeof record === 'object' && record !== null && typeof record.code === 'string' && typeof record.what === 'string' &&
    typeof record.advice === 'string' && typeof record.probe === 'object' && record.probe !== null
}
