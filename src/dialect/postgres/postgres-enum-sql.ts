import type { ColumnModel, EnumTypeModel, EnumUser, QualifiedName } from '../../model/schema-model'
import type { AlterEnum, Operation } from '../../operations/operation'
import { quoteLiteral } from '../quote'
import { columnTypeSql } from './postgres-column-sql'
import { qualified, quoteIdent, suffixed } from './postgres-quote'
import { stringValue } from './postgres-sql-tokens'
import { readTokens } from './postgres-expressions'
import { parseArrayLiteral } from '../../model/array-literal'
import { onlyAddsLabels } from '../../model/enum-only-adds'

/** EnumStatement is one statement of an enum change, with the reason a later statement needs it committed first. */
export interface EnumStatement {
  readonly sql: string
  readonly commitBeforeUse?: string
}

/** createEnumSql is CREATE TYPE ... AS ENUM with the labels in order. */
export function createEnumSql(enumType: EnumTypeModel): string {
  return `CREATE TYPE ${qualified(enumType)} AS ENUM (${enumType.values.map(quoteLiteral).join(', ')})`
}

/** dropEnumSql drops an enum type. */
export function dropEnumSql(enumType: EnumTypeModel): string {
  return `DROP TYPE ${qualified(enumType)}`
}

/**
 * alterEnumSql adds values in place (`ALTER TYPE ... ADD VALUE ... BEFORE/AFTER`) when values are only
 * added; otherwise it rebuilds the type: a check that no row holds a removed value, rename the old type to
 * `<name>_old`, create the new one, move every column using it over through text (one ALTER TABLE a table),
 * drop the old type.
 * The columns moved are the operation's `users`; `later` are the operations that follow it. Where they use
 * an added value and cannot wait for a commit (`inOneTransaction`, a `down`), the type is rebuilt too: the
 * values of a type made in a transaction can be used in it.
 */
export function alterEnumSql(op: AlterEnum, later: readonly Operation[], inOneTransaction: boolean): EnumStatement[] {
  if (!onlyAddsLabels(op.from.values, op.to.values)) return rebuildSql(op)
  const added = addValuesSql(op, later)
  return inOneTransaction && added.some((s) => s.commitBeforeUse !== undefined) ? rebuildSql(op) : added
}

function addValuesSql(op: AlterEnum, later: readonly Operation[]): EnumStatement[] {
  const { from, to } = op
  return to.values.flatMap((value, i): EnumStatement[] => {
    if (from.values.includes(value)) return []
    const next = to.values.slice(i + 1).find((v) => from.values.includes(v))
    const previous = to.values[i - 1]
    const position = next !== undefined ? ` BEFORE ${quoteLiteral(next)}` : previous !== undefined ? ` AFTER ${quoteLiteral(previous)}` : ''
    const sql = `ALTER TYPE ${qualified(to)} ADD VALUE ${quoteLiteral(value)}${position}`
    // https://www.postgresql.org/docs/current/sql-altertype.html: a value added inside a transaction
    // cannot be used until that transaction has committed (since PostgreSQL 12 ADD VALUE itself may run in one).
    return usesValue(to, value, later)
      ? [{ sql, commitBeforeUse: `a later statement uses the new value ${quoteLiteral(value)} of enum ${quoteIdent(to.name)}, and PostgreSQL can use an enum value only once the transaction that added it has committed` }]
      : [{ sql }]
  })
}

/**
 * usesValue says whether a later operation may use `value` of the enum: a default or a check or index
 * predicate holding it, a view's definition holding it, or values cast into a column of the enum (a copy, or a
 * change to the enum type).
 */
function usesValue(enumType: QualifiedName, value: string, later: readonly Operation[]): boolean {
  const ofEnum = (table: QualifiedName, c: ColumnModel) => c.type === 'enum' && c.enumName === enumType.name && (c.enumSchema ?? table.schema) === enumType.schema
  const holds = (table: QualifiedName, c: ColumnModel) => ofEnum(table, c) && mentionsValue(c.default ?? '', value)
  return later.some((op) => {
    switch (op.kind) {
      case 'create_table': return op.table.columns.some((c) => holds(op.table, c))
      case 'add_column': return holds(op.table, op.column)
      case 'alter_column': return holds(op.table, op.to) || (ofEnum(op.table, op.to) && !ofEnum(op.table, op.from))
      case 'copy_column': return ofEnum(op.table, op.to)
      case 'add_check': return mentionsValue(op.check.expression, value)
      case 'create_index': return mentionsValue(op.index.where ?? '', value)
      case 'create_view': return mentionsValue(op.view.definition, value)
      case 'replace_view': return mentionsValue(op.to.definition, value)
      default: return false
    }
  })
}

