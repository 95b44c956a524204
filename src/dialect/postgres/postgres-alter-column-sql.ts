import type { ColumnModel } from '../../model/schema-model'
import type { AlterColumn, Operation } from '../../operations/operation'
import type { Statement } from '../statement'
import { quoteLiteral } from '../quote'
import { columnDefinitionSql, columnTypeSql, defaultSql, identityOptionsSql } from './postgres-column-sql'
import { inSchemaOf, qualified, quoteIdent, serialSequenceBaseName, serialSequenceName, suffixed } from './postgres-quote'
import { valueCastSql } from './postgres-value-cast'
import { columnCommentSql } from './postgres-table-sql'

const isIncrement = (c: ColumnModel) => c.generated?.kind === 'increment'
const isIdentity = (c: ColumnModel) => c.generated?.kind === 'identity'

/** recomputes: the operation drops the column and adds it again, as a changed computed expression needs (alterColumnSql). */
export function recomputes(op: AlterColumn): boolean {
  return op.to.computed !== undefined && op.changes.includes('computed')
}

/** changesColumnType: the operation writes ALTER COLUMN ... TYPE, which sets the type, size and collation. */
export function changesColumnType(op: AlterColumn): boolean {
  return op.changes.includes('type') || op.changes.includes('size') || op.changes.includes('collation')
}

/**
 * ColumnAlter is one `ALTER COLUMN` clause of an ALTER TABLE: the compiler writes the clauses of one table that
 * follow each other as one statement (see joinColumnAlters).
 */
export interface ColumnAlter {
  /** The table, as the statement names it. */
  readonly table: string
  readonly clause: string
}

/**
 * AfterColumnAlters is a statement that needs only the clauses before it of its table's ALTER TABLE to have run
 * (`ALTER SEQUENCE ... AS` after its serial column's change of type): joinColumnAlters writes it after that
 * ALTER TABLE, whose clauses after it then still join it.
 */
export interface AfterColumnAlters {
  /** The table, as the statement names it. */
  readonly table: string
  readonly after: string
}

/** AlterColumnPiece is a statement of its own, a clause of the table's ALTER TABLE, or a statement to follow it. */
export type AlterColumnPiece = string | ColumnAlter | AfterColumnAlters

/** isColumnAlter tells a clause from a statement of its own. */
export const isColumnAlter = (piece: unknown): piece is ColumnAlter => typeof piece === 'object' && piece !== null && 'clause' in piece

/** isAfterColumnAlters tells a statement that follows its table's ALTER TABLE from one that runs where it stands. */
export const isAfterColumnAlters = (piece: unknown): piece is AfterColumnAlters => typeof piece === 'object' && piece !== null && 'after' in piece

/**
 * CompiledStatement is a statement, and, for an ALTER COLUMN clause alone in its ALTER TABLE, that clause; or,
 * for a statement that follows its table's ALTER TABLE, that table (`follows`).
 */
export type CompiledStatement = Statement & { readonly alter?: ColumnAlter; readonly follows?: string }

/** columnAlterStatement is the ALTER TABLE of one clause, which joinColumnAlters may join with the next. */
export function columnAlterStatement(alter: ColumnAlter, operations: readonly Operation[]): CompiledStatement {
  return { sql: `ALTER TABLE ${alter.table} ${alter.clause}`, operations, alter }
}

/**
 * joinColumnAlters writes ALTER COLUMN clauses of one table that follow each other as one ALTER TABLE: PostgreSQL
 * then rewrites the table once for all its changes of type, where each ALTER TABLE of its own rewrites it again,
 * under its exclusive lock. One statement runs its clauses by kind, not in the order written: every drop
 * (DROP DEFAULT, DROP NOT NULL) first, then the changes of type, then the rest (SET NOT NULL, SET DEFAULT, ADD
 * and SET GENERATED), which is the order alterColumnSql writes one column's; but it checks each change of type
 * against the column as it was, so DROP IDENTITY and DROP EXPRESSION are statements of their own. A statement
 * that follows its table's clauses (AfterColumnAlters) waits for the end of that ALTER TABLE.
 */
