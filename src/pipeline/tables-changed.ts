import { readMigrationHeader } from '../runner/migration-header'

/**
 * tablesChangedBy names the tables a migration's header says it changes (`~ table "user"`, `+ table "public"."post"
 * (4 columns)`, and the old name of one `renamed from` another), as the change summary writes them. A migration
 * with no summary (written by hand) names none.
 */
export function tablesChangedBy(source: string): Set<string> {
  const tables = new Set<string>()
  for (const line of readMigrationHeader(source).changes) {
    const headline = /^[~+-] table ((?:"(?:[^"]|"")*"\.)?"(?:[^"]|"")*")(?: \((?:renamed|moved) from ((?:"(?:[^"]|"")*"\.)?"(?:[^"]|"")*"))?/.exec(line)
    if (headline === null) continue
    tables.add(headline[1]!)
    if (headline[2] !== undefined) tables.add(headline[2])
  }
  return tables
}
