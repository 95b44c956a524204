import type { QualifiedName } from '../../model/schema-model'
import { type Operation, type OperationKind, type OperationOf, tableOf } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { quoteLiteral } from '../quote'
import { type Statement, type StatementPiece, statementOf } from '../statement'
import { type AfterColumnAlters, type ColumnAlter, type CompiledStatement, alterColumnSql, columnAlterStatement, isAfterColumnAlters, isColumnAlter, joinColumnAlters, recomputes } from './postgres-alter-column-sql'
import { columnDefinitionSql } from './postgres-column-sql'
import { copyColumnSql } from './postgres-copy-column-sql'
import {
  alterDeferralClause, checkClause, createIndexStatements, dropIndexSql, exclusionClause, foreignKeyClause, primaryKeyClause, uniqueClause, uniqueCommentStatements,
} from './postgres-constraint-sql'
import { alterEnumSql, createEnumSql, dropEnumSql } from './postgres-enum-sql'
import { addConstraintOnlineSql, addedBeforeValidated, addUniqueOnlineSql, createIndexOnlineSql, dropConstraintOnlineSql, setNotNullOnlineSql } from './postgres-online-sql'
import { commentLiteral, inSchemaOf, qualified, quoteIdent, serialSequenceBaseName, serialSequenceName } from './postgres-quote'
import { addingRewrites } from './postgres-rewrites'
import { postgresRelinkedForeignKeys } from './postgres-relinked-foreign-keys'
import { droppedWithColumnSql, postgresRegeneratedColumns } from './postgres-regenerated-columns'
import { postgresEnumPredicates } from './postgres-enum-predicates'
import { postgresRecreatedTriggers } from './postgres-recreated-triggers'
import { columnCommentSql, createTableSql } from './postgres-table-sql'
import { createViewSql, dropViewSql, replaceViewSql } from './postgres-view-sql'

/**
 * Compiler writes one operation, as statements and ALTER COLUMN clauses; `later` are the operations after it
 * (an enum value they use must be committed first).
 */
type Compiler<K extends OperationKind> = (op: OperationOf<K>, later: readonly Operation[], changes: ChangeSet) => readonly (StatementPiece | ColumnAlter | AfterColumnAlters)[]

const alterTable = (op: { table: Parameters<typeof qualified>[0] }, clause: string) => `ALTER TABLE ${qualified(op.table)} ${clause}`
/** What an online migration added, its `down` drops where it is there (see Online). */
const dropConstraint = (op: { table: QualifiedName; online?: true }, name: string) =>
  (op.online === true ? dropConstraintOnlineSql(op.table, name) : alterTable(op, `DROP CONSTRAINT ${quoteIdent(name)}`))

/**
 * dropSchemaUnlessHoldingSql drops a schema the migration created where nothing else is left in it. Objects
 * the migration did not make keep it (no CASCADE): TypeORM's migrations table, which lives in the
 * DataSource's `schema` and is created there before the migration runs, or another application's tables.
 */
function dropSchemaUnlessHoldingSql(schema: string): string {
  const kept = quoteLiteral(`schema ${quoteIdent(schema)} still holds other objects: kept`.replace(/%/g, '%%'))
  return `DO $autogen$\nBEGIN\n  DROP SCHEMA ${quoteIdent(schema)};\nEXCEPTION WHEN dependent_objects_still_exist THEN\n  RAISE NOTICE ${kept};\nEND\n$autogen$`
}

