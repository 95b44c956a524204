import type { MigrationScriptSyntax } from '../dialect/dialect'
import { type PlaceholderSyntax, inlineParameters } from '../dialect/inline-parameters'
import type { MigrationScript, ScriptEntry } from '../runner/migration-script'
import type { RecordedCall } from '../runner/recording-query-runner'

/**
 * migrationScriptText writes a MigrationScript as an SQL script to run by hand (`psql -f`, `sqlite3`): each
 * migration's part between comments, each statement ending with `;`, its parameters written in as literals,
 * and a note after each query whose rows the migration read, since the script cannot know them.
 */
export function migrationScriptText(script: MigrationScript, { parameters, howToRun }: MigrationScriptSyntax): string {
  const command = script.direction === 'up' ? 'upgrade' : 'downgrade'
  const count = `${script.migrations.length} migration${script.migrations.length === 1 ? '' : 's'}`
  const head = script.migrations.length === 0
    ? [`-- typeorm-autogen ${command} --sql: nothing to ${script.direction === 'up' ? 'apply: no pending migrations' : 'revert'}.`]
    : [
        `-- typeorm-autogen ${command} --sql: ${count}, as TypeORM's runner sends them (migrationsTransactionMode "${script.transactionMode}").`,
        '-- Written for the database as its migrations table is now; run it once, on that database,',
        `-- ${howToRun}.`,
      ]
  return [...head, ...script.entries.flatMap((entry) => entryLines(entry, script.direction, parameters))].join('\n') + '\n'
}

function entryLines(entry: ScriptEntry, direction: 'up' | 'down', parameters: PlaceholderSyntax): string[] {
  if (entry.kind !== 'statement') return entry.kind === 'begin' ? ['', `-- ${entry.migration}: ${direction}`] : [`-- end of ${entry.migration}`]
  return [...statementLines(entry.call, parameters), ...(entry.call.resultRead && entry.migration !== undefined ? [readNote(entry.migration, entry.call.failsOnRows)] : [])]
}

function statementLines(call: RecordedCall, parameters: PlaceholderSyntax): string[] {
  const sql = call.sql.trim().replace(/;$/, '')
  if (call.parameters === undefined) return [`${sql};`]
  const inlined = inlineParameters(sql, call.parameters, parameters)
  if (inlined !== undefined) return [`${inlined};`]
  return [`${sql};`, `-- offline: the parameters of the statement above have no SQL literal here, fill them in: ${JSON.stringify(call.parameters)}`]
}

function readNote(migration: string, failure: string | undefined): string {
  if (failure !== undefined) return `-- offline: must return no rows, else ${migration} fails here: ${failure.replace(/\s+/g, ' ')}; run this query alone first, and not the script while it returns a row`
  return `-- offline: ${migration} reads the result of the query above, which this script cannot know: what it sends next may differ on the real database`
}
