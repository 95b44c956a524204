import type { Dialect } from '../dialect/dialect'
import type { Statement } from '../dialect/statement'
import type { QualifiedName } from '../model/schema-model'
import { type ChangeSet, reverseChangeSet } from '../plan/change-set'
import { unrestorableDrops, unrestorableText } from '../plan/unrestorable'
import { downRoundingGuards } from './down-rounding-guards'

/** DownCompiler is what of a dialect compiling a `down` takes. */
export type DownCompiler = Pick<Dialect, 'compile' | 'quoteIdent' | 'classifyTypeChange' | 'capabilities' | 'firstProbedRowSql'>

/**
 * compileDown compiles the `down` of `up`. When `up` drops what `down` cannot bring back while rows stand in
 * the way (see unrestorableDrops), `down` first checks for such rows and stops, before any change, with one
 * line naming what and why; so it does while rows hold values its type changes would round (see downRoundingGuards).
 * Without them it runs whole. `down` is the reversed change set of `up`, where the caller has it already.
 */
export function compileDown(dialect: DownCompiler, up: ChangeSet, down: ChangeSet = reverseChangeSet(up)): Statement[] {
  const guards = unrestorableDrops(up).map((drop): Statement => ({
    sql: `SELECT 1 FROM ${tableSql(dialect, drop.tableAfter)}${drop.kind === 'reference' ? ` WHERE ${drop.columns.map((c) => `${dialect.quoteIdent(c)} IS NOT NULL`).join(' AND ')}` : ''} LIMIT 1`,
    operations: [],
    failIfRows: `down cannot run: ${unrestorableText(drop)}; nothing was changed`,
  }))
  return [...guards, ...downRoundingGuards(dialect, down), ...dialect.compile(down)]
}

function tableSql(dialect: Pick<Dialect, 'quoteIdent'>, table: QualifiedName): string {
  const name = dialect.quoteIdent(table.name)
  return table.schema === undefined ? name : `${dialect.quoteIdent(table.schema)}.${name}`
}