/** Every operation kind has a compiler: a new kind without one does not type-check. */
const compilers: { readonly [K in OperationKind]: Compiler<K> } = {
  create_schema: (op) => [`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(op.schema)}`],
  drop_schema: (op) => [dropSchemaUnlessHoldingSql(op.schema)],
  create_extension: (op) => [`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(op.extension)}`],
  drop_extension: (op) => [`DROP EXTENSION ${quoteIdent(op.extension)}`],
  create_enum: (op) => [createEnumSql(op.enumType)],
  drop_enum: (op) => [dropEnumSql(op.enumType)],
  alter_enum: (op, later, changes) => alterEnumSql(op, later, changes.reversed),
  rename_enum: (op) => renameSql('TYPE', op.from, op.to),
  rename_column_label: () => {
    throw new Error('postgres: an enum column\'s labels live in its type (rename_enum_label renames them)')
  },
  rename_enum_label: (op) => [`ALTER TYPE ${qualified(op.enumType)} RENAME VALUE ${quoteLiteral(op.from)} TO ${quoteLiteral(op.to)}`],
  create_table: (op) => createTableSql(op.table),
  drop_table: (op) => [`DROP TABLE ${qualified(op.table)}`],
  rename_table: (op) => renameTableSql(op),
  alter_table_comment: (op) => [`COMMENT ON TABLE ${qualified(op.table)} IS ${commentLiteral(op.to)}`],
  alter_table_options: () => {
    throw new Error('postgres: tables have no engine or rowid option (normalize leaves them out)')
  },
  add_column: (op) => [
    alterTable(op, `ADD ${columnDefinitionSql(op.column, op.table)}`),
    ...(op.column.comment !== undefined ? [columnCommentSql(op.table, op.column.name, op.column.comment)] : []),
  ],
  drop_column: (op) => [alterTable(op, `DROP COLUMN ${quoteIdent(op.column.name)}`)],
  alter_column: (op) => (op.online === true && !op.to.nullable ? setNotNullOnlineSql(op) : alterColumnSql(op)),
  rename_column: (op) => renameColumnSql(op),
  copy_column: (op) => [copyColumnSql(op)],
  add_primary_key: (op) => [alterTable(op, `ADD ${primaryKeyClause(op.primaryKey)}`)],
  drop_primary_key: (op) => [dropConstraint(op, op.primaryKey.name ?? `${op.table.name}_pkey`)],
  create_index: (op) => (op.online === true ? createIndexOnlineSql(op) : createIndexStatements(op.table, op.index)),
  drop_index: (op) => [dropIndexSql(op.table, op.index, op.online === true)],
  rename_index: (op) => [`ALTER INDEX ${inSchemaOf(op.table, op.from)} RENAME TO ${quoteIdent(op.to)}`],
  add_unique: (op) => (op.online === true ? addUniqueOnlineSql(op) : [alterTable(op, `ADD ${uniqueClause(op.unique)}`), ...uniqueCommentStatements(op.table, op.unique)]),
  drop_unique: (op) => [dropConstraint(op, op.unique.name)],
  add_foreign_key: (op) => (op.online === true ? addConstraintOnlineSql(op) : [alterTable(op, `ADD ${foreignKeyClause(op.foreignKey)}`)]),
  drop_foreign_key: (op) => [dropConstraint(op, op.foreignKey.name)],
  alter_foreign_key: (op) => [alterTable(op, alterDeferralClause(op.to))],
  add_check: (op) => (op.online === true ? addConstraintOnlineSql(op) : [alterTable(op, `ADD ${checkClause(op.check)}`)]),
  drop_check: (op) => [dropConstraint(op, op.check.name)],
  add_exclusion: (op) => [alterTable(op, `ADD ${exclusionClause(op.exclusion)}`)],
  drop_exclusion: (op) => [dropConstraint(op, op.exclusion.name)],
  // A primary key's, unique's or exclusion's index is renamed with it.
  rename_constraint: (op) => [alterTable(op, `RENAME CONSTRAINT ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`)],
  create_view: (op) => createViewSql(op.view),
  drop_view: (op) => [dropViewSql(op.view)],
  replace_view: (op) => [replaceViewSql(op.to)],
}

/**
 * A move to another schema is SET SCHEMA (which takes the owned sequences along), then RENAME TO in the new
 * schema when the name changes too; serial and identity sequences are renamed after the table, as PostgreSQL
 * would have named them, so that later ALTERs of those columns find them, where they have the name PostgreSQL
 * gave them (`IF EXISTS`): a table renamed before (by hand, or by a migration of the project's own) keeps its
 * sequence's old name, which PostgreSQL renames along with nothing, and the column reads it all the same. An
 * identity the migration makes again after the rename is named after the new name, and its `down`, renaming
 * back, gives back the old one.
 */
function renameTableSql(op: OperationOf<'rename_table'>): string[] {
  const out = renameSql('TABLE', op.from, op.to)
  if (op.from.name === op.to.name) return out
  const current = op.to.schema === undefined ? op.from : { schema: op.to.schema, name: op.from.name }
  for (const column of op.table.columns.filter((c) => c.generated?.kind === 'increment' || c.generated?.kind === 'identity')) {
    const renamed = quoteIdent(serialSequenceBaseName(op.to.name, column.name))
    out.push(`ALTER SEQUENCE IF EXISTS ${serialSequenceName(current, column.name)} RENAME TO ${renamed}`)
  }
  return out
}

