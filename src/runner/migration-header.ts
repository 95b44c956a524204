import { partsOfLine } from '../render/part-text'
import { phaseRecordPrefix } from '../render/phase-text'
import { unfilledChangesLine } from '../render/empty-migration-file'
import { downHazardRecordPrefix } from '../hazards/down-hazard-record'

/** recordPrefixes start the header lines written for the tool to read back, not for people: left out of `text`. */
const recordPrefixes = [phaseRecordPrefix, downHazardRecordPrefix]

/** MigrationHeader is what the comment block on top of a migration file says (see render/migration-file.ts). */
export interface MigrationHeader {
  /** The lines under `Changes:`, without their indent: the change summary; none where `create` wrote it and nobody filled it in. */
  readonly changes: readonly string[]
  /** The whole block after its title line, as written (parts, phases, changes, warnings, hazards, notes). */
  readonly text: readonly string[]
  /** The migrations of one change cut in parts, in the order they run, where this file is one of them. */
  readonly parts?: readonly string[]
}

/**
 * readMigrationHeader reads the `//` comment block a migration file starts with: for a generated or created
 * file its summary; for a file written otherwise, whatever comment it starts with (often none).
 */
export function readMigrationHeader(source: string): MigrationHeader {
  const block: string[] = []
  for (const line of source.split(/\r\n|\n|\r/)) {
    if (!line.startsWith('//')) break
    if (!recordPrefixes.some((prefix) => line.startsWith(prefix))) block.push(line.replace(/^\/\/ ?/, ''))
  }
  const text = trimBlank(block.slice(1))
  const start = text.indexOf('Changes:')
  const changes: string[] = []
  for (const line of start < 0 ? [] : text.slice(start + 1)) {
    if (!line.startsWith('  ')) break
    if (line.slice(2) !== unfilledChangesLine) changes.push(line.slice(2))
  }
  const parts = text.map(partsOfLine).find((names) => names !== undefined)
  return { changes, text, ...(parts !== undefined && { parts }) }
}

function trimBlank(lines: string[]): string[] {
  const first = lines.findIndex((line) => line !== '')
  if (first < 0) return []
  let end = lines.length
  while (lines[end - 1] === '') end--
  return lines.slice(first, end)
}
