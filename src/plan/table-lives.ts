import type { QualifiedName } from '../model/schema-model'
import { qualifiedKey } from '../model/qualified-name'
import { type Operation, tableOf } from '../operations/operation'

/**
 * TableLife follows one table through a migration, across renames: the operations on it, whether the
 * migration creates or drops it, and its name before and after. A table dropped and one created under the
 * same name are two lives.
 */
export interface TableLife {
  /** Indexes into the migration's operations of every operation on this table, renames included, in order. */
  readonly opIndexes: readonly number[]
  readonly createdAt?: number
  readonly droppedAt?: number
  /** The name before its first operation (the name it is created under, for a created table). */
  readonly firstName: QualifiedName
  /** The name after its last operation (the name it is dropped under, for a dropped table). */
  readonly lastName: QualifiedName
}

/** TableLives maps each operation to the life of its table (undefined for schema-, extension- and enum-level ones). */
export interface TableLives {
  readonly lives: readonly TableLife[]
  readonly lifeOf: readonly (TableLife | undefined)[]
}

interface MutableLife {
  opIndexes: number[]
  createdAt?: number
  droppedAt?: number
  firstName: QualifiedName
  lastName: QualifiedName
}

/**
 * tableLives groups operations by the table they act on, following RenameTable from one name to the next
 * (Alembic's ModifyTableOps, Atlas's ModifyTable): the one place a migration's operations are grouped per table.
 */
export function tableLives(ops: readonly Operation[]): TableLives {
  const current = new Map<string, MutableLife>()
  const lives: MutableLife[] = []
  const lifeOf: (MutableLife | undefined)[] = []
  const lifeNamed = (name: QualifiedName): MutableLife => {
    const found = current.get(qualifiedKey(name))
    if (found) return found
    const life: MutableLife = { opIndexes: [], firstName: name, lastName: name }
    lives.push(life)
    current.set(qualifiedKey(name), life)
    return life
  }
  ops.forEach((op, i) => {
    if (op.kind === 'create_table') {
      const life: MutableLife = { opIndexes: [i], createdAt: i, firstName: op.table, lastName: op.table }
      lives.push(life)
      current.set(qualifiedKey(op.table), life)
      lifeOf.push(life)
      return
    }
    const name = op.kind === 'rename_table' ? op.from : tableOf(op)
    if (name === undefined) {
      lifeOf.push(undefined)
      return
    }
    const life = lifeNamed(name)
    life.opIndexes.push(i)
    lifeOf.push(life)
    if (op.kind === 'rename_table') {
      current.delete(qualifiedKey(op.from))
      current.set(qualifiedKey(op.to), life)
      life.lastName = op.to
    } else if (op.kind === 'drop_table') {
      current.delete(qualifiedKey(op.table))
      life.droppedAt = i
    }
  })
  return { lives, lifeOf }
}

/** nameAt is the name `life`'s table has once the first `position` operations have run. */
export function nameAt(life: TableLife, ops: readonly Operation[], position: number): QualifiedName {
  return life.opIndexes.reduce((name, j) => {
    const op = ops[j]!
    return j < position && op.kind === 'rename_table' ? op.to : name
  }, life.firstName)
}
