import type { MigrationDetails } from '../runner/migration-details'
import type { MigrationEntry } from '../runner/migration-log'
import type { RecordedQuery } from '../runner/recording-query-runner'

// The shapes below are documented in README.md ("The runner's JSON"): change them together.

/** entryJson is a migration as `status --format json` lists it. */
export function entryJson(entry: MigrationEntry): object {
  return { name: entry.name, timestamp: entry.timestamp ?? null, state: entry.state, file: entry.file ?? null }
}

/** detailsJson is a migration as `history --format json` lists it. */
export function detailsJson(details: MigrationDetails): object {
  return {
    ...entryJson(details),
    summary: details.summary,
    header: details.header,
    hazards: details.hazards.map(({ code, severity, message, accepted, line }) => ({ code, severity, message, accepted, line })),
  }
}

/** showJson is `show --format json`: the migration as history has it, and the queries of up and down. */
export function showJson(details: MigrationDetails, up: readonly RecordedQuery[], down: readonly RecordedQuery[]): object {
  return { ...detailsJson(details), up, down }
}

/** jsonText prints a report's JSON as every command does. */
export function jsonText(value: object): string {
  return JSON.stringify(value, null, 2)
}
