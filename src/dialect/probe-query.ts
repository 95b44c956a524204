import { qualifiedKey } from '../model/qualified-name'
import type { QualifiedName } from '../model/schema-model'
import type { DatabaseConnection } from './dialect'
import type { Probe, ProbeOptions, ProbeResult } from './probe'

/** ConditionProbe is a probe answered by counting the rows that match a condition. */
export type ConditionProbe = Exclude<Probe, { kind: 'rows' } | { kind: 'nulls' } | { kind: 'duplicates' } | { kind: 'unmatched' } | { kind: 'fails_check' } | { kind: 'overwritten' }>

/** ProbeSyntax is what a dialect brings to the shared probe query: names, conditions, a row estimate. */
export interface ProbeSyntax {
  readonly quoteIdent: (name: string) => string
  /** tableSql names a table in FROM (schema-qualified where the dialect has schemas). */
  readonly tableSql: (table: QualifiedName) => string
  /** condition is the WHERE clause that selects the rows a probe counts, or undefined when it cannot be tested. */
  readonly condition: (probe: ConditionProbe, column: string) => string | undefined
  /** differ is the test that two values of one type differ, exactly. */
  readonly differ: (a: string, b: string) => string
  /** estimateSql is a scalar query for the planner's row estimate of a table, where the database keeps one. */
  readonly estimateSql?: (table: QualifiedName) => string
}

/**
 * measureWith answers every probe with SELECTs of scalar subqueries, each reading at most `rowLimit` rows of
 * its table (`LIMIT` on the innermost scan), plus one count of up to `rowLimit` + 1 rows per table that says
 * whether the probes of that table saw all of it: one query for up to subqueriesPerQuery of them. A probe the
 * dialect cannot test comes back undefined, unless its column holds no value (Answer).
 */
export async function measureWith(
  syntax: ProbeSyntax,
  connection: DatabaseConnection,
  probes: readonly Probe[],
  options: ProbeOptions,
): Promise<(ProbeResult | undefined)[]> {
  if (!Number.isSafeInteger(options.rowLimit) || options.rowLimit < 1) {
    throw new Error(`measuring data: row limit ${options.rowLimit} must be a positive integer`)
  }
  const limit = options.rowLimit
  const tables = new Map<string, { alias: string; table: QualifiedName }>()
  const tableAlias = (table: QualifiedName) => {
    const key = qualifiedKey(table)
    const known = tables.get(key) ?? { alias: `t${tables.size}`, table }
    tables.set(key, known)
    return known.alias
  }
  const selected: string[] = []
  const answerable = probes.map((probe, i): Answer => {
    tableAlias(probe.table)
    if (probe.kind === 'rows') return 'counted' // answered by the table's row count below
    const sql = probeSql(syntax, probe, limit)
    // Only a condition the dialect cannot test has no SQL (see probeSql).
    selected.push(`${sql ?? anyValueSql(syntax, probe as ConditionProbe)} AS ${syntax.quoteIdent(`p${i}`)}`)
    return sql !== undefined ? 'counted' : 'onlyWhenNoValue'
  })
  for (const { alias, table } of tables.values()) {
    selected.push(`(SELECT count(*) FROM (SELECT 1 FROM ${syntax.tableSql(table)} LIMIT ${limit + 1}) AS s) AS ${syntax.quoteIdent(alias)}`)
    if (syntax.estimateSql) selected.push(`${syntax.estimateSql(table)} AS ${syntax.quoteIdent(`e${alias}`)}`)
  }
  const row: Record<string, unknown> = {}
  for (let start = 0; start < selected.length; start += subqueriesPerQuery) {
    const [part] = await connection.query(`SELECT ${selected.slice(start, start + subqueriesPerQuery).join(',\n  ')}`)
    if (part === undefined) throw new Error('measuring data: the probe query returned no row')
    Object.assign(row, part)
  }
  return probes.map((probe, i): ProbeResult | undefined => {
    if (answerable[i] === 'onlyWhenNoValue') return Number(row[`p${i}`]) === 0 ? { count: 0, complete: true } : undefined
    const alias = tableAlias(probe.table)
    const rowsRead = Number(row[alias])
    const complete = rowsRead <= limit
    const estimate = row[`e${alias}`] === undefined || row[`e${alias}`] === null ? undefined : Number(row[`e${alias}`])
    const count = probe.kind === 'rows' ? Math.min(rowsRead, limit) : Number(row[`p${i}`])
    return {
      count,
      complete,
      ...(probe.kind === 'rows' && estimate !== undefined && estimate >= 0 && { estimate: Math.round(estimate) }),
    }
  })
}

