import { sameName } from '../../model/qualified-name'
import type { QualifiedName, TableModel } from '../../model/schema-model'
import type { Operation } from '../../operations/operation'
import type { ChangeSet, TableChange } from '../../plan/change-set'
import { nameAt } from '../../plan/table-lives'
import { quoteLiteral } from '../quote'
import { type Statement, type StatementPiece, statementOf } from '../statement'
import { createIndexSql, createTableSql } from './sqlite-column-sql'
import { inPlaceSql, needsRebuild } from './sqlite-direct'
import { type Rebuild, foreignKeyCheckSql, rebuildSql } from './sqlite-rebuild'
import { type ReferencingTable, tablesReferencingRenamedColumns } from './sqlite-referencing-tables'
import { type TriggerReadingDropped, triggerSafeRebuild, triggersReadingDropped } from './sqlite-rebuild-triggers'

/** Role is how a table's operations are carried out; see compileSqlite. */
type Role = 'transient' | 'created' | 'dropped' | 'rebuilt' | 'in-place'

/**
 * compileSqlite turns a change set into SQLite statements. Each table's operations are handled by its role,
 * decided once per table:
 * - created: one CREATE TABLE (and its indexes) in its final shape, at the CreateTable, carrying every
 *   later operation on it (SQLite cannot add a foreign key to an existing table), and naming in its foreign
 *   keys the columns it references as they are named at the end (a column a later rebuild renames is not
 *   renamed in the keys of other tables, as RENAME COLUMN renames it);
 * - dropped: one DROP TABLE at the DropTable, carrying every operation on it;
 * - transient (created and dropped here): nothing at all;
 * - rebuilt (some change ALTER TABLE cannot make): ONE rebuild (see rebuildSql) carrying all its operations,
 *   placed at the table's last operation and building the shape the table has there: by then every
 *   earlier statement of the migration (a table it references, an index name it reuses) has run; a table
 *   whose foreign key names a column a rebuild renames is rebuilt too (see ReferencingTable), no earlier
 *   than the rename, even where the migration does not touch it;
 * - in-place: each operation by itself (ADD/DROP/RENAME COLUMN, CREATE/DROP INDEX).
 * RenameTable always runs in place at its position, so that every statement names tables as they are then.
 * Rebuilt tables with foreign keys are checked with PRAGMA foreign_key_check after everything else, when
 * every table they reference has its final shape (a check against a half-migrated parent fails).
 */
export function compileSqlite(changes: ChangeSet): Statement[] {
  const { ops } = changes
  const { roles, referencing } = rebuildPlan(changes)
  const followedRenamesUntil = new Map(referencing.flatMap((r) => (r.change ? [[r.change, r.lastRenameAt] as const] : [])))
  const rebuildsAt = new Map<number, (() => void)[]>()
  const schedule = (position: number, rebuild: () => void) => rebuildsAt.set(position, [...(rebuildsAt.get(position) ?? []), rebuild])
  const statements: Statement[] = []
  const checks: Statement[] = []
  const emitRebuild = (position: number, shape: Omit<Rebuild, 'namedByOtherTriggers'>, firstName: string, sourceColumns: readonly string[], carried: readonly Operation[]) => {
    const { rebuild, after } = triggerSafeRebuild(changes.schemaAt(position), shape, firstName)
    const marks = { rebuild: shape.target.name }
    statements.push(...triggersReadingDropped(shape.target, shape.ops).map((read) => droppedColumnTriggerCheck(shape.target.name, read, carried)))
    statements.push(unknownColumnsCheck(shape.target.name, sourceColumns, carried))
    statements.push(...rebuildSql(rebuild).map((piece) => statementOf(piece, carried, marks)))
    statements.push(...after.map(({ piece, op }) => (op === undefined ? statementOf(piece, carried, marks) : statementOf(piece, [op]))))
    if (rebuild.target.foreignKeys.length > 0) checks.push(foreignKeyCheck(rebuild.finalName, carried))
  }
  for (const table of changes.tables) {
    if (roles.get(table) !== 'rebuilt') continue
    const position = Math.max(rebuildPosition(table, ops), followedRenamesUntil.get(table) ?? -1)
    schedule(position, () => {
      const carried = contentOps(table, ops).map((j) => ops[j]!)
      const target = present(tableNamedAt(changes, position + 1, nameAt(table, ops, position + 1)), table)
      const source = present(changes.tableBefore(table.opIndexes[0]!), table)
      emitRebuild(position, { source: { name: target.name, columns: source.columns }, target, ops: carried, finalName: table.lastName.name }, table.firstName.name, source.columns.map((c) => c.name), carried)
    })
  }
  for (const { change, name, renames, lastRenameAt } of referencing) {
    if (change !== undefined) continue
    schedule(lastRenameAt, () => {
      const target = present(tableNamedAt(changes, lastRenameAt + 1, name), { lastName: name })
      // Nothing on the table itself steers the copy; its statements carry the renames that make it needed.
      emitRebuild(lastRenameAt, { source: target, target, ops: [], finalName: target.name }, target.name, target.columns.map((c) => c.name), renames)
    })
  }
  ops.forEach((op, i) => {
    const table = changes.tableAt[i]
    const role = table && roles.get(table)
    if (role === 'transient') return
    if (!table || op.kind === 'rename_table' || role === 'in-place') {
      statements.push(...inPlaceSql(op).map((piece) => statementOf(piece, [op])))
    } else {
      const carried = contentOps(table, ops).map((j) => ops[j]!)
      const group = (pieces: readonly StatementPiece[]) => statements.push(...pieces.map((piece) => statementOf(piece, carried)))
      if (role === 'created' && i === table.createdAt) {
        const shape = present(tableNamedAt(changes, ops.length, table.lastName) ?? table.to, table)
        // A table the database had with triggers (a down restoring a dropped table) gets them back as they were.
        group([
          createTableSql(shape, table.firstName.name),
          ...shape.indexes.map((index) => createIndexSql(table.firstName.name, index)),
          ...(shape.triggers ?? []).map((trigger) => trigger.sql),
        ])
      } else if (role === 'dropped' && i === table.droppedAt) {
        group(inPlaceSql({ kind: 'drop_table', table: present(changes.tableBefore(i), table) }))
      }
    }
    for (const rebuild of rebuildsAt.get(i) ?? []) rebuild()
  })
  return [...statements, ...checks]
}

