import type { TriggerModel } from '../../model/schema-model'
import type { TriggerRow } from './mysql-catalog-queries'
import { quoteString } from './mysql-literals'
import { quoteIdent } from './mysql-quote'
import { type MysqlSyntax, ifNotExistsSql } from './mysql-syntax'

/**
 * triggerOf reads a TRIGGERS row into the statement that creates the trigger again, with no DEFINER (the user
 * running the migration becomes it: naming another needs a privilege that user may lack). `reads` are those
 * of `columns` (its table's, whose names ignore case) that the body names as `NEW.column` or `OLD.column`: MySQL
 * keeps the text alone, so a rename or drop of one of them breaks the trigger when it next fires.
 */
export function triggerOf(row: TriggerRow, columns: readonly string[], syntax: MysqlSyntax): TriggerModel {
  const named = new Set(rowReferences(row.statement).map((name) => name.toLowerCase()))
  return {
    name: row.name,
    sql: `CREATE TRIGGER${ifNotExistsSql(syntax)} ${quoteIdent(row.name)} ${row.timing} ${row.event} ON ${quoteIdent(row.table)} FOR EACH ROW ${row.statement}`,
    reads: columns.filter((column) => named.has(column.toLowerCase())),
    sqlMode: row.sql_mode,
  }
}

/** rowReferences are the names a trigger's body writes after `NEW.` or `OLD.`, bare, in backquotes or (ANSI_QUOTES) in double quotes. */
function rowReferences(body: string): string[] {
  const pattern = /\b(?:NEW|OLD)\s*\.\s*(?:`((?:[^`]|``)+)`|"((?:[^"]|"")+)"|([\w$]+))/gi
  return [...body.matchAll(pattern)].map((m) => m[1]?.replace(/``/g, '`') ?? m[2]?.replace(/""/g, '"') ?? m[3]!)
}

/**
 * recreatedTriggersSql creates a table's triggers again, each under the sql_mode it was made under (ANSI_QUOTES
 * reads `"a"` as a name, PIPES_AS_CONCAT `||` as concatenation...), the session's own sql_mode kept aside and
 * set back after.
 */
export function recreatedTriggersSql(triggers: readonly TriggerModel[]): string[] {
  if (triggers.length === 0) return []
  return [
    `SET @typeorm_autogen_sql_mode = @@SESSION.sql_mode`,
    ...triggers.flatMap((t, i) => [
      ...(t.sqlMode === undefined || (i > 0 && t.sqlMode === triggers[i - 1]!.sqlMode) ? [] : [`SET SESSION sql_mode = ${quoteString(t.sqlMode)}`]),
      t.sql,
    ]),
    `SET SESSION sql_mode = @typeorm_autogen_sql_mode`,
  ]
}