export function joinColumnAlters(compiled: readonly CompiledStatement[]): Statement[] {
  const out: Statement[] = []
  let run: CompiledStatement[] = []
  let following: Statement[] = []
  const flush = () => {
    if (run.length === 0) return
    const operations = [...new Set(run.flatMap((s) => s.operations))]
    out.push({ sql: `ALTER TABLE ${run[0]!.alter!.table} ${run.map((s) => s.alter!.clause).join(', ')}`, operations }, ...following)
    run = []
    following = []
  }
  for (const statement of compiled) {
    const { alter, follows, ...rest } = statement
    if (alter !== undefined && run.length > 0 && run[0]!.alter!.table === alter.table) run.push(statement)
    else if (alter !== undefined) (flush(), run.push(statement))
    else if (follows !== undefined && run.length > 0 && run[0]!.alter!.table === follows) following.push(rest)
    else (flush(), out.push(rest))
  }
  flush()
  return out
}

/**
 * sequencePassing names the sequence a serial made an identity, or an identity made a serial, is given first
 * (`next`, the serial's name with a suffix: the old sequence holds that name until it is dropped), the name it takes
 * then (`baseName`), and the statement that starts it after the last value of the old sequence (`old`, an SQL
 * expression of it) or the column's largest value, whichever is higher.
 */
function sequencePassing(op: AlterColumn): { readonly next: string; readonly baseName: string; restart(old: string): string } {
  const baseName = serialSequenceBaseName(op.table.name, op.to.name)
  const next = inSchemaOf(op.table, suffixed(baseName, '_next'))
  const column = quoteIdent(op.to.name)
  return {
    next,
    baseName,
    restart: (old) => `SELECT setval(${quoteLiteral(next)}, GREATEST(COALESCE(MAX(${column}), 0), COALESCE(pg_sequence_last_value(${old}::regclass), 0)) + 1, false) ` +
      `FROM ${qualified(op.table)}`,
  }
}

/**
 * alterColumnSql changes a column in place, emitting only what changed: the type with `USING` (never a
 * drop and re-add; without it for a generated column, whose values are computed again), nullability, default, serial and identity generation, comment. A changed computed
 * expression cannot be altered in place (before PostgreSQL 17), so that column alone is dropped and re-added.
 */
