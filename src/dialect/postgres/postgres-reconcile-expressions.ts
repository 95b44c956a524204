import { type EnumRename, enumRenames } from '../../model/enum-renames'
import { nameOf, qualifiedKey } from '../../model/qualified-name'
import type { ColumnModel, ExclusionModel, SchemaModel, TableModel } from '../../model/schema-model'
import { recastEnumType } from '../../operations/recast-enum-type'
import { renameIdentifier } from '../../operations/rename-identifier'
import { counterpartIn, renamedColumns } from '../counterpart'
import { askTogether } from '../ask-together'
import type { DatabaseConnection, FormerColumn, FormerTable } from '../dialect'
import { columnTypeKey, columnTypeSql } from './postgres-column-sql'
import { type ExclusionParts, exclusionParts, exclusionText } from './postgres-exclusion-parts'
import { readTokens } from './postgres-expressions'
import { qualified, quoteIdent } from './postgres-quote'
import { namesColumn } from './postgres-regenerated-columns'
import { renderSql } from './postgres-sql-tokens'

/**
 * Where an expression lives in a table: a CHECK, an index predicate, a computed column or a default, by name;
 * or a part of an exclusion constraint (an element's expression, its predicate), by the constraint's name and
 * the part's (see exclusionPartName).
 */
type Place = 'check' | 'where' | 'computed' | 'default' | 'exclusion'

interface ExpressionCandidate {
  readonly table: TableModel
  /** The database's table the question reads from: the entity table's, or the one it is renamed or moved from. */
  readonly readFrom: TableModel
  /** The entity table's columns renamed from a column of `readFrom` (new name to old), by a stated rename. */
  readonly renamed: ReadonlyMap<string, string>
  readonly place: Place
  readonly name: string
  readonly desired: string
  readonly actual: string
  /** The type both are cast to, as a column's default or computed value is. */
  readonly castTo?: string
  /** The enum types the entities rename: the database's spelling casts to their new names, as PostgreSQL prints it once renamed. */
  readonly renamedTypes: readonly EnumRename[]
}

/**
 * reconcileExpressions asks the planner, in ONE `EXPLAIN (VERBOSE)` that reads no row, how it understands
 * each CHECK, index predicate, computed expression, default and exclusion constraint part the entities spell differently from the
 * database (`nick IN ('a', 'b')` against `nick::text = ANY (ARRAY[...]::text[])`). Where both print the same plan
 * expression, the entity side takes the database's spelling. EXPLAIN executes nothing. An expression is asked
 * about only where every column it names is in the database's table, so that a column the migration adds
 * leaves the table's other expressions compared. Should the planner refuse the question (an expression that
 * does not fit the database's columns), each expression is asked alone, and only those it refuses stay unsettled.
 * A column renamed by a stated rename is there under its old name: the question reads it under the new one
 * (`"email" AS "email_address"`), and the entity side takes the database's spelling with the new name, as the
 * rename will make it. So does an enum type the entities rename (see enumRenames): its columns keep their
 * type, and the entity side takes the database's casts to it under the new name.
 */
export async function reconcileExpressions(
  desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection, formerTable?: FormerTable, formerColumn?: FormerColumn,
): Promise<SchemaModel> {
  const actualTable = counterpartIn(actual, formerTable)
  const renamedTypes = enumRenames(actual, desired)
  const candidates = desired.tables.flatMap((table) => {
    const other = actualTable(table)
    if (other === undefined) return []
    const renamed = renamedColumns(table, other, formerColumn)
    const missing = table.columns.map((c) => c.name).filter((column) => !renamed.has(column) && !other.columns.some((o) => o.name === column))
    // Defaults name no column; the other expressions are asked only where every column they may name is there.
    return candidatesOf(table, other, renamed, renamedTypes).filter((c) => c.place === 'default' || !missing.some((column) => namesColumn(c.desired, column)))
  })
  if (candidates.length === 0) return desired
  const same = await askTogether(candidates, (batch) => samePlans(batch, connection), () => false)
  const settled = candidates.filter((_, i) => same[i])
  return settled.length === 0 ? desired : { ...desired, tables: desired.tables.map((t) => settle(t, settled.filter((c) => c.table === t))) }
}

/** samePlans says of each candidate whether the planner prints its two spellings alike, asked in one EXPLAIN. */
async function samePlans(candidates: readonly ExpressionCandidate[], connection: DatabaseConnection): Promise<boolean[]> {
  const tables = [...new Set(candidates.map((c) => c.table))]
  const subqueries = tables.map((table, t) => {
    const mine = candidates.filter((c) => c.table === table)
    const list = mine.map((c) => `${sql(c.desired, c.castTo)}, ${sql(c.actual, c.castTo)}`).join(', ')
    return `(SELECT ${list} FROM ${source(mine[0]!)}) AS q${t}`
  })
  const rows = await connection.query<{ 'QUERY PLAN': { Plan: { Output: string[] } }[] }>(
    `EXPLAIN (VERBOSE, COSTS OFF, FORMAT JSON) SELECT * FROM ${subqueries.join(', ')}`)
  const output = rows[0]?.['QUERY PLAN'][0]?.Plan.Output ?? []
  const ordered = tables.flatMap((table) => candidates.filter((c) => c.table === table))
  if (output.length !== ordered.length * 2) return candidates.map(() => false)
  const same = new Set(ordered.filter((_, i) => output[2 * i] === output[2 * i + 1]))
  return candidates.map((c) => same.has(c))
}

