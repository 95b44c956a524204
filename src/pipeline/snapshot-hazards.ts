import { type Hazard, hazardSeverity } from '../hazards/hazard'
import { columnText } from '../hazards/hazard-names'
import { qualifiedKey } from '../model/qualified-name'
import type { ColumnModel, SchemaModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { type DeclaredFactChange, changesFormat, describeDiscriminatorChange, describeFactChange, describeRemovedDiscriminators, describeTreeChange, withoutReading } from '../source/declared-fact-changes'

/**
 * snapshotHazards writes a NO_SCHEMA_EFFECT note (an `info` hazard) for each change of declared facts that no
 * operation of `up` touches: the database cannot tell, and the existing rows stay as they were written.
 * `actual` names how the database stores the column. A size the database keeps and already holds as now
 * declared (the migration that changed it was applied, or made by hand) is no such change. Neither the database
 * nor the diff sees the value an entity of a single-table inheritance writes, nor which kind of tree reads the rows,
 * so their changes are always noted.
 */
export function snapshotHazards(changes: readonly DeclaredFactChange[], up: readonly Operation[], actual: SchemaModel): Hazard[] {
  const touched = new Set(up.flatMap(touchedColumns))
  const kept = changes.filter((change) => !touched.has(qualifiedKey(change.table)))
  const declarations = kept
    .map(withoutReading)
    .filter((change) => describeFactChange(change.from, change.to).length > 0)
    .filter((change) => !touched.has(columnKey(qualifiedKey(change.table), change.to.name)))
    .filter((change) => changesFormat(change) || !heldAsDeclared(change, actual))
  // A change of the discriminator or parent column itself leaves the rows as they were.
  return [...kept.flatMap(discriminatorHazards), ...kept.flatMap(removedDiscriminatorHazards), ...kept.flatMap(treeHazards), ...declarations.map((change) => hazardOf(change, actual))]
}

/** ownMigration is where a note sends the UPDATE no migration writes: `create` makes one that `check` knows (autogen.sum). */
const ownMigration = 'a migration of your own (`typeorm-autogen create <Name>` writes an empty one)'

/** discriminatorHazards notes the entities of a single-table inheritance that write another value than before. */
function discriminatorHazards(change: DeclaredFactChange): Hazard[] {
  const what = describeDiscriminatorChange(change.from, change.to)
  if (what.length === 0) return []
  const subject = columnText(change.table, change.to.name)
  const message = `${subject} ${what.join(' and ')}: no migration changes the rows already written, which keep the old value and are no ` +
    `longer read as that entity; set them to the new value with an UPDATE in ${ownMigration} or keep the old value.`
  return [{ code: 'NO_SCHEMA_EFFECT', severity: hazardSeverity.NO_SCHEMA_EFFECT, message, subject }]
}

/** removedDiscriminatorHazards notes the entities of a single-table inheritance that are gone, whose rows stay. */
function removedDiscriminatorHazards(change: DeclaredFactChange): Hazard[] {
  const what = describeRemovedDiscriminators(change.from, change.to)
  if (what.length === 0) return []
  const subject = columnText(change.table, change.to.name)
  const message = `${subject} ${what.join(' and ')}: no migration removes the rows already written, which keep that value and are ` +
    `read as the entity a query names (the parent, with none of the removed entity's own columns); delete them, or give them ` +
    `another entity's value, with a DELETE or an UPDATE in ${ownMigration}, or keep the entity.`
  return [{ code: 'NO_SCHEMA_EFFECT', severity: hazardSeverity.NO_SCHEMA_EFFECT, message, subject }]
}

/** treeHazards notes a tree made another kind of tree: the new kind's data of the rows already written is not filled. */
function treeHazards(change: DeclaredFactChange): Hazard[] {
  const what = describeTreeChange(change.from, change.to)
  if (what.length === 0) return []
  const subject = columnText(change.table, change.to.name)
  const message = `${subject} ${what.join(' and ')}: no migration fills the new tree's data for the rows already written (its columns ` +
    'get their defaults, a closure table starts empty), so TypeORM finds their ancestors and descendants wrong; fill it from ' +
    `${subject} in ${ownMigration} or keep the old kind of tree.`
  return [{ code: 'NO_SCHEMA_EFFECT', severity: hazardSeverity.NO_SCHEMA_EFFECT, message, subject }]
}

/** heldAsDeclared: the database's column has every size (length, precision, scale) the change gives it. */
function heldAsDeclared(change: DeclaredFactChange, actual: SchemaModel): boolean {
  const column = storedColumn(change, actual)
  // A declared length is kept as written ('80'), the database's as a number.
  return column !== undefined && (['length', 'precision', 'scale'] as const)
    .every((size) => change.from[size] === change.to[size] || (column[size] !== undefined && String(column[size]) === String(change.to[size])))
}

function storedColumn(change: DeclaredFactChange, actual: SchemaModel): ColumnModel | undefined {
  return actual.tables.find((t) => t.name === change.table.name && t.schema === change.table.schema)?.columns.find((c) => c.name === change.to.name)
}

function hazardOf(change: DeclaredFactChange, actual: SchemaModel): Hazard {
  const subject = columnText(change.table, change.to.name)
  return { code: 'NO_SCHEMA_EFFECT', severity: hazardSeverity.NO_SCHEMA_EFFECT, message: `${subject} ${messageOf(change, actual)}.`, subject }
}

function messageOf(change: DeclaredFactChange, actual: SchemaModel): string {
  const what = describeFactChange(change.from, change.to).join(' and ')
  const stored = storedColumn(change, actual)?.type
  const storage = stored === undefined ? 'the database stores both the same way' : `both are stored as ${stored}`
  if (changesFormat(change)) {
    return `${what}: ${storage}, so no migration converts the existing rows, which keep the old format; convert them ` +
      `with an UPDATE in ${ownMigration} or keep the old declaration`
  }
  return `${what}: the database does not enforce it, so no migration checks or converts the existing rows; check them ` +
    `by hand (a query, or an UPDATE in ${ownMigration}) or keep the old declaration`
}

function columnKey(table: string, column: string): string {
  return `${table}\u0000${column}`
}

/** touchedColumns are the keys of the columns (or whole tables) an operation writes. */
function touchedColumns(op: Operation): string[] {
  switch (op.kind) {
    case 'create_table':
    case 'drop_table':
      return [qualifiedKey(op.table)]
    case 'rename_table':
      return [qualifiedKey(op.from), qualifiedKey(op.to)]
    case 'add_column':
    case 'drop_column':
      return [columnKey(qualifiedKey(op.table), op.column.name)]
    case 'alter_column':
    case 'copy_column':
      return [columnKey(qualifiedKey(op.table), op.from.name), columnKey(qualifiedKey(op.table), op.to.name)]
    case 'rename_column':
      return [columnKey(qualifiedKey(op.table), op.from), columnKey(qualifiedKey(op.table), op.to)]
    default:
      return []
  }
}