/** renameSql moves a table or type to another schema (SET SCHEMA) and then renames it there, as needed. */
function renameSql(object: 'TABLE' | 'TYPE', from: QualifiedName, to: QualifiedName): string[] {
  const out: string[] = []
  let current = from
  if (from.schema !== to.schema && to.schema !== undefined) {
    out.push(`ALTER ${object} ${qualified(current)} SET SCHEMA ${quoteIdent(to.schema)}`)
    current = { schema: to.schema, name: current.name }
  }
  if (current.name !== to.name) out.push(`ALTER ${object} ${qualified(current)} RENAME TO ${quoteIdent(to.name)}`)
  return out
}

/**
 * A serial or identity column's sequence is renamed with the column, as PostgreSQL would have named it, where it
 * has the name PostgreSQL gave it (`IF EXISTS`), as with a renamed table (renameTableSql).
 */
function renameColumnSql(op: OperationOf<'rename_column'>): string[] {
  const out = [alterTable(op, `RENAME COLUMN ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`)]
  const generation = op.column.generated?.kind
  if (generation === 'increment' || generation === 'identity') {
    out.push(`ALTER SEQUENCE IF EXISTS ${serialSequenceName(op.table, op.from)} RENAME TO ${quoteIdent(serialSequenceBaseName(op.table.name, op.to))}`)
  }
  return out
}

/**
 * compilePostgres turns a change set into statements, one per SQL statement, each carrying its operation (ALTER
 * COLUMN clauses of one table in a row share one ALTER TABLE, which carries their operations: joinColumnAlters);
 * foreign keys a column's change of type would break, and generated columns reading that column, are dropped
 * before it and added again after it, and so are the triggers reading that column (see
 * postgresRelinkedForeignKeys, postgresRegeneratedColumns, postgresRecreatedTriggers). Constraints added online
 * are all added NOT VALID before the first is validated (see addedBeforeValidated).
 */
export function compilePostgres(changes: ChangeSet): Statement[] {
  const { ops } = changes
  const relinked = postgresRelinkedForeignKeys(changes)
  const regenerated = postgresRegeneratedColumns(changes)
  const enumPredicates = postgresEnumPredicates(changes)
  const triggers = postgresRecreatedTriggers(changes)
  return addedBeforeValidated(joinColumnAlters(ops.flatMap((op, i): CompiledStatement[] => {
    const compile = compilers[op.kind] as Compiler<typeof op.kind>
    const statements = compile(op as never, ops.slice(i + 1), changes)
      .map((piece): CompiledStatement => isColumnAlter(piece) ? columnAlterStatement(piece, [op])
        : isAfterColumnAlters(piece) ? { ...statementOf(piece.after, [op]), follows: piece.table } : statementOf(piece, [op]))
    if (op.kind === 'alter_column' && recomputes(op)) {
      // The column is dropped and added again (alterColumnSql), and its indexes and constraints with it.
      const [was, then] = [changes.tableBefore(i), changes.tableAfter(i)]
      if (was !== undefined && then !== undefined) statements.push(...droppedWithColumnSql(was, then, op.to.name).map((sql) => statementOf(sql, [op])))
    }
    // An ADD COLUMN that fills every row itself rewrites the table (TABLE_REBUILD), unless the migration made it;
    // so does a stored generated column dropped and added again for its new expression (DROP, then ADD).
    const created = changes.tableAt[i]?.createdAt
    const adding = op.kind === 'add_column' && addingRewrites(op.column) ? 0 : op.kind === 'alter_column' && recomputes(op) && addingRewrites(op.to) ? 1 : undefined
    if (adding !== undefined && (created === undefined || created > i)) {
      statements[adding] = { ...statements[adding]!, rebuild: tableOf(op)!.name, rebuildRewrites: true }
    }
    return [
      ...relinked.before.get(i) ?? [], ...regenerated.before.get(i) ?? [], ...triggers.before.get(i) ?? [], ...enumPredicates.before.get(i) ?? [],
      ...statements,
      ...enumPredicates.after.get(i) ?? [], ...triggers.after.get(i) ?? [], ...regenerated.after.get(i) ?? [], ...relinked.after.get(i) ?? [],
    ]
  })))
}
