import type { QualifiedName, SchemaModel, TableModel } from '../../model/schema-model'
import { sameName } from '../../model/qualified-name'
import { applyOperations } from '../../operations/apply'
import { type Operation, tableOf } from '../../operations/operation'
import { type Statement, type StatementPiece, statementOf } from '../statement'
import { createIndexSql, createTableSql } from './sqlite-column-sql'
import { REBUILD, type DirectSql, compileDirect } from './sqlite-direct'
import { foreignKeyCheckSql, rebuildSql } from './sqlite-rebuild'
import { type TableLife, planTables } from './sqlite-table-lives'

/** Role is how a table's operations are carried out; see compileSqlite. */
type Role = 'transient' | 'created' | 'dropped' | 'rebuilt' | 'in-place'

/**
 * compileSqlite turns operations into SQLite statements. Each table's operations are handled by its role:
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
export function compileSqlite(ops: readonly Operation[], before: SchemaModel): Statement[] {
  const states: SchemaModel[] = [before]
  ops.forEach((op, i) => states.push(applyOperations(states[i], [op])))
  const { lives, lifeOf } = planTables(ops)
  const roles = new Map(lives.map((life) => [life, roleOf(life, ops, states)]))
  const statements: Statement[] = []
  const checks: Statement[] = []
  ops.forEach((op, i) => {
    const life = lifeOf[i]
    const role = life && roles.get(life)
    if (role === 'transient') return
    if (!life || op.kind === 'rename_table' || role === 'in-place') {
      statements.push(...sqlOf(compileDirect(op, states[i])).map((piece) => statementOf(piece, [op])))
      return
    }
    const carried = contentOps(life, ops).map((j) => ops[j])
    const group = (pieces: readonly StatementPiece[]) => statements.push(...pieces.map((piece) => statementOf(piece, carried)))
    if (role === 'created' && i === life.createdAt) {
      const shape = tableIn(states[ops.length], life.lastName)
      group([createTableSql(shape, life.firstName.name), ...shape.indexes.map((index) => createIndexSql(life.firstName.name, index))])
    } else if (role === 'dropped' && i === life.droppedAt) {
      group(sqlOf(compileDirect({ kind: 'drop_table', table: tableIn(states[i], life.lastName) }, states[i])))
    } else if (role === 'rebuilt' && i === rebuildPosition(life, ops)) {
      const target = tableIn(states[i + 1], tableOf(op) ?? life.lastName)
      const first = life.opIndexes[0]
      const source = tableIn(states[first], life.firstName)
      const rebuilt = rebuildSql({ source: { name: target.name, columns: source.columns }, target, ops: carried, finalName: life.lastName.name })
      statements.push(...rebuilt.map((piece) => statementOf(piece, carried, { rebuild: target.name })))
      if (target.foreignKeys.length > 0) checks.push(foreignKeyCheck(life.lastName.name, carried))
    }
  })
  return [...statements, ...checks]
}

/** rebuiltTables names the tables `ops` rebuild, under their names in `before`. */
export function rebuiltTables(ops: readonly Operation[], before: SchemaModel): QualifiedName[] {
  const states: SchemaModel[] = [before]
  ops.forEach((op, i) => states.push(applyOperations(states[i], [op])))
  return planTables(ops).lives.filter((life) => roleOf(life, ops, states) === 'rebuilt').map((life) => life.firstName)
}

function roleOf(life: TableLife, ops: readonly Operation[], states: readonly SchemaModel[]): Role {
  if (life.createdAt !== undefined) return life.droppedAt !== undefined ? 'transient' : 'created'
  if (life.droppedAt !== undefined) return 'dropped'
  return contentOps(life, ops).some((i) => compileDirect(ops[i], states[i]) === REBUILD) ? 'rebuilt' : 'in-place'
}

function foreignKeyCheck(table: string, operations: readonly Operation[]): Statement {
  const sql = foreignKeyCheckSql(table)
  return { sql, operations, failIfRows: `Rebuilding "${table}" broke a foreign key: fix the rows listed by ${sql}` }
}

/** contentOps are a table's operations other than renames of the table itself. */
function contentOps(life: TableLife, ops: readonly Operation[]): number[] {
  return life.opIndexes.filter((i) => ops[i].kind !== 'rename_table')
}

function rebuildPosition(life: TableLife, ops: readonly Operation[]): number {
  return Math.max(...contentOps(life, ops))
}

function sqlOf(result: DirectSql): readonly StatementPiece[] {
  if (result === REBUILD) throw new Error('sqlite: a change that needs a table rebuild reached the in-place compiler')
  return result
}

function tableIn(state: SchemaModel, name: QualifiedName): TableModel {
  const table = state.tables.find((t) => sameName(t, name))
  if (!table) throw new Error(`sqlite: table "${name.name}" is not in the schema`)
  return table
}