export function alterColumnSql(op: AlterColumn): AlterColumnPiece[] {
  const { table, from, to, changes } = op
  const t = qualified(table)
  const alter = (clause: string): ColumnAlter => ({ table: t, clause: `ALTER COLUMN ${quoteIdent(to.name)} ${clause}` })
  // PostgreSQL checks a change of type against the column as it is before any clause of its ALTER TABLE runs:
  // an identity or generated column refuses one, so dropping either is a statement of its own.
  const alone = (clause: string) => `ALTER TABLE ${t} ALTER COLUMN ${quoteIdent(to.name)} ${clause}`
  if (recomputes(op)) {
    return [`ALTER TABLE ${t} DROP COLUMN ${quoteIdent(from.name)}`, `ALTER TABLE ${t} ADD ${columnDefinitionSql(to, table)}`,
      ...(to.comment !== undefined ? [columnCommentSql(table, to.name, to.comment)] : [])]
  }
  const out: AlterColumnPiece[] = []
  const typeChanged = changesColumnType(op)
  const sequence = serialSequenceName(table, to.name)
  // The serial's sequence as the database has it (the database's side of the change holds its name).
  const serialSequence = from.sequenceName ?? to.sequenceName
  const existing = serialSequence === undefined ? sequence : inSchemaOf(table, serialSequence)
  // A serial made an identity, or the reverse, gets a sequence of its own: it starts after the old one's last value
  // (or the largest key, where higher), so that the keys of rows deleted are not given again.
  const passing = sequencePassing(op)
  if (from.computed && !to.computed) out.push(alone('DROP EXPRESSION'))
  if (isIdentity(from) && isIncrement(to)) out.push(`CREATE SEQUENCE ${passing.next} AS ${columnTypeSql(to, table)}`, passing.restart(`pg_get_serial_sequence(${quoteLiteral(t)}, ${quoteLiteral(to.name)})`))
  if (isIdentity(from) && !isIdentity(to)) out.push(alone('DROP IDENTITY'))
  if (isIncrement(from) && !isIncrement(to)) out.push(alter('DROP DEFAULT'), ...(isIdentity(to) ? [] : [`DROP SEQUENCE ${existing}`]))

  const before = defaultSql(from)
  const after = defaultSql(to)
  // A default that cannot be cast to the new type makes ALTER TYPE fail: take it off and put it back after.
  const defaultOff = before !== undefined && (typeChanged || after === undefined)
  if (defaultOff) out.push(alter('DROP DEFAULT'))
  if (typeChanged) {
    const collate = to.collation === undefined ? '' : ` COLLATE ${quoteIdent(to.collation)}`
    // A generated column's values are computed again in the new type: PostgreSQL refuses USING on it.
    const using = to.computed !== undefined ? '' : ` USING ${valueCastSql(quoteIdent(to.name), from, to, table)}`
    out.push(alter(`TYPE ${columnTypeSql(to, table)}${collate}${using}`))
    if (isIncrement(from) && isIncrement(to)) out.push({ table: t, after: `ALTER SEQUENCE ${existing} AS ${columnTypeSql(to, table)}` })
  }
  if (changes.includes('nullability')) out.push(alter(to.nullable ? 'DROP NOT NULL' : 'SET NOT NULL'))

  const restart = `SELECT setval(%s, COALESCE(MAX(${quoteIdent(to.name)}), 0) + 1, false) FROM ${t}`
  if (isIncrement(to) && isIdentity(from)) {
    out.push(`ALTER SEQUENCE ${passing.next} RENAME TO ${quoteIdent(passing.baseName)}`, `ALTER SEQUENCE ${sequence} OWNED BY ${t}.${quoteIdent(to.name)}`,
      alter(`SET DEFAULT nextval(${quoteLiteral(sequence)}::regclass)`))
  } else if (isIncrement(to) && !isIncrement(from)) {
    out.push(`CREATE SEQUENCE ${sequence} AS ${columnTypeSql(to, table)} OWNED BY ${t}.${quoteIdent(to.name)}`,
      alter(`SET DEFAULT nextval(${quoteLiteral(sequence)}::regclass)`),
      restart.replace('%s', quoteLiteral(sequence)))
  }
  if (to.generated?.kind === 'identity') {
    const kind = to.generated.always ? 'ALWAYS' : 'BY DEFAULT'
    if (isIncrement(from)) {
      const options = to.identityOptions === undefined ? '' : ` ${to.identityOptions}`
      out.push(alone(`ADD GENERATED ${kind} AS IDENTITY (SEQUENCE NAME ${passing.next}${options})`), passing.restart(quoteLiteral(existing)),
        `DROP SEQUENCE ${existing}`, `ALTER SEQUENCE ${passing.next} RENAME TO ${quoteIdent(passing.baseName)}`)
    } else if (!isIdentity(from)) {
      const identitySequence = `pg_get_serial_sequence(${quoteLiteral(t)}, ${quoteLiteral(to.name)})`
      out.push(alter(`ADD GENERATED ${kind} AS IDENTITY${identityOptionsSql(to)}`), restart.replace('%s', identitySequence))
    } else if (from.generated?.kind === 'identity' && from.generated.always !== to.generated.always) {
      out.push(alter(`SET GENERATED ${kind}`))
    }
  }
  // Compared canonically: the database's and the entity's texts of one default differ in spelling only.
  const defaultChanged = (from.default ?? before) !== (to.default ?? after)
  if (after !== undefined && (defaultOff || defaultChanged)) out.push(alter(`SET DEFAULT ${after}`))
  if (changes.includes('comment')) out.push(columnCommentSql(table, to.name, to.comment))
  return out
}