/**
 * mentionsValue says whether SQL text holds `value` as a string literal or as an element of an array literal
 * (`'{x,z}'`, an enum array's default); text it cannot read counts where it holds the quoted value.
 */
function mentionsValue(sql: string, value: string): boolean {
  const tokens = readTokens(sql)
  if (tokens === undefined) return sql.includes(quoteLiteral(value))
  return tokens.some((token) => {
    const text = stringValue(token)
    return text === value || (text?.startsWith('{') === true && (parseArrayLiteral(text)?.includes(value) ?? false))
  })
}

function rebuildSql(op: AlterEnum): EnumStatement[] {
  const { from, to, users } = op
  const old = { ...(to.schema !== undefined && { schema: to.schema }), name: suffixed(to.name, '_old') }
  const removed = from.values.filter((v) => !to.values.includes(v))
  const statements: string[] = []
  if (removed.length > 0 && users.length > 0) statements.push(removedValuesCheck(to, removed, users))
  statements.push(`ALTER TYPE ${qualified(to)} RENAME TO ${quoteIdent(old.name)}`, createEnumSql(to))
  // One ALTER TABLE per table, its columns' clauses in order: PostgreSQL rewrites the table once, not once a column.
  const clausesOf = new Map<string, { readonly table: QualifiedName; readonly clauses: string[] }>()
  for (const { table, column } of users) {
    const key = qualified(table)
    const clauses = clausesOf.get(key)?.clauses ?? clausesOf.set(key, { table, clauses: [] }).get(key)!.clauses
    const alter = (clause: string) => `ALTER COLUMN ${quoteIdent(column.name)} ${clause}`
    const type = columnTypeSql(column, table)
    if (column.default !== undefined) clauses.push(alter('DROP DEFAULT'))
    clauses.push(alter(`TYPE ${type} USING ${quoteIdent(column.name)}::${column.isArray ? 'text[]' : 'text'}::${type}`))
    if (column.default !== undefined && defaultSurvives(column, to.values)) clauses.push(alter(`SET DEFAULT ${column.default}`))
  }
  for (const { table, clauses } of clausesOf.values()) statements.push(`ALTER TABLE ${qualified(table)} ${clauses.join(', ')}`)
  statements.push(`DROP TYPE ${qualified(old)}`)
  return statements.map((sql) => ({ sql }))
}

/**
 * A default naming a value the type no longer has cannot be set again (a later AlterColumn sets the new one);
 * an array column's default names the values of its array literal (`'{}'` names none).
 */
function defaultSurvives(column: ColumnModel, values: readonly string[]): boolean {
  const tokens = readTokens(column.default!)
  const value = tokens?.length === 1 ? stringValue(tokens[0]) : undefined
  if (value === undefined) return true
  const named = column.isArray === true ? parseArrayLiteral(value) : [value]
  return named === undefined || named.every((v) => v === null || values.includes(v))
}

/** removedValuesCheck fails the migration, naming value, column and row count, while rows hold a removed value. */
function removedValuesCheck(enumType: EnumTypeModel, removed: readonly string[], users: readonly EnumUser[]): string {
  const percent = (s: string) => s.replace(/%/g, '%%')
  const checks = users.flatMap(({ table, column }) => removed.map((value) => {
    const c = quoteIdent(column.name)
    const where = column.isArray ? `${quoteLiteral(value)} = ANY (${c}::text[])` : `${c}::text = ${quoteLiteral(value)}`
    const message = `enum ${percent(quoteIdent(enumType.name))} loses value ${percent(quoteLiteral(value))}, which % of the rows of ` +
      `${percent(qualified(table))}.${percent(c)} still hold`
    return `  SELECT count(*) INTO held FROM ${qualified(table)} WHERE ${where};\n` +
      `  IF held > 0 THEN RAISE EXCEPTION ${quoteLiteral(message)}, held; END IF;`
  }))
  return `DO $autogen$\nDECLARE held bigint;\nBEGIN\n${checks.join('\n')}\nEND\n$autogen$`
}