/** source is the table a question reads from, its renamed columns given their new names beside the old. */
function source({ readFrom, renamed }: ExpressionCandidate): string {
  if (renamed.size === 0) return qualified(readFrom)
  const aliases = [...renamed].map(([to, from]) => `${quoteIdent(from)} AS ${quoteIdent(to)}`)
  return `(SELECT *, ${aliases.join(', ')} FROM ${qualified(readFrom)}) AS ${quoteIdent(readFrom.name)}`
}

/** Re-rendered from tokens, so that no comment in an expression can swallow the rest of the query. */
function sql(expression: string, castTo: string | undefined): string {
  const text = `(${renderSql(readTokens(expression)!)})`
  return castTo === undefined ? text : `${text}::${castTo}`
}

/** enumTypeOf names a column of `table` by its enum type, qualified; undefined for any other type. */
function enumTypeOf(column: ColumnModel, table: TableModel): string | undefined {
  return column.type === 'enum' ? qualifiedKey({ schema: column.enumSchema ?? table.schema, name: column.enumName ?? '' }) : undefined
}

function candidatesOf(table: TableModel, other: TableModel, renamed: ReadonlyMap<string, string>, renamedTypes: readonly EnumRename[]): ExpressionCandidate[] {
  const found: ExpressionCandidate[] = []
  const add = (place: Place, name: string, desired: string | undefined, actual: string | undefined, castTo?: string) => {
    if (desired === undefined || actual === undefined || desired === actual || !askable(desired)) return
    found.push({ table, readFrom: other, renamed, renamedTypes, place, name, desired, actual, ...(castTo !== undefined && { castTo }) })
  }
  const theirColumns = new Map(other.columns.map((c) => [c.name, c]))
  // The database's text of a check or predicate reading a column that goes to, from or between enum types
  // holds constants of the old type, which PostgreSQL cannot rebuild against the new one: such text is not
  // taken, so that the migration drops it before the change and creates the entities' after.
  const typeRenames = new Set(renamedTypes.map(({ from, to }) => `${qualifiedKey(from)}\0${qualifiedKey(to)}`))
  const retyped = table.columns.filter((c) => {
    const [mine, theirs] = [enumTypeOf(c, table), enumTypeOf(theirColumns.get(c.name) ?? c, theirColumns.has(c.name) ? other : table)]
    return mine !== theirs && !typeRenames.has(`${theirs}\0${mine}`)
  }).map((c) => c.name)
  const readsRetyped = (expression: string | undefined) => expression !== undefined && retyped.some((column) => namesColumn(expression, column))
  for (const check of table.checks) {
    if (readsRetyped(check.expression)) continue
    for (const c of counterparts(check, table.checks, other.checks)) add('check', check.name, check.expression, c.expression)
  }
  for (const exclusion of table.exclusions ?? []) {
    if (readsRetyped(exclusion.definition)) continue
    const mine = exclusionParts(exclusion.definition)
    for (const c of counterparts(exclusion, table.exclusions ?? [], other.exclusions ?? [])) {
      const theirs = exclusionParts(c.definition)
      if (mine === undefined || theirs === undefined || !sameShape(mine, theirs)) continue
      mine.elements.forEach((e, i) => add('exclusion', exclusionPartName(exclusion.name, i), e.expression, theirs.elements[i]!.expression))
      add('exclusion', exclusionPartName(exclusion.name, 'where'), mine.where, theirs.where)
    }
  }
  // An index of the database keys a renamed column under its old name.
  const newNameOf = new Map([...renamed].map(([to, from]) => [from, to]))
  const keysOf = (index: { readonly columns: readonly string[] }) => index.columns.map((column) => newNameOf.get(column) ?? column).join('\0')
  for (const index of table.indexes) {
    if (readsRetyped(index.where)) continue
    const sameKeys = other.indexes.filter((i) => keysOf(i) === index.columns.join('\0'))
    for (const i of counterparts(index, table.indexes, sameKeys)) add('where', index.name, index.where, i.where)
  }
  for (const column of table.columns) {
    const theirs = theirColumns.get(column.name)
    if (theirs === undefined) continue
    const computedDiffers = column.computed !== undefined && theirs.computed !== undefined && column.computed.expression !== theirs.computed.expression
    // Most defaults are spelled alike: only those that differ are asked about, with their type.
    const defaultDiffers = column.default !== undefined && theirs.default !== undefined && column.default !== theirs.default
    if (!computedDiffers && !defaultDiffers) continue
    // Computed values and defaults are stored in the column's type: where it stays, both are asked about cast to it.
    const castTo = columnTypeKey(column) === columnTypeKey(theirs) ? columnTypeSql(theirs, other) : undefined
    add('computed', column.name, column.computed?.expression, theirs.computed?.expression, castTo)
    if (defaultDiffers && castTo !== undefined) add('default', column.name, column.default, theirs.default, castTo)
  }
  return found
}

