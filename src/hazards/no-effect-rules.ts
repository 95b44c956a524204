import { nameOf } from '../model/qualified-name'
import type { DialectCapabilities } from '../dialect/dialect'
import type { ColumnModel, QualifiedName, SchemaModel, TableModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import type { HazardDialect } from './hazard-input'
import { quoteDoubled, quoteLiteral } from '../dialect/quote'
import { columnText, tableText } from './hazard-names'
import { typeText } from '../model/type-text'
import type { RuleContext } from './rule-context'

const sized = (c: ColumnModel) => c.length !== undefined || c.precision !== undefined || c.scale !== undefined

/**
 * unenforcedSizeFindings: NO_SCHEMA_EFFECT where the database stores declared lengths, precisions and scales
 * without enforcing them, on an AlterColumn that changes only that (no stored value changes; a shorter length
 * counts the longer values). That sizes on new columns are documentation only is said once per project, by
 * `diff` (see unenforcedSizesNote), not in every migration.
 */
export function unenforcedSizeFindings(context: RuleContext): HazardFinding[] {
  if (context.input.dialect.capabilities.unenforcedTypeParameters !== true) return []
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => (op.kind === 'alter_column' ? alteredSize(context, op, index) : []))
}

/**
 * unenforcedSizesNote is the one note, for a whole project, that the database does not enforce the sizes its
 * entities declare: how many columns declare one, with the first as an example. Undefined where sizes are
 * enforced or none is declared.
 */
export function unenforcedSizesNote(capabilities: DialectCapabilities, model: SchemaModel): string | undefined {
  if (capabilities.unenforcedTypeParameters !== true) return undefined
  const columns = model.tables.flatMap((t) => t.columns.filter(sized).map((c) => `${columnText(nameOf(t), c.name)} ${typeText(c)}`))
  if (columns.length === 0) return undefined
  const count = columns.length === 1 ? '1 column of the entities declares one' : `${columns.length} columns of the entities declare one`
  return `NO_SCHEMA_EFFECT (info): The database does not enforce declared lengths, precisions and scales (${count}, such as ${columns[0]}); ` +
    'longer or bigger values are stored as they are; add a check constraint where a limit must hold.'
}

function alteredSize(context: RuleContext, op: Extract<Operation, { kind: 'alter_column' }>, index: number): HazardFinding[] {
  const { from, to } = op
  if (!op.changes.includes('size') || op.changes.includes('type')) return []
  const shorter = to.length !== undefined && (from.length === undefined || to.length < from.length)
  const origin = context.origins.column(index, op.table, from.name)
  return [{
    code: 'NO_SCHEMA_EFFECT', operation: op,
    what: `The database does not enforce the declared size of ${columnText(op.table, to.name)}: changing it from ${typeText(from)} to ${typeText(to)} changes no stored value`,
    advice: shorter
      ? 'longer values stay as they are; add a check constraint if the limit must hold'
      : 'the size is documentation only',
    ...(shorter && origin && {
      probe: { kind: 'longer_than', table: nameOf(origin.table), column: origin.column.name, length: to.length! },
    }),
  }]
}

/**
 * droppedDeclarationFindings: NO_SCHEMA_EFFECT for a column an operation writes whose entity declares a
 * length, precision or scale the database cannot keep: the dialect's normalize gives the same column
 * whatever its value. A length the driver supplied itself (`DeclaredColumn.impliedLength`) is not declared. Needs the entities' model before normalize (`HazardInput.declared`).
 */
export function droppedDeclarationFindings(context: RuleContext): HazardFinding[] {
  const { declared, dialect } = context.input
  if (declared === undefined) return []
  return context.input.changes.ops.flatMap((op): HazardFinding[] => {
    const named = op.kind === 'create_table' ? nameOf(op.table) : op.kind === 'add_column' || op.kind === 'alter_column' ? op.table : undefined
    if (named === undefined) return []
    const table = declaredTable(declared, named)
    if (table === undefined) return []
    return touchedColumns(op).flatMap((written): HazardFinding[] => {
      const column = table.columns.find((c) => c.name === written.name)
      const lost = column === undefined ? [] : (['length', 'precision', 'scale'] as const)
        .filter((p) => column[p] !== undefined && !(p === 'length' && column.declared?.impliedLength === true) && !keeps(dialect, table, column, p))
      if (column === undefined || lost.length === 0) return []
      const declaredText = lost.map((p) => `${p} ${column[p]}`).join(' and ')
      return [{
        code: 'NO_SCHEMA_EFFECT', operation: op,
        what: `${columnText(named, written.name)} declares ${declaredText}, which the database does not keep (it stores ${typeText(written)})`,
        advice: 'remove it from the entity, or choose a type that keeps it',
      }]
    })
  })
}

