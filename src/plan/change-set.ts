import { sameName } from '../model/qualified-name'
import type { QualifiedName, SchemaModel, TableModel } from '../model/schema-model'
import { type Operation, tableOf } from '../operations/operation'
import { enumDefaultsAfterTypes, undoneInReverse } from '../operations/reverse'
import { schemaReplay } from './schema-replay'
import { type TableLife, tableLives } from './table-lives'

/**
 * ChangeSet is a migration's operations in execution order, grouped per table (see TableChange), with the
 * schema between any two operations at hand. It is built once from the schema the operations start from;
 * its reverse (the `down`) and its slices (a migration cut in parts) are derived from it without a replay.
 */
export interface ChangeSet {
  readonly ops: readonly Operation[]
  /**
   * Whether these are the operations of a `down`. A down cannot be cut into migrations that commit in between
   * (see splitAtCommits) where it needs what it adds in a later statement: a down runs as one.
   */
  readonly reversed: boolean
  /** One per table the operations touch, in the order of their first operation. */
  readonly tables: readonly TableChange[]
  /** tableAt[i] is the change of the table `ops[i]` acts on; undefined for schema-, extension- and enum-level operations. */
  readonly tableAt: readonly (TableChange | undefined)[]
  /**
   * schemaAt is the schema once the first `position` operations have run: 0 is the schema the set starts
   * from, `ops.length` the one it ends in. What lies inside the migration is computed on first use.
   */
  schemaAt(position: number): SchemaModel
  /** tableBefore is the table `ops[index]` acts on, just before it; undefined when it creates the table. */
  tableBefore(index: number): TableModel | undefined
  /** tableAfter is the table `ops[index]` acts on, just after it; undefined when it drops the table. */
  tableAfter(index: number): TableModel | undefined
}

/**
 * TableChange is one table's part of a migration, across renames (Alembic's ModifyTableOps, Atlas's
 * ModifyTable): created, dropped, modified, or created and dropped again (transient), with its operations.
 */
export interface TableChange extends TableLife {
  readonly change: 'created' | 'dropped' | 'modified' | 'transient'
  /** The table before the migration; undefined when the migration creates it. */
  readonly from?: TableModel
  /** The table after the migration; undefined when the migration drops it. */
  readonly to?: TableModel
}

/** keptTables are the tables the database has before the migration that the migration does not drop, as they are then. */
export function keptTables(changes: ChangeSet): TableModel[] {
  const dropped = changes.tables.filter((change) => change.change === 'dropped').map((change) => change.firstName)
  return changes.schemaAt(0).tables.filter((t) => !dropped.some((name) => sameName(name, t)))
}

/**
 * changeSetOf groups `ops` per table (see tableLives) and follows the schema from `before`, the schema they
 * start from, through schemaReplay: the one place a migration's operations are replayed onto a model, the
 * first time a shape inside the migration is asked for.
 */
export function changeSetOf(before: SchemaModel, ops: readonly Operation[]): ChangeSet {
  return assemble(ops, false, schemaReplay(before, ops))
}

/** reverseChangeSet is the change set of the `down`: the operations reversed and undone, through the same schemas backwards. */
export function reverseChangeSet(set: ChangeSet): ChangeSet {
  const undone = undoneInReverse(set.ops)
  const ordered = enumDefaultsAfterTypes(undone)
  if (ordered === undone) return assemble(undone, !set.reversed, (position) => set.schemaAt(set.ops.length - position))
  // Moved operations change the schemas between them: replayed.
  return { ...changeSetOf(set.schemaAt(set.ops.length), ordered), reversed: !set.reversed }
}

/** sliceChangeSet is the change set of `ops[start..end)` alone: one part of a migration cut in several. */
export function sliceChangeSet(set: ChangeSet, start: number, end: number): ChangeSet {
  return assemble(set.ops.slice(start, end), set.reversed, (position) => set.schemaAt(start + position))
}

function assemble(ops: readonly Operation[], reversed: boolean, schemaAt: (position: number) => SchemaModel): ChangeSet {
  const tableIn = (position: number, name: QualifiedName | undefined) =>
    name === undefined ? undefined : schemaAt(position).tables.find((t) => sameName(t, name))
  const tableBefore = (i: number) => (ops[i]!.kind === 'create_table' ? undefined : tableIn(i, nameBefore(ops[i]!)))
  const tableAfter = (i: number) => (ops[i]!.kind === 'drop_table' ? undefined : tableIn(i + 1, tableOf(ops[i]!)))
  const { lives, lifeOf } = tableLives(ops)
  const changes = new Map(lives.map((life) => [life, tableChange(life, tableBefore, tableAfter)]))
  return {
    ops,
    reversed,
    tables: lives.map((life) => changes.get(life)!),
    tableAt: lifeOf.map((life) => (life === undefined ? undefined : changes.get(life))),
    schemaAt,
    tableBefore,
    tableAfter,
  }
}

function tableChange(life: TableLife, before: (i: number) => TableModel | undefined, after: (i: number) => TableModel | undefined): TableChange {
  const created = life.createdAt !== undefined
  const dropped = life.droppedAt !== undefined
  const first = life.opIndexes[0]!
  const last = life.opIndexes[life.opIndexes.length - 1]!
  // Found on first use, and kept: the hazard rules ask for them once per operation.
  let from: { readonly table: TableModel | undefined } | undefined
  let to: { readonly table: TableModel | undefined } | undefined
  return {
    ...life,
    change: created ? (dropped ? 'transient' : 'created') : dropped ? 'dropped' : 'modified',
    get from() {
      from ??= { table: created ? undefined : before(first) }
      return from.table
    },
    get to() {
      to ??= { table: dropped ? undefined : after(last) }
      return to.table
    },
  }
}

/** nameBefore is the name of the table an operation acts on, as it is before the operation. */
function nameBefore(op: Operation): QualifiedName | undefined {
  return op.kind === 'rename_table' ? op.from : tableOf(op)
}