/**
 * rebuildPlan gives each table its role, and the tables rebuilt because their foreign keys name a column a
 * rebuild renames (see ReferencingTable): one changed in place becomes rebuilt, and its renames may in turn
 * call for more.
 */
function rebuildPlan(changes: ChangeSet): { roles: Map<TableChange, Role>; referencing: readonly ReferencingTable[] } {
  const roles = new Map(changes.tables.map((table) => [table, roleOf(table, changes)]))
  for (;;) {
    const rebuilt = new Set(changes.tables.filter((table) => roles.get(table) === 'rebuilt'))
    const referencing = tablesReferencingRenamedColumns(changes, rebuilt)
    const promoted = referencing.flatMap((r) => (r.change !== undefined && roles.get(r.change) === 'in-place' ? [r.change] : []))
    if (promoted.length === 0) return { roles, referencing }
    for (const table of promoted) roles.set(table, 'rebuilt')
  }
}

function roleOf(table: TableChange, changes: ChangeSet): Role {
  if (table.change !== 'modified') return table.change
  const rebuilt = contentOps(table, changes.ops).some((i) => needsRebuild(changes.ops[i]!, changes.tableBefore(i), changes.tableAfter(i)))
  return rebuilt ? 'rebuilt' : 'in-place'
}

/** rebuiltTables names the tables `changes` rebuild, under their names before the migration. */
export function rebuiltTables(changes: ChangeSet): QualifiedName[] {
  const { roles, referencing } = rebuildPlan(changes)
  const untouched = referencing.flatMap((r) => (r.change === undefined ? [r.name] : []))
  return [...changes.tables.filter((table) => roles.get(table) === 'rebuilt').map((table) => table.firstName), ...untouched]
}

function foreignKeyCheck(table: string, operations: readonly Operation[]): Statement {
  const sql = foreignKeyCheckSql(table)
  return { sql, operations, failIfRows: `Rebuilding "${table}" broke a foreign key: fix the rows listed by ${sql}` }
}

/** droppedColumnTriggerCheck stops the migration, before anything changes, while the trigger that reads a column it drops is there (see triggersReadingDropped). */
function droppedColumnTriggerCheck(table: string, read: TriggerReadingDropped, operations: readonly Operation[]): Statement {
  return {
    sql: `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = ${quoteLiteral(read.trigger)}`,
    operations,
    failIfRows: `trigger "${read.trigger}" of "${table}" reads column "${read.column}", which this migration drops: drop the trigger, or change it not to read ` +
      'the column, first (the rebuild would make it again as it is, and it would fail on every row it fires for)',
  }
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

function tableNamedAt(changes: ChangeSet, position: number, name: QualifiedName): TableModel | undefined {
  return changes.schemaAt(position).tables.find((t) => sameName(t, name))
}

function present(shape: TableModel | undefined, table: Pick<TableChange, 'lastName'>): TableModel {
  if (!shape) throw new Error(`sqlite: table "${table.lastName.name}" is not in the schema`)
  return shape
}
