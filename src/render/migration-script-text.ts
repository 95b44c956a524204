import type { MigrationScriptSyntax } from '../dialect/dialect'
import { type PlaceholderSyntax, inlineParameters } from '../dialect/inline-parameters'
import type { MigrationScript, ScriptEntry } from '../runner/migration-script'
import { type RecordedCall, readsUnknownRows } from '../runner/recording-query-runner'

/**
 * migrationScriptText writes a MigrationScript as an SQL script to run by hand (`psql -f`, `sqlite3`): the
 * dialect's preamble, then each migration's part between comments, each statement ending with `;` (or the dialect's other delimiter), its parameters written in as literals,
 * and a note after each query whose rows the migration read, since the script cannot know them. A query one
 * row of which fails the migration (a check) is written as the dialect's failing check, so that the script
 * stops there too.
 */
export function migrationScriptText(script: MigrationScript, syntax: MigrationScriptSyntax): string {
  const { howToRun } = syntax
  const command = script.direction === 'up' ? 'upgrade' : 'downgrade'
  const count = `${script.migrations.length} migration${script.migrations.length === 1 ? '' : 's'}`
  const head = script.migrations.length === 0
    ? [`-- typeorm-autogen ${command} --sql: nothing to ${script.direction === 'up' ? 'apply: no pending migrations' : 'revert'}.`]
    : [
        `-- typeorm-autogen ${command} --sql: ${count}, as TypeORM's runner sends them (migrationsTransactionMode "${script.transactionMode}").`,
        script.from === undefined
          ? '-- Written for the database as its migrations table is now; run it once, on that database,'
          : `-- Written for a database at ${script.from === 'base' ? 'base, where no migration has run' : script.from}, whatever the migrations table of the one connected to records; run it once, on such a database,`,
        `-- ${howToRun}.`,
        ...[syntax.recordsWhere?.(script.migrationsTable)].filter((line) => line !== undefined).map((line) => `-- ${line}.`),
      ]
  const preamble = script.migrations.length === 0 ? [] : syntax.preamble.flatMap((sql) => syntax.statementLines(sql))
  return [...head, ...preamble, ...script.entries.flatMap((entry) => entryLines(entry, script.direction, syntax))].join('\n') + '\n'
}

function entryLines(entry: ScriptEntry, direction: 'up' | 'down', syntax: MigrationScriptSyntax): string[] {
  if (entry.kind !== 'statement') return entry.kind === 'begin' ? ['', `-- ${entry.migration}: ${direction}`] : [`-- end of ${entry.migration}`]
  const { call, migration } = entry
  const failure = call.failsOnRows?.replace(/\s+/g, ' ')
  if (failure !== undefined && migration !== undefined) return checkLines(call, `${migration} fails here: ${failure}`, syntax)
  return [...statementLines(call, syntax), ...(readsUnknownRows(call) && migration !== undefined ? [readNote(migration)] : [])]
}

/** checkLines write a query whose first row fails the migration with `message` as a check that fails the script alike. */
function checkLines(call: RecordedCall, message: string, syntax: MigrationScriptSyntax): string[] {
  const { sql, unfilled } = statementSql(call, syntax.parameters)
  return [
    `-- offline: a check: the statements below fail when the query in them returns a row, and stop the script there, as the migration stops: ${message}`,
    ...(unfilled === undefined ? [] : [unfilled]),
    ...syntax.failingCheck(sql, message).map((statement) => `${statement};`),
  ]
}

function statementLines(call: RecordedCall, syntax: MigrationScriptSyntax): string[] {
  const { sql, unfilled } = statementSql(call, syntax.parameters)
  return [...syntax.statementLines(sql), ...(unfilled === undefined ? [] : [unfilled])]
}

/** statementSql is a call's SQL with its parameters written in as literals, or as it is with a note where they cannot be. */
function statementSql(call: RecordedCall, parameters: PlaceholderSyntax): { sql: string; unfilled?: string } {
  const sql = call.sql.trim().replace(/;$/, '')
  if (call.parameters === undefined) return { sql }
  const inlined = inlineParameters(sql, call.parameters, parameters)
  if (inlined !== undefined) return { sql: inlined }
  return { sql, unfilled: `-- offline: the parameters of the statement ${call.failsOnRows === undefined ? 'above' : 'below'} have no SQL literal here, fill them in: ${JSON.stringify(call.parameters)}` }
}

function readNote(migration: string): string {
  return `-- offline: ${migration} reads the result of the query above, which this script cannot know: what it sends next may differ on the real database`
}
