import type { TriggerModel } from '../../model/schema-model'
import type { TriggerRow } from './postgres-catalog-queries'
import { readTokens } from './postgres-expressions'
import { nameOfToken } from './postgres-sql-tokens'

/**
 * triggerOf reads a trigger's row: its definition as PostgreSQL prints it, the columns the database tracks it
 * reading (`UPDATE OF`, WHEN), and those of `columns` (its table's) its PL/pgSQL function names as `NEW.column` or
 * `OLD.column`, or that its function is called with as an argument (`tsvector_update_trigger('fulltext',
 * 'pg_catalog.english', 'title')`), which the database tracks neither.
 */
export function triggerOf(row: TriggerRow, columns: readonly string[]): TriggerModel {
  const named = row.function_body === null ? new Set<string>() : new Set(rowReferences(row.function_body))
  const functionReads = columns.filter((column) => named.has(column))
  const passed = new Set(triggerArguments(row.arguments_hex))
  const argumentReads = columns.filter((column) => passed.has(column))
  return {
    name: row.name, sql: row.definition, reads: row.columns,
    ...(functionReads.length > 0 && { functionReads }),
    ...(argumentReads.length > 0 && { argumentReads }),
  }
}

/** triggerArguments splits pg_trigger.tgargs, each argument's UTF-8 bytes followed by a zero byte. */
function triggerArguments(hex: string): string[] {
  return Buffer.from(hex, 'hex').toString('utf8').split('\0').slice(0, -1)
}

/**
 * rowReferences are the column names a PL/pgSQL body writes after `NEW.` or `OLD.`: in double quotes as written,
 * bare folded to lower case, as PL/pgSQL reads them; none are read from comments or strings. A body the tokenizer
 * cannot read names none that can be told.
 */
function rowReferences(body: string): string[] {
  const tokens = readTokens(body) ?? []
  return tokens.flatMap((token, i) => {
    const row = tokens[i - 2]
    if (i < 2 || tokens[i - 1]!.text !== '.' || row!.kind !== 'word' || !/^(new|old)$/i.test(row!.text)) return []
    const name = nameOfToken(token)
    return name === undefined ? [] : [name]
  })
}