// MariaDB plans a SELECT in time that grows with the square of its subqueries: 3,000 of them (a migration
// that changes 1,000 tables) took 5.5 s in one query, and 0.2 s in 15 queries of 200.
const subqueriesPerQuery = 200

/**
 * Answer is how measureWith answers a probe: by its count; or, for a condition the dialect cannot test (every one
 * counts values, never NULL), only where the column holds no value: none counted then, however many rows.
 */
type Answer = 'counted' | 'onlyWhenNoValue'

/** anyValueSql is 1 where the probe's column holds a value in some row, else 0. */
function anyValueSql(syntax: ProbeSyntax, probe: ConditionProbe): string {
  const column = syntax.quoteIdent(probe.column)
  return `(SELECT count(*) FROM (SELECT 1 FROM ${syntax.tableSql(probe.table)} WHERE ${column} IS NOT NULL LIMIT 1) AS v)`
}

/** probeSql is one probe as a scalar subquery, or undefined when the dialect cannot test it. */
function probeSql(syntax: ProbeSyntax, probe: Exclude<Probe, { kind: 'rows' }>, limit: number): string | undefined {
  const from = syntax.tableSql(probe.table)
  switch (probe.kind) {
    case 'nulls': {
      const columns = [probe.column, ...(probe.alsoIn === undefined ? [] : [probe.alsoIn])].map(syntax.quoteIdent)
      return `(SELECT count(*) FROM (SELECT ${columns.join(', ')} FROM ${from} LIMIT ${limit}) AS s WHERE ${columns.map((c) => `${c} IS NULL`).join(' AND ')})`
    }
    case 'duplicates': {
      const columns = probe.columns.map(syntax.quoteIdent)
      const notNull = columns.map((c) => `${c} IS NOT NULL`).join(' AND ')
      const where = probe.where === undefined ? '' : ` WHERE ${probe.where}`
      const { collated, caseFolded } = probe
      const keys = probe.columns.map((c, i) => (c === collated?.column ? `${columns[i]} COLLATE ${syntax.quoteIdent(collated.collation)}`
        : c === caseFolded ? `lower(${columns[i]})` : columns[i]))
      return `(SELECT count(*) FROM (SELECT 1 FROM (SELECT ${columns.join(', ')} FROM ${from}${where} LIMIT ${limit}) AS s ` +
        `WHERE ${notNull} GROUP BY ${keys.join(', ')} HAVING count(*) > 1) AS d)`
    }
    case 'unmatched': {
      const columns = probe.columns.map(syntax.quoteIdent)
      const notNull = columns.map((c) => `s.${c} IS NOT NULL`).join(' AND ')
      const matches = probe.referencedColumns.map((c, i) => `r.${syntax.quoteIdent(c)} = s.${columns[i]}`).join(' AND ')
      return `(SELECT count(*) FROM (SELECT ${columns.join(', ')} FROM ${from} LIMIT ${limit}) AS s ` +
        `WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${syntax.tableSql(probe.referencedTable)} AS r WHERE ${matches}))`
    }
    case 'overwritten': {
      const [column, by] = [probe.column, probe.by].map(syntax.quoteIdent) as [string, string]
      return `(SELECT count(*) FROM (SELECT ${column}, ${by} FROM ${from} LIMIT ${limit}) AS s WHERE ${column} IS NOT NULL AND ${by} IS NOT NULL AND ${syntax.differ(column, by)})`
    }
    case 'fails_check':
      // A CHECK holds where its expression is true or NULL: NOT selects the rows where it is false.
      return `(SELECT count(*) FROM (SELECT * FROM ${from} LIMIT ${limit}) AS s WHERE NOT (${probe.expression}))`
    default: {
      const column = syntax.quoteIdent(probe.column)
      const condition = syntax.condition(probe, column)
      if (condition === undefined) return undefined
      return `(SELECT count(*) FROM (SELECT ${column} FROM ${from} LIMIT ${limit}) AS s WHERE ${condition})`
    }
  }
}

/** firstRowSql selects one row that `probe` counts, or is undefined where the dialect cannot test it. */
export function firstRowSql(syntax: ProbeSyntax, probe: ConditionProbe): string | undefined {
  const condition = syntax.condition(probe, syntax.quoteIdent(probe.column))
  return condition === undefined ? undefined : `SELECT 1 FROM ${syntax.tableSql(probe.table)} WHERE ${condition} LIMIT 1`
}

/** decimalLiteral checks that a bound of `out_of_range` is a plain decimal number before it is written into SQL. */
export function decimalLiteral(text: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`measuring data: "${text}" is not a decimal number`)
  return text
}
