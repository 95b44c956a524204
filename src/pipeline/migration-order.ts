import { relative } from 'node:path'
import type { MigrationFile } from '../source/migration-files'
import type { CheckFinding } from '../hazards/check-finding'
import type { Warning } from '../hazards/warning'
import { tablesChangedBy } from './tables-changed'

/** migrationTimestamp is the time TypeORM orders a migration by: the last 13 digits of its name, if it ends in them. */
export function migrationTimestamp(name: string): number | undefined {
  const digits = /(\d{13})$/.exec(name)?.[1]
  return digits === undefined ? undefined : Number(digits)
}

/**
 * outOfOrderFindings name the migrations of the folder that the database has not applied although they are
 * no newer than the newest one it applied: two branches each added a migration, and the merge put one behind
 * the other (or beside it: both branches took the millisecond after the same newest migration). TypeORM would
 * still run it, after a migration it was not written on top of.
 */
export function outOfOrderFindings(files: readonly MigrationFile[], applied: readonly string[], cwd = process.cwd()): CheckFinding[] {
  const newest = newestOf(applied)
  if (newest === undefined) return []
  const done = new Set(applied)
  return files.flatMap((f): CheckFinding[] => {
    const timestamp = f.name === undefined ? undefined : migrationTimestamp(f.name)
    if (f.name === undefined || timestamp === undefined || done.has(f.name) || timestamp > newest.timestamp) return []
    const behind = `migration ${f.name} is not applied but ${timestamp === newest.timestamp ? 'has the timestamp of' : 'older than'} ${newest.name}, the newest applied one (two branches merged?), so upgrade would run it after a migration it was not written on top of`
    const overlap = sharedTable(f, files.filter((other) => other.name !== undefined && done.has(other.name) && (migrationTimestamp(other.name) ?? -Infinity) >= timestamp))
    return [{
      code: 'MIGRATION_OUT_OF_ORDER',
      file: relative(cwd, f.file),
      message: overlap === undefined
        ? `${behind}: give it a newer timestamp with \`typeorm-autogen rebase ${f.name}\` if it is applied nowhere yet, or regenerate it on top (downgrade it where it is applied, delete it, then \`typeorm-autogen generate <Name>\`)`
        : `${behind}; ${overlap.other} changed table ${overlap.table} too, which this one may restate as it was before (a SQLite rebuild, MySQL's MODIFY COLUMN), undoing that: regenerate it on top (downgrade it where it is applied, delete it, then \`typeorm-autogen generate <Name>\`), or, where it keeps to what the other left alone, give it a newer timestamp with \`typeorm-autogen rebase ${f.name}\``,
    }]
  })
}

/** sharedTable is a table that `migration` changes and one of `applied` (run before it, though newer) changed too. */
function sharedTable(migration: MigrationFile, applied: readonly MigrationFile[]): { readonly table: string; readonly other: string } | undefined {
  const own = tablesChangedBy(migration.source)
  for (const other of applied) {
    const table = [...tablesChangedBy(other.source)].find((name) => own.has(name))
    if (table !== undefined) return { table, other: other.name! }
  }
  return undefined
}

/**
 * runOutOfOrder is the RUN_OUT_OF_ORDER warning of `upgrade` about to run migrations no newer than the newest
 * one `applied`, as TypeORM's runner does without a word; undefined where it runs none.
 */
export function runOutOfOrder(toRun: readonly string[], applied: readonly string[]): Warning | undefined {
  const newest = newestOf(applied)
  if (newest === undefined) return undefined
  const behind = toRun.filter((name) => (migrationTimestamp(name) ?? Infinity) <= newest.timestamp)
  if (behind.length === 0) return undefined
  const names = behind.join(', ')
  return {
    code: 'RUN_OUT_OF_ORDER',
    message: `${names} ${behind.length === 1 ? 'is' : 'are'} run after ${newest.name}, the newest applied migration, though no newer (two branches merged?): ` +
      `${behind.length === 1 ? 'it was' : 'they were'} not written on top of it, so run \`typeorm-autogen check\` to see whether the database now matches the entities`,
  }
}

/** newestOf is the migration of `names` with the latest timestamp (see migrationTimestamp), if any has one. */
export function newestOf(names: readonly string[]): { readonly name: string; readonly timestamp: number } | undefined {
  let newest: { name: string; timestamp: number } | undefined
  for (const name of names) {
    const timestamp = migrationTimestamp(name)
    if (timestamp !== undefined && (newest === undefined || timestamp > newest.timestamp)) newest = { name, timestamp }
  }
  return newest
}
