import { quoteDoubled } from '../dialect/quote'
import { nameOf, sameName } from '../model/qualified-name'
import type { ForeignKeyModel, IndexModel, TableModel } from '../model/schema-model'
import { alreadyUnique } from '../model/unique-keys'
import { uniqueOnKeepsUnique } from '../model/column-lists'
import type { CopyColumn, DropColumn, Operation } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import { columnText, columnsText, tableText } from './hazard-names'
import { type RuleContext, eachOp } from './rule-context'

/** dropTableFindings: DROP_TABLE, counting the rows that go with it. */
export function dropTableFindings(context: RuleContext): HazardFinding[] {
  return eachOp(context, 'drop_table', (op, index) => {
    const origin = context.origins.table(index, op.table)
    return [{
      code: 'DROP_TABLE', operation: op,
      what: `Deletes table ${tableText(op.table)} and every row in it`,
      advice: 'export the rows first if they are still needed',
      ...(origin && { probe: { kind: 'rows', table: nameOf(origin) } }),
    }]
  })
}

/**
 * dropColumnFindings: DROP_COLUMN, counting the values that go with it; none for a generated column, whose
 * values its expression computes from columns that stay (or whose own drop says it), and which down adds back.
 */
export function dropColumnFindings(context: RuleContext): HazardFinding[] {
  return eachOp(context, 'drop_column', (op, index) => {
    if (op.column.computed !== undefined) return []
    const copy = context.input.changes.ops.slice(0, index).find((earlier): earlier is CopyColumn =>
      earlier.kind === 'copy_column' && sameName(earlier.table, op.table) && earlier.from.name === op.column.name)
    if (copy !== undefined) return copiedColumnDropFindings(context, op, index, copy)
    const origin = context.origins.column(index, op.table, op.column.name)
    return [{
      code: 'DROP_COLUMN', operation: op,
      what: `Deletes every value in ${columnText(op.table, op.column.name)}`,
      advice: 'copy the values elsewhere first if they are still needed',
      ...(origin && { probe: { kind: 'non_null', table: nameOf(origin.table), column: origin.column.name } }),
    }]
  })
}

/**
 * copiedColumnDropFindings: a column dropped once its values are copied into another (a contract migration).
 * Copied into every row, nothing goes with it (the copy's own hazards say what its conversion loses); copied
 * into the rows where the other held none, DROP_COLUMN counts the rows where both hold a value and they differ.
 */
function copiedColumnDropFindings(context: RuleContext, op: DropColumn, index: number, copy: CopyColumn): HazardFinding[] {
  if (copy.rows === 'all') return []
  const [origin, kept] = [op.column.name, copy.to.name].map((name) => context.origins.column(index, op.table, name))
  return [{
    code: 'DROP_COLUMN', operation: op,
    what: `Deletes ${columnText(op.table, op.column.name)}, whose values this migration copied into ${quoteDoubled(copy.to.name)} where it held none: ` +
      `a row where ${quoteDoubled(copy.to.name)} holds another value loses its ${quoteDoubled(op.column.name)}`,
    advice: 'copy those values by hand first if they are still needed',
    ...(origin && kept && { probe: { kind: 'overwritten', table: nameOf(origin.table), column: origin.column.name, by: kept.column.name } }),
  }]
}

/**
 * generatedOverValuesFindings: DROP_COLUMN where a column becomes generated: its values give way to the
 * expression's (the column is dropped and added again, or rewritten), and `down` keeps the computed ones.
 */
export function generatedOverValuesFindings(context: RuleContext): HazardFinding[] {
  return eachOp(context, 'alter_column', (op, index) => {
    if (op.from.computed !== undefined || op.to.computed === undefined) return []
    const origin = context.origins.column(index, op.table, op.from.name)
    return [{
      code: 'DROP_COLUMN', operation: op,
      what: `Deletes every value in ${columnText(op.table, op.to.name)}, which becomes generated: the expression computes its values from now on, and down keeps those, not these`,
      advice: 'copy the values elsewhere first if they are still needed',
      ...(origin && { probe: { kind: 'non_null', table: nameOf(origin.table), column: origin.column.name } }),
    }]
  })
}

/**
 * dropForeignKeyFindings: DROP_FOREIGN_KEY, unless the table goes too (DROP_TABLE says it), a column of the
 * key goes (DROP_COLUMN says it: the relation is removed), a foreign key on the same columns is added back (a
 * changed action, a new name), or the table keeps another one that checks the same (a duplicate made by hand,
 * under another name).
 */
