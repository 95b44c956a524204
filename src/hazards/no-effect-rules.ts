import { nameOf } from '../model/qualified-name'
import type { ColumnModel, TableModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import type { HazardDialect } from './hazard-input'
import { columnText } from './hazard-names'
import { typeText } from '../model/type-text'
import type { RuleContext } from './rule-context'
import { parametersChanged } from './type-change-rules'

const sized = (c: ColumnModel) => c.length !== undefined || c.precision !== undefined || c.scale !== undefined

/**
 * unenforcedSizeFindings: NO_SCHEMA_EFFECT where the database stores declared lengths, precisions and scales
 * without enforcing them: on a column added or created with one (it is documentation only), and on an
 * AlterColumn that changes only that (no stored value changes; a shorter length counts the longer values).
 */
export function unenforcedSizeFindings(context: RuleContext): HazardFinding[] {
  if (context.input.dialect.capabilities.unenforcedTypeParameters !== true) return []
  return context.input.ops.flatMap((op, index): HazardFinding[] => {
    if (op.kind === 'alter_column') return alteredSize(context, op, index)
    if (op.kind !== 'create_table' && op.kind !== 'add_column') return []
    const columns = touchedColumns(op).filter(sized)
    if (columns.length === 0) return []
    const table = op.kind === 'create_table' ? nameOf(op.table) : op.table
    const list = columns.map((c) => `${columnText(table, c.name)} ${typeText(c)}`).join(', ')
    return [{
      code: 'NO_SCHEMA_EFFECT', operation: op,
      what: `The database does not enforce the declared size of ${list}`,
      advice: 'longer or bigger values are stored as they are; add a check constraint if the limit must hold',
    }]
  })
}

function alteredSize(context: RuleContext, op: Extract<Operation, { kind: 'alter_column' }>, index: number): HazardFinding[] {
  const { from, to } = op
  if (from.type !== to.type || from.isArray !== to.isArray || from.enumName !== to.enumName || !parametersChanged(from, to)) return []
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
 * whatever its value. Needs the entities' model before normalize (`HazardInput.declared`).
 */
export function droppedDeclarationFindings(context: RuleContext): HazardFinding[] {
  const { declared, dialect } = context.input
  if (declared === undefined) return []
  return context.input.ops.flatMap((op): HazardFinding[] => {
    const named = op.kind === 'create_table' ? nameOf(op.table) : op.kind === 'add_column' || op.kind === 'alter_column' ? op.table : undefined
    if (named === undefined) return []
    const table = declared.tables.find((t) => t.name === named.name && (t.schema === undefined || t.schema === named.schema))
    if (table === undefined) return []
    return touchedColumns(op).flatMap((written): HazardFinding[] => {
      const column = table.columns.find((c) => c.name === written.name)
      const lost = column === undefined ? [] : (['length', 'precision', 'scale'] as const).filter((p) => column[p] !== undefined && !keeps(dialect, table, column, p))
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
    return JSON.stringify(dialect.normalize({ tables: [only], enums: [], schemas: [], extensions: [] }).tables[0]?.columns[0])
  }
  try {
    return alone(column) !== alone({ ...column, [parameter]: (column[parameter] ?? 0) + 1 })
  } catch {
    return true // a column normalize cannot read alone is not worth a guess
  }
}
