import type { QualifiedName, TableModel } from '../../model/schema-model'
import type { Operation } from '../../operations/operation'
import type { ChangeSet, TableChange } from '../../plan/change-set'
import { quoteLiteral } from '../quote'
import { type Statement, type StatementPiece, statementOf } from '../statement'
import { createIndexSql, createTableSql } from './sqlite-column-sql'
import { inPlaceSql, needsRebuild } from './sqlite-direct'
import { foreignKeyCheckSql, rebuildSql } from './sqlite-rebuild'

/** Role is how a table's operations are carried out; see compileSqlite. */
type Role = 'transient' | 'created' | 'dropped' | 'rebuilt' | 'in-place'

/**
 * compileSqlite turns a change set into SQLite statements. Each table's operations are handled by its role,
 * decided once per table:
 * - created: one CREATE TABLE (and its indexes) in its final shape, at the CreateTable, carrying every
 *   later operation on it (SQLite cannot add a foreign key to an existing table);
 * - dropped: one DROP TABLE at the DropTable, carrying every operation on it;
 * - transient (created and dropped here): nothing at all;
 * - rebuilt (some change ALTER TABLE cannot make): ONE rebuild (see rebuildSql) carrying all its operations,
 *   placed at the table's last operation and building the shape the table has there: by then every
 *   earlier statement of the migration (a table it references, an index name it reuses) has run;
 * - in-place: each operation by itself (ADD/DROP/RENAME COLUMN, CREATE/DROP INDEX).
 * RenameTable always runs in place at its position, so that every statement names tables as they are then.
 * Rebuilt tables with foreign keys are checked with PRAGMA foreign_key_check after everything else, when
 * every table they reference has its final shape (a check against a half-migrated parent fails).
 */
export function compileSqlite(changes: ChangeSet): Statement[] {
  const { ops } = changes
  const roles = new Map(changes.tables.map((table) => [table, roleOf(table, changes)]))
  const statements: Statement[] = []
  const checks: Statement[] = []
  ops.forEach((op, i) => {
    const table = changes.tableAt[i]
    const role = table && roles.get(table)
    if (role === 'transient') return
    if (!table || op.kind === 'rename_table' || role === 'in-place') {
      statements.push(...inPlaceSql(op).map((piece) => statementOf(piece, [op])))
      return
    }
    const carried = contentOps(table, ops).map((j) => ops[j]!)
    const group = (pieces: readonly StatementPiece[]) => statements.push(...pieces.map((piece) => statementOf(piece, carried)))
    if (role === 'created' && i === table.createdAt) {
      const shape = present(table.to, table)
      group([createTableSql(shape, table.firstName.name), ...shape.indexes.map((index) => createIndexSql(table.firstName.name, index))])
    } else if (role === 'dropped' && i === table.droppedAt) {
      group(inPlaceSql({ kind: 'drop_table', table: present(changes.tableBefore(i), table) }))
    } else if (role === 'rebuilt' && i === rebuildPosition(table, ops)) {
      const target = present(changes.tableAfter(i), table)
      const source = present(changes.tableBefore(table.opIndexes[0]!), table)
      const rebuilt = rebuildSql({ source: { name: target.name, columns: source.columns }, target, ops: carried, finalName: table.lastName.name })
      statements.push(unknownColumnsCheck(target.name, source.columns.map((c) => c.name), carried))
      statements.push(...rebuilt.map((piece) => statementOf(piece, carried, { rebuild: target.name })))
      if (target.foreignKeys.length > 0) checks.push(foreignKeyCheck(table.lastName.name, carried))
    }
  })
  return [...statements, ...checks]
}

function roleOf(table: TableChange, changes: ChangeSet): Role {
  if (table.change !== 'modified') return table.change
  const rebuilt = contentOps(table, changes.ops).some((i) => needsRebuild(changes.ops[i]!, changes.tableBefore(i)))
  return rebuilt ? 'rebuilt' : 'in-place'
}

/** rebuiltTables names the tables `changes` rebuild, under their names before the migration. */
export function rebuiltTables(changes: ChangeSet): QualifiedName[] {
  return changes.tables.filter((table) => roleOf(table, changes) === 'rebuilt').map((table) => table.firstName)
}

function foreignKeyCheck(table: string, operations: readonly Operation[]): Statement {
  const sql = foreignKeyCheckSql(table)
  return { sql, operations, failIfRows: `Rebuilding "${table}" broke a foreign key: fix the rows listed by ${sql}` }
}

/**
 * unknownColumnsCheck stops the migration before a rebuild that would drop columns it does not know: the
 * rebuild copies the columns the table had when the migration was generated, so one added since (by a
 * migration of another branch applied before this one, `rebase`d after it) would be dropped with its values.
 */
function unknownColumnsCheck(table: string, columns: readonly string[], operations: readonly Operation[]): Statement {
  const sql = `SELECT name FROM pragma_table_info(${quoteLiteral(table)}) WHERE name NOT IN (${columns.map(quoteLiteral).join(', ')})`
  return {
    sql, operations,
    failIfRows: `"${table}" has columns this migration does not know, which its rebuild of the table would drop with their values: ` +
      'it was generated before another migration changed the table; delete it and generate it again',
  }
}

/** contentOps are a table's operations other than renames of the table itself. */
function contentOps(table: TableChange, ops: readonly Operation[]): number[] {
  return table.opIndexes.filter((i) => ops[i]!.kind !== 'rename_table')
}

function rebuildPosition(table: TableChange, ops: readonly Operation[]): number {
  return Math.max(...contentOps(table, ops))
}

function present(shape: TableModel | undefined, table: TableChange): TableModel {
  if (!shape) throw new Error(`sqlite: table "${table.lastName.name}" is not in the schema`)
  return shape
}
