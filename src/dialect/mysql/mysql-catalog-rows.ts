import type { CheckModel, ColumnModel, ForeignKeyModel, IndexKeyOptions, IndexModel, ReferentialAction, ViewModel } from '../../model/schema-model'
import { compareText } from '../../model/qualified-name'
import type { CheckRow, ColumnRow, ForeignKeyRow, IndexRow, TableRow, ViewRow } from './mysql-catalog-queries'
import { defaultSqlOf } from './mysql-defaults'
import { canonicalMysqlExpression } from './mysql-expressions'
import type { MysqlServer } from './mysql-server'
import { canonicalMysqlType } from './mysql-types'

/**
 * columnOf turns a COLUMNS row into a raw column (canonicalMysqlColumn finishes it): AUTO_INCREMENT,
 * generated expressions, ON UPDATE from EXTRA, the default as the server reports it (defaultSqlOf), and
 * charset and collation only where they differ from the table's (a charset of its own keeps its default
 * collation unnamed). `json` (MySQL's own, or MariaDB's longtext with a json_valid check, see jsonColumns)
 * has neither.
 */
export function columnOf(row: ColumnRow, table: TableRow, server: MysqlServer, json: boolean): ColumnModel {
  const extra = row.extra ?? ''
  const generation = /\b(VIRTUAL|STORED|PERSISTENT) GENERATED\b/i.exec(extra)
  const onUpdate = /\bon update (\S+)/i.exec(extra)
  const type = json ? 'json' : row.column_type
  const defaultSql = generation ? undefined : defaultSqlOf({ value: row.default_value, extra, type: canonicalMysqlType(type).type }, server)
  const charset = json || row.charset === null || row.charset === table.charset ? undefined : row.charset
  const inherited = charset === undefined ? table.collation : row.charset_collation
  const collation = json || row.collation === null || row.collation === inherited ? undefined : row.collation
  return {
    name: row.name,
    type,
    nullable: row.nullable === 'YES',
    ...(defaultSql !== undefined && { default: defaultSql }),
    ...(/\bauto_increment\b/i.test(extra) && { generated: { kind: 'increment' } }),
    ...(generation && row.generation_expression !== null && {
      computed: { expression: row.generation_expression, stored: generation[1]!.toUpperCase() !== 'VIRTUAL' },
    }),
    ...(row.comment !== '' && { comment: row.comment }),
    ...(charset !== undefined && { charset }),
    ...(collation !== undefined && { collation }),
    ...(onUpdate && { onUpdate: onUpdate[1]! }),
  }
}

/**
 * jsonCheck says whether a CHECK is the one MariaDB adds to a `json` column (stored as longtext): named
 * after the column (or a column-level check, where the server says), `json_valid(`column`)`; it returns the
 * column's name, else undefined.
 */
export function jsonCheckColumn(check: CheckRow): string | undefined {
  const m = /^json_valid\(`((?:[^`]|``)+)`\)$/i.exec(check.clause.trim())
  const column = m?.[1]!.replace(/``/g, '`')
  // A column's own check keeps the column's first name after RENAME COLUMN; LEVEL tells it apart.
  return column !== undefined && (column === check.name || check.level === 'Column') ? column : undefined
}

/** checkOf reads a CHECK_CONSTRAINTS row. */
export function checkOf(row: CheckRow): CheckModel {
  return { name: row.name, expression: row.clause }
}

/** IndexRead is what the STATISTICS rows of one table say: its primary key columns and its other indexes. */
export interface IndexRead {
  readonly primaryKey?: readonly string[]
  readonly indexes: IndexModel[]
}

/** indexesOf groups one table's STATISTICS rows into its primary key and indexes (see canonicalMysqlTable for uniques). */
export function indexesOf(rows: readonly IndexRow[]): IndexRead {
  const byIndex = new Map<string, IndexRow[]>()
  for (const row of rows) byIndex.set(row.name, [...(byIndex.get(row.name) ?? []), row])
  let primaryKey: string[] | undefined
  const indexes: IndexModel[] = []
  for (const [name, parts] of byIndex) {
    parts.sort((a, b) => Number(a.seq) - Number(b.seq))
    const columns = parts.map((p) => (p.column_name !== null ? p.column_name : `(${p.expression ?? ''})`))
    if (name === 'PRIMARY') {
      primaryKey = columns
      continue
    }
    const type = parts[0]!.index_type.toUpperCase()
    const method = type === 'FULLTEXT' ? 'fulltext' : type === 'SPATIAL' ? 'spatial' : undefined
    // A SPATIAL index reports a SUB_PART (32 on MariaDB) that no one declares.
    const keys = parts.map((p): IndexKeyOptions => ({
      ...(p.collation === 'D' && { descending: true }),
      ...(p.sub_part !== null && method === undefined && { length: Number(p.sub_part) }),
    }))
    const comment = parts[0]!.index_comment
    indexes.push({
      name,
      columns,
      unique: Number(parts[0]!.non_unique) === 0,
      ...(method !== undefined && { method }),
      ...(keys.some((k) => Object.keys(k).length > 0) && { keyOptions: keys }),
      ...(comment !== null && comment !== '' && { comment }),
    })
  }
  return { ...(primaryKey !== undefined && { primaryKey }), indexes }
}