/**
 * droppedIndexPredicateFindings: NO_SCHEMA_EFFECT for an index an operation creates whose entity declares a
 * `where` the database cannot keep (no partial indexes): the index covers every row. Needs the entities' model
 * before normalize (`HazardInput.declared`).
 */
export function droppedIndexPredicateFindings(context: RuleContext): HazardFinding[] {
  const { declared, dialect } = context.input
  if (declared === undefined || dialect.capabilities.partialIndexes !== false) return []
  return context.input.changes.ops.flatMap((op): HazardFinding[] => {
    // A unique index with its predicate dropped may be a unique constraint there.
    const created = op.kind === 'create_table' ? { table: nameOf(op.table), indexes: [...op.table.indexes, ...op.table.uniques] }
      : op.kind === 'create_index' ? { table: op.table, indexes: [op.index] }
      : op.kind === 'add_unique' ? { table: op.table, indexes: [op.unique] } : undefined
    if (created === undefined) return []
    const table = declaredTable(declared, created.table)
    return created.indexes.flatMap((index): HazardFinding[] => {
      const where = table?.indexes.find((i) => i.name === index.name)?.where
      if (where === undefined) return []
      return [{
        code: 'NO_SCHEMA_EFFECT', operation: op,
        what: `index ${quoteDoubled(index.name)} on ${tableText(created.table)} declares WHERE ${where}, which the database does not support: the index covers every row`,
        advice: 'remove the where from the entity, or accept an index over every row',
      }]
    })
  })
}

/**
 * storedCommentFindings: NO_SCHEMA_EFFECT for a table or column comment an operation writes that the dialect
 * keeps otherwise than the entity declares it (MySQL's `?` for an emoji): the database holds the comment as
 * written in the migration, not as the entity has it. Needs the entities' model before normalize (`HazardInput.declared`).
 */
export function storedCommentFindings(context: RuleContext): HazardFinding[] {
  const { declared } = context.input
  if (declared === undefined) return []
  return context.input.changes.ops.flatMap((op): HazardFinding[] => {
    const table = (name: QualifiedName) => declaredTable(declared, name)
    const finding = (subject: string, declaredComment: string | undefined, stored: string | undefined): HazardFinding[] =>
      declaredComment === undefined || stored === undefined || declaredComment === stored ? [] : [{
        code: 'NO_SCHEMA_EFFECT', operation: op,
        what: `the comment of ${subject} is declared ${quoteLiteral(declaredComment)}, which the database stores as ${quoteLiteral(stored)}: it cannot keep some of its characters`,
        advice: 'remove those characters from the entity\'s comment, or accept the comment as stored',
      }]
    const columnFinding = (named: QualifiedName, written: ColumnModel) =>
      finding(columnText(named, written.name), table(named)?.columns.find((c) => c.name === written.name)?.comment, written.comment)
    switch (op.kind) {
      case 'create_table': {
        const named = nameOf(op.table)
        return [...finding(tableText(named), table(named)?.comment, op.table.comment), ...op.table.columns.flatMap((c) => columnFinding(named, c))]
      }
      case 'alter_table_comment': return finding(tableText(op.table), table(op.table)?.comment, op.to)
      case 'add_column': return columnFinding(op.table, op.column)
      case 'alter_column': return op.changes.includes('comment') ? columnFinding(op.table, op.to) : []
      default: return []
    }
  })
}

/** declaredTable is the entities' table of that name; one the entity left without a schema is in the default one. */
function declaredTable(declared: SchemaModel, name: QualifiedName): TableModel | undefined {
  return declared.tables.find((t) => t.name === name.name && (t.schema === undefined || t.schema === name.schema))
}

function touchedColumns(op: Operation): readonly ColumnModel[] {
  switch (op.kind) {
    case 'create_table': return op.table.columns
    case 'add_column': return [op.column]
    case 'alter_column': return [op.to]
    default: return []
  }
}

/** keeps says whether the dialect's canonical form of the column changes with the value of `parameter`. */
function keeps(dialect: HazardDialect, table: TableModel, column: ColumnModel, parameter: 'length' | 'precision' | 'scale'): boolean {
  const alone = (c: ColumnModel) => {
    const only: TableModel = { ...nameOf(table), columns: [c], indexes: [], uniques: [], foreignKeys: [], checks: [] }
    return JSON.stringify(dialect.normalize({ tables: [only], enums: [], schemas: [], extensions: [], views: [] }).tables[0]?.columns[0])
  }
  try {
    return alone(column) !== alone({ ...column, [parameter]: (column[parameter] ?? 0) + 1 })
  } catch {
    return true // a column normalize cannot read alone is not worth a guess
  }
}