export function dropForeignKeyFindings(context: RuleContext): HazardFinding[] {
  const { ops } = context.input.changes
  return eachOp(context, 'drop_foreign_key', (op, index) => {
    if (context.origins.droppedLater(index)) return []
    const table = context.origins.table(index, op.table)
    const dropped = droppedColumnsOf(context, table)
    if (op.foreignKey.columns.some((name) => dropped.has(name))) return []
    const columns = op.foreignKey.columns.join('\0')
    const addedBack = context.opsOn(table).some((i) => {
      const other = ops[i]!
      return other.kind === 'add_foreign_key' && other.foreignKey.columns.join('\0') === columns
    })
    if (addedBack || keptForeignKeys(context, index).some((kept) => checksAlike(kept, op.foreignKey))) return []
    const target = tableText({ schema: op.foreignKey.referencedSchema, name: op.foreignKey.referencedTable })
    return [{
      code: 'DROP_FOREIGN_KEY', operation: op,
      what: `Drops foreign key ${quoteDoubled(op.foreignKey.name)} of ${tableText(op.table)} ${columnsText(op.foreignKey.columns)} -> ${target}`,
      advice: 'the database stops checking that these rows point to existing ones, so the application must',
    }]
  })
}

/**
 * dropIndexFindings: DROP_INDEX, unless the table goes too, its columns go (DROP_COLUMN says it: every column
 * of a plain index, any column of a unique one, whose key then no longer exists), or the migration creates an
 * index serving the same queries (before it, where `--online` drops last), or the table keeps one, and, for a unique one, keeps its
 * columns unique. A plain index made unique (`@Index()` become `@Index({ unique: true })`) is no hazard; a
 * unique one made plain is, for its uniqueness alone.
 */
export function dropIndexFindings(context: RuleContext): HazardFinding[] {
  const { ops } = context.input.changes
  return eachOp(context, 'drop_index', (op, index) => {
    if (context.origins.droppedLater(index)) return []
    const table = context.origins.table(index, op.table)
    const dropped = droppedColumnsOf(context, table)
    const goes = (name: string) => dropped.has(name)
    if (op.index.unique ? op.index.columns.some(goes) : op.index.columns.every(goes)) return []
    const created = context.opsOn(table).flatMap((i) => {
      const made = i === index ? undefined : indexCreatedBy(ops[i]!)
      return made === undefined ? [] : [made]
    })
    const queriesServed = [...created, ...keptIndexes(context, index).filter((kept) => kept.name !== op.index.name)].some((other) => servesQueriesOf(other, op.index))
    const stillUnique = !op.index.unique || uniqueAdded(context, index, table, op.index.columns) || keptUnique(context, index, op.index.columns) ||
      created.some((other) => other.unique && coversRowsOf(other, op.index) && uniqueOnKeepsUnique(other.columns, op.index.columns))
    if (queriesServed && stillUnique) return []
    return [{
      code: 'DROP_INDEX', operation: op,
      what: `Drops index ${quoteDoubled(op.index.name)} on ${tableText(op.table)} ${columnsText(op.index.columns)}${stillUnique ? '' : ', and duplicate values become possible'}`,
      advice: queriesServed
        ? 'the index created in its place serves the same queries but does not keep these columns unique; keep it unique if the application relies on the values being unique'
        : 'queries that filter, join or sort on these columns may slow down; keep it if they are frequent',
    }]
  })
}

/**
 * dropUniqueFindings: DROP_INDEX on a unique constraint that goes, unless its table goes too, the same
 * migration keeps its columns unique (a primary key, unique constraint or unique index on them), or the table
 * keeps one on them (a unique index beside a unique constraint of the same columns, made by hand). Queries on
 * its columns are said to slow down only where no index the table has after the migration serves them.
 */
export function dropUniqueFindings(context: RuleContext): HazardFinding[] {
  return eachOp(context, 'drop_unique', (op, index) => {
    if (context.origins.droppedLater(index)) return []
    const table = context.origins.table(index, op.table)
    if (uniqueAdded(context, index, table, op.unique.columns) || keptUnique(context, index, op.unique.columns)) return []
    // DROP_COLUMN says it of a column that goes.
    const dropped = droppedColumnsOf(context, table)
    if (op.unique.columns.some((name) => dropped.has(name))) return []
    const uniqueIndex: IndexModel = { name: op.unique.name, columns: op.unique.columns, unique: true }
    const queriesServed = keptIndexes(context, index).some((kept) => kept.name !== op.unique.name && servesQueriesOf(kept, uniqueIndex))
    return [{
      code: 'DROP_INDEX', operation: op,
      what: `Drops unique constraint ${quoteDoubled(op.unique.name)} on ${tableText(op.table)} ${columnsText(op.unique.columns)}, and duplicate values become possible`,
      advice: `keep it if the application relies on the values being unique${queriesServed ? '' : '; queries that filter on these columns may slow down too'}`,
    }]
  })
}

/**
 * droppedColumnsOf names the columns of the table (as it is before the migration) that the migration drops and
 * does not add back under the same name (as it does a column made generated).
 */