/** sameShape says whether two exclusion constraints differ at most in how their expressions are spelled. */
function sameShape(a: ExclusionParts, b: ExclusionParts): boolean {
  return a.method === b.method && a.options === b.options && (a.where === undefined) === (b.where === undefined) &&
    a.elements.length === b.elements.length && a.elements.every((e, i) => e.operator === b.elements[i]!.operator && e.options === b.elements[i]!.options)
}

function exclusionPartName(exclusion: string, part: number | 'where'): string {
  return `${exclusion}\0${part}`
}

/** settledExclusion is the exclusion constraint with each part the planner reads alike in the database's spelling. */
function settledExclusion(exclusion: ExclusionModel, actualOf: (place: Place, name: string) => string | undefined): ExclusionModel {
  const parts = exclusionParts(exclusion.definition)
  if (parts === undefined) return exclusion
  const elements = parts.elements.map((e, i) => ({ ...e, expression: actualOf('exclusion', exclusionPartName(exclusion.name, i)) ?? e.expression }))
  const where = parts.where === undefined ? undefined : (actualOf('exclusion', exclusionPartName(exclusion.name, 'where')) ?? parts.where)
  return { ...exclusion, definition: exclusionText({ ...parts, elements, ...(where !== undefined && { where }) }) }
}

/**
 * counterparts are what an entity-side `item` may be in the database: the object of its name, then (objects
 * are matched by definition, see src/diff, and the name may belong to another one) every one no entity-side
 * object names.
 */
function counterparts<T extends { readonly name: string }>(item: T, mine: readonly T[], others: readonly T[]): readonly T[] {
  return [...others.filter((o) => o.name === item.name), ...others.filter((o) => !mine.some((m) => m.name === o.name))]
}

/**
 * withNewEnumType: the enum type of a column renamed by a stated rename is renamed after it where TypeORM names it
 * from the column (`<table>_<column>_enum`), and PostgreSQL then prints the casts to it with the new name.
 */
function withNewEnumType(sql: string, { table, readFrom }: ExpressionCandidate, to: string, from: string): string {
  const mine = table.columns.find((c) => c.name === to)
  const theirs = readFrom.columns.find((c) => c.name === from)
  if (mine?.enumName === undefined || theirs?.enumName === undefined) return sql
  return recastEnumType(sql, { schema: theirs.enumSchema ?? readFrom.schema, name: theirs.enumName }, { schema: mine.enumSchema ?? table.schema, name: mine.enumName })
}

/** An expression is asked about only when it reads as one expression: no `;`, balanced brackets. */
function askable(expression: string): boolean {
  const tokens = readTokens(expression)
  if (!tokens || tokens.some((t) => t.text === ';')) return false
  let depth = 0
  for (const t of tokens) {
    if (t.text === '(' || t.text === '[') depth++
    if (t.text === ')' || t.text === ']') depth--
    if (depth < 0) return false
  }
  return depth === 0
}

function settle(table: TableModel, settled: readonly ExpressionCandidate[]): TableModel {
  if (settled.length === 0) return table
  const actualOf = (place: Place, name: string) => {
    const found = settled.find((c) => c.place === place && c.name === name)
    if (found === undefined) return undefined
    const recast = found.renamedTypes.reduce((sql, { from, to }) => recastEnumType(sql, nameOf(from), nameOf(to)), found.actual)
    return [...found.renamed].reduce((sql, [to, from]) => withNewEnumType(renameIdentifier(sql, from, to, true), found, to, from), recast)
  }
  return {
    ...table,
    checks: table.checks.map((c) => ({ ...c, expression: actualOf('check', c.name) ?? c.expression })),
    ...(table.exclusions !== undefined && { exclusions: table.exclusions.map((x) => settledExclusion(x, actualOf)) }),
    indexes: table.indexes.map((i) => {
      const where = actualOf('where', i.name)
      return where === undefined ? i : { ...i, where }
    }),
    columns: table.columns.map((c) => {
      const expression = actualOf('computed', c.name)
      const defaultValue = actualOf('default', c.name)
      const computed = expression === undefined || !c.computed ? c : { ...c, computed: { ...c.computed, expression } }
      return defaultValue === undefined ? computed : { ...computed, default: defaultValue }
    }),
  }
}
