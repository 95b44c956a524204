import { createHash } from 'node:crypto'
import type { QualifiedName } from '../../model/schema-model'
import type { Operation, OperationOf } from '../../operations/operation'
import { quoteLiteral } from '../quote'
import type { Statement, StatementPiece } from '../statement'
import {
  checkClause, createIndexSql, deferrableSql, foreignKeyClause, indexCommentStatements, uniqueCommentStatements,
} from './postgres-constraint-sql'
import { inSchemaOf, qualified, quoteIdent } from './postgres-quote'

/**
 * The online forms of `generate --online`, each statement run on its own outside a transaction: an index is
 * built without blocking writes, a unique is built as such an index and then attached to the table as its
 * constraint (`USING INDEX`: the index has the unique's name), and a foreign key or check is added `NOT VALID`
 * (a moment's lock, no scan), then validated, which reads the rows while writes go on. Each statement skips
 * what an earlier run of the migration finished, so that a run that failed (rows breaking a unique, a lock
 * timeout) is run again once the cause is fixed: an index a failed build left invalid is dropped first.
 */
export function createIndexOnlineSql(op: OperationOf<'create_index'>): StatementPiece[] {
  return [
    dropInvalidIndexSql(op.table, op.index.name),
    { sql: createIndexSql(op.table, op.index, true), concurrently: true },
    ...indexCommentStatements(op.table, op.index),
  ]
}

export function addUniqueOnlineSql(op: OperationOf<'add_unique'>): StatementPiece[] {
  const { table, unique } = op
  return [
    dropInvalidIndexSql(table, unique.name),
    { sql: createIndexSql(table, { name: unique.name, columns: unique.columns, unique: true }, true), concurrently: true },
    unlessConstraintSql(table, unique.name,
      `ALTER TABLE ${qualified(table)} ADD CONSTRAINT ${quoteIdent(unique.name)} UNIQUE USING INDEX ${quoteIdent(unique.name)}${deferrableSql(unique.deferrable)}`),
    ...uniqueCommentStatements(table, unique),
  ]
}

export function addConstraintOnlineSql(op: OperationOf<'add_foreign_key'> | OperationOf<'add_check'>): StatementPiece[] {
  const [clause, name] = op.kind === 'add_foreign_key' ? [foreignKeyClause(op.foreignKey), op.foreignKey.name] : [checkClause(op.check), op.check.name]
  return [
    { sql: unlessConstraintSql(op.table, name, `ALTER TABLE ${qualified(op.table)} ADD ${clause} NOT VALID`), notValid: true },
    `ALTER TABLE ${qualified(op.table)} VALIDATE CONSTRAINT ${quoteIdent(name)}`,
  ]
}

/** dropConstraintOnlineSql drops a constraint an online migration added, if it is there (its `down` may run again too). */
export function dropConstraintOnlineSql(table: QualifiedName, name: string): string {
  return `ALTER TABLE ${qualified(table)} DROP CONSTRAINT IF EXISTS ${quoteIdent(name)}`
}

/** dropInvalidIndexSql drops the index `name` where a failed CREATE INDEX CONCURRENTLY left it invalid. */
function dropInvalidIndexSql(table: QualifiedName, name: string): string {
  const index = inSchemaOf(table, name)
  return guarded(`EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass(${quoteLiteral(index)}) AND NOT indisvalid)`, `DROP INDEX ${index}`)
}

/** unlessConstraintSql runs `statement` unless `table` has a constraint named `name`. */
function unlessConstraintSql(table: QualifiedName, name: string, statement: string): string {
  return guarded(`NOT EXISTS (SELECT FROM pg_constraint WHERE conrelid = to_regclass(${quoteLiteral(qualified(table))}) AND conname = ${quoteLiteral(name)})`, statement)
}

function guarded(condition: string, statement: string): string {
  return `DO $autogen$\nBEGIN\n  IF ${condition} THEN\n    ${statement};\n  END IF;\nEND\n$autogen$`
}

/**
 * setNotNullOnlineSql makes a column NOT NULL without reading the rows under the table's exclusive lock: a check
 * that the column is not null is added NOT VALID and validated (writes go on), then SET NOT NULL finds it and reads
 * no row (PostgreSQL 12 and later), and the check, now redundant, is dropped.
 */
export function setNotNullOnlineSql(op: OperationOf<'alter_column'>): StatementPiece[] {
  const { table, to } = op
  const check = notNullCheckName(table, to.name)
  return [
    { sql: unlessConstraintSql(table, check, `ALTER TABLE ${qualified(table)} ADD CONSTRAINT ${quoteIdent(check)} CHECK (${quoteIdent(to.name)} IS NOT NULL) NOT VALID`), notValid: true },
    `ALTER TABLE ${qualified(table)} VALIDATE CONSTRAINT ${quoteIdent(check)}`,
    `ALTER TABLE ${qualified(table)} ALTER COLUMN ${quoteIdent(to.name)} SET NOT NULL`,
    dropConstraintOnlineSql(table, check),
  ]
}

/** notNullCheckName names the passing check of setNotNullOnlineSql, within PostgreSQL's 63 bytes. */
function notNullCheckName(table: QualifiedName, column: string): string {
  const name = `CHK_${table.name}_${column}_not_null`
  return Buffer.byteLength(name) <= 63 ? name : `CHK_${createHash('sha1').update(`${table.name}.${column}`).digest('hex').slice(0, 26)}_not_null`
}

/**
 * addedBeforeValidated puts, in each run of statements of constraints added online (foreign keys, checks, NOT
 * NULL), every `NOT VALID` add before the first `VALIDATE`: each constraint holds for the rows written from its
 * add on, so one the change replaces (dropped in the transaction before) is missing only for the moments the adds
 * take, not while the others read the table, nor after a VALIDATE that fails stops the migration.
 */
export function addedBeforeValidated<S extends Statement>(statements: readonly S[]): S[] {
  const out: S[] = []
  let run: S[] = []
  const flush = () => {
    out.push(...run.filter((s) => s.notValid === true), ...run.filter((s) => s.notValid !== true))
    run = []
  }
  for (const statement of statements) {
    if (statement.operations.length > 0 && statement.operations.every(isConstraintAddedOnline)) {
      run.push(statement)
    } else {
      flush()
      out.push(statement)
    }
  }
  flush()
  return out
}

function isConstraintAddedOnline(op: Operation): boolean {
  return (op.kind === 'add_foreign_key' || op.kind === 'add_check' || op.kind === 'alter_column') && op.online === true
}