const actions: readonly ReferentialAction[] = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT']

/** foreignKeysOf groups one table's KEY_COLUMN_USAGE rows into foreign keys; another database's table keeps its schema. */
export function foreignKeysOf(rows: readonly ForeignKeyRow[]): ForeignKeyModel[] {
  const byName = new Map<string, ForeignKeyRow[]>()
  for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row])
  return [...byName.entries()].map(([name, parts]) => {
    parts.sort((a, b) => Number(a.position) - Number(b.position))
    const first = parts[0]!
    return {
      name,
      columns: parts.map((p) => p.column_name),
      ...(first.ref_schema !== null && { referencedSchema: first.ref_schema }),
      referencedTable: first.ref_table,
      referencedColumns: parts.map((p) => p.ref_column),
      onDelete: actionOf(first.on_delete),
      onUpdate: actionOf(first.on_update),
    }
  })
}

function actionOf(rule: string): ReferentialAction {
  const upper = rule.toUpperCase()
  return actions.find((a) => a === upper) ?? 'NO ACTION'
}

/**
 * viewOf reads a VIEWS row. MySQL stores the SELECT as it re-prints it (every name quoted and qualified with
 * the database, `AS` aliases added): the definition is canonical without the database's name, and the
 * tables and views it reads are those it names (`db`.`name` not followed by a column), with the columns it
 * names of each (see columnsRead). The text to write drops the database's name too, so that it can be created
 * in another database.
 */
export function viewOf(row: ViewRow, relations: ReadonlySet<string>): ViewModel {
  const quotedDb = '`' + row.database.replace(/`/g, '``') + '`'
  const reads = new Set<string>()
  const pattern = new RegExp(`${escapeRegExp(quotedDb)}\\.\`((?:[^\`]|\`\`)+)\`(?!\\.)`, 'g')
  let m: RegExpExecArray | null
  while ((m = pattern.exec(row.definition)) !== null) {
    const name = m[1]!.replace(/``/g, '`')
    if (relations.has(name) && name !== row.name) reads.add(name)
  }
  const columns = columnsRead(row.definition, row.database, reads)
  return {
    name: row.name,
    definition: canonicalMysqlExpression(row.definition, row.database),
    definitionSql: row.definition.split(`${quotedDb}.`).join(''),
    reads: [...reads].sort(compareText).map((name) => ({ name, columns: [...(columns.get(name) ?? [])].sort(compareText) })),
  }
}

/**
 * columnsRead lists, per table of `reads`, the columns a stored definition names: MySQL qualifies each,
 * `db`.`table`.`column`, or `alias`.`column` for a table named `db`.`table` `alias` in FROM (the columns of a
 * derived table are those its own SELECT names).
 */
function columnsRead(definition: string, database: string, reads: ReadonlySet<string>): Map<string, Set<string>> {
  const ident = '`(?:[^`]|``)+`'
  // A dotted chain of names, and the name that follows it after a space: a table's alias in FROM.
  const chain = new RegExp(`(${ident}(?:\\.${ident})*)(?:\\s+(${ident}))?`, 'g')
  const unquote = (quoted: string) => quoted.slice(1, -1).replace(/``/g, '`')
  const found: { names: string[]; alias?: string }[] = []
  let m: RegExpExecArray | null
  while ((m = chain.exec(definition)) !== null) {
    found.push({ names: m[1]!.match(new RegExp(ident, 'g'))!.map(unquote), ...(m[2] !== undefined && { alias: unquote(m[2]) }) })
  }
  const aliases = new Map<string, string>()
  for (const { names, alias } of found) if (alias !== undefined && names.length === 2 && names[0] === database) aliases.set(alias, names[1]!)
  const columns = new Map<string, Set<string>>([...reads].map((table) => [table, new Set<string>()]))
  const add = (qualifier: string, column: string) => columns.get(aliases.get(qualifier) ?? qualifier)?.add(column)
  for (const { names } of found) {
    if (names[0] === database && names.length === 3) add(names[1]!, names[2]!)
    else if (names[0] !== database && names.length === 2) add(names[0]!, names[1]!)
  }
  return columns
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