function droppedColumnsOf(context: RuleContext, table: TableModel | undefined): ReadonlySet<string> {
  if (table === undefined) return new Set()
  const onTable = context.opsOn(table).map((i) => context.input.changes.ops[i]!)
  const namesOf = (kind: 'drop_column' | 'add_column') => onTable.flatMap((other) => (other.kind === kind ? [other.column.name] : []))
  const added = new Set(namesOf('add_column'))
  return new Set(namesOf('drop_column').filter((name) => !added.has(name)))
}

/**
 * uniqueAdded says whether another operation of the migration adds a primary key, unique constraint or unique
 * index (not partial) on the same columns of the same table, or on some of them (stricter: Jellyseerr's
 * blacklist unique on (tmdbId, userId) made one on (tmdbId)): duplicates stay impossible then. It comes after
 * the drop, or before it where `--online` drops last.
 */
function uniqueAdded(context: RuleContext, index: number, table: TableModel | undefined, columns: readonly string[]): boolean {
  return context.opsOn(table).some((i) => {
    const other = context.input.changes.ops[i]!
    if (i === index || !('table' in other)) return false
    const keys = other.kind === 'add_primary_key' ? other.primaryKey.columns
      : other.kind === 'add_unique' ? other.unique.columns
      : other.kind === 'create_index' && other.index.unique && other.index.where === undefined ? other.index.columns
      : undefined
    return keys !== undefined && uniqueOnKeepsUnique(keys, columns)
  })
}

/** keptUnique: the table keeps, after the migration, a primary key, unique constraint or unique index (not partial) on these columns or some of them. */
function keptUnique(context: RuleContext, index: number, columns: readonly string[]): boolean {
  const kept = context.input.changes.tableAt[index]?.to
  return kept !== undefined && alreadyUnique(kept, columns)
}

/** keptIndexes are the indexes the table has after the migration, those of its primary key and unique constraints included. */
function keptIndexes(context: RuleContext, index: number): readonly IndexModel[] {
  const kept = context.input.changes.tableAt[index]?.to
  if (kept === undefined) return []
  const primaryKey = kept.primaryKey === undefined ? [] : [{ name: kept.primaryKey.name ?? '', columns: kept.primaryKey.columns, unique: true }]
  return [...kept.indexes, ...kept.uniques.map((u) => ({ name: u.name, columns: u.columns, unique: true })), ...primaryKey]
}

/** keptForeignKeys are the foreign keys the table keeps after the migration. */
function keptForeignKeys(context: RuleContext, index: number): readonly ForeignKeyModel[] {
  return context.input.changes.tableAt[index]?.to?.foreignKeys ?? []
}

/** checksAlike: two foreign keys test the same columns against the same ones, with the same actions. */
function checksAlike(a: ForeignKeyModel, b: ForeignKeyModel): boolean {
  const key = (fk: ForeignKeyModel) => JSON.stringify([fk.columns, fk.referencedSchema ?? null, fk.referencedTable, fk.referencedColumns, fk.onDelete, fk.onUpdate])
  return key(a) === key(b)
}

/**
 * indexCreatedBy is the index an operation creates: an index, or the one behind a unique constraint or primary
 * key, which serves queries as a unique index of its columns does (MariaDB reads an entity's unique index back
 * as a unique constraint).
 */
function indexCreatedBy(op: Operation): IndexModel | undefined {
  if (op.kind === 'create_index') return op.index
  if (op.kind === 'add_unique') return { name: op.unique.name, columns: op.unique.columns, unique: true }
  if (op.kind === 'add_primary_key') return { name: op.primaryKey.name ?? '', columns: op.primaryKey.columns, unique: true }
  return undefined
}

/**
 * servesQueriesOf says whether a new index serves the queries a dropped one did, unique or not: one on the
 * same columns, or one whose leading columns are the dropped one's, with nothing else of it changed (a
 * foreign key's index on `a` giving way to one on `a, b`). Whether the columns stay unique is asked apart.
 */
function servesQueriesOf(created: IndexModel, dropped: IndexModel): boolean {
  if (!coversRowsOf(created, dropped)) return false
  const key = (columns: readonly string[]) => columns.join('\0')
  if (key(created.columns) === key(dropped.columns)) return true
  return key(created.columns.slice(0, dropped.columns.length)) === key(dropped.columns) &&
    created.method === dropped.method && sameKeys(created, dropped)
}

/** coversRowsOf: an index over every row covers a partial one's rows; partial ones only those of the same predicate. */
function coversRowsOf(created: IndexModel, dropped: IndexModel): boolean {
  return created.where === undefined || created.where === dropped.where
}

function sameKeys(created: IndexModel, dropped: IndexModel): boolean {
  return dropped.columns.every((_, i) => JSON.stringify(created.keyOptions?.[i] ?? {}) === JSON.stringify(dropped.keyOptions?.[i] ?? {}))
}
