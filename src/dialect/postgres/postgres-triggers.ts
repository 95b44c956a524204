import type { TriggerModel } from '../../model/schema-model'
import type { TriggerRow } from './postgres-catalog-queries'

/**
 * triggerOf reads a trigger's row: its definition as PostgreSQL prints it, the columns the database tracks it
 * reading (`UPDATE OF`, WHEN), and those of `columns` (its table's) its PL/pgSQL function names as `NEW.column` or
 * `OLD.column`, which the database does not track.
 */
export function triggerOf(row: TriggerRow, columns: readonly string[]): TriggerModel {
  const named = row.function_body === null ? new Set<string>() : new Set(rowReferences(row.function_body))
  const functionReads = columns.filter((column) => named.has(column))
  return { name: row.name, sql: row.definition, reads: row.columns, ...(functionReads.length > 0 && { functionReads }) }
}

// Comments and string literals, whose text names nothing.
const inert = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'/g

/**
 * rowReferences are the column names a PL/pgSQL body writes after `NEW.` or `OLD.`: in double quotes as written,
 * bare folded to lower case, as PL/pgSQL reads them.
 */
function rowReferences(body: string): string[] {
  const pattern = /\b(?:new|old)\s*\.\s*(?:"((?:[^"]|"")+)"|([\p{L}_][\p{L}\p{N}_$]*))/giu
  return [...body.replace(inert, ' ').matchAll(pattern)].map((m) => m[1]?.replace(/""/g, '"') ?? m[2]!.toLowerCase())
}
