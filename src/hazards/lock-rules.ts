import { quoteDoubled } from '../dialect/quote'
import { nameOf, sameName } from '../model/qualified-name'
import type { ForeignKeyModel, QualifiedName } from '../model/schema-model'
import { type Operation, tableOf } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import { rebuiltTableName, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * tableRebuildFindings: TABLE_REBUILD once per rebuilt table (statements marked `rebuild`), on the first
 * operation the rebuild carries, counting the rows it copies.
 */
export function tableRebuildFindings(context: RuleContext): HazardFinding[] {
  const { statements } = context.input
  // One per operation and table rebuilt: MariaDB changes a column between uuid and a number in two ALTERs of
  // one table, and SQLite rebuilds with a renamed column the tables whose foreign keys reference it.
  const seen = new Set<string>()
  return statements.flatMap((statement): HazardFinding[] => {
    const operation = statement.operations[0]
    if (statement.rebuild === undefined || operation === undefined) return []
    const index = context.indexOf(operation)
    const key = `${index}\0${statement.rebuild}`
    if (seen.has(key)) return []
    seen.add(key)
    const own = tableOf(operation)
    const named = rebuiltTableName(own, statement.rebuild)
    const origin = index >= 0 && named !== undefined ? context.origins.table(index, named) : undefined
    const table = named === undefined ? quoteDoubled(statement.rebuild) : tableText(named)
    const rebuilt = statement.rebuildTakesWrites === true
      ? { what: `Rebuilds table ${table} in place: every row and index is written again, while writes to the table go on`, advice: 'it takes time and disk space as large as the table; keep a backup' }
      : statement.rebuildRewrites === true
        ? { what: `Rewrites table ${table}: every row is written again, with a value of its own in the column, and its indexes built again`, advice: 'run it when the table is quiet (it is locked meanwhile) and keep a backup' }
        : { what: `Rebuilds table ${table}: a new table is created, every row copied into it, the old one dropped and its indexes created again`, advice: 'run it when the table is quiet (it is locked meanwhile) and keep a backup' }
    return [{
      code: 'TABLE_REBUILD', operation, subject: table, ...rebuilt,
      ...(origin && { probe: { kind: 'rows', table: nameOf(origin) } }),
    }]
  })
}

/**
 * lockFindings: where the database can do better, INDEX_WITHOUT_CONCURRENTLY for an index created on an
 * existing table without CONCURRENTLY, or a unique constraint added so (its index built under the table's lock), and CONSTRAINT_WITHOUT_NOT_VALID for a foreign key or check added to
 * an existing table without NOT VALID, as the statements' facts (`concurrently`, `notValid`) say; an index
 * created on an existing materialized view too. Tables created by the migration hold no rows and are not reported.
 */
export function lockFindings(context: RuleContext): HazardFinding[] {
  const { changes: { ops }, dialect } = context.input
  return ops.flatMap((op, index): HazardFinding[] => {
    const named = tableOf(op)
    if (named === undefined) return []
    const table = context.origins.table(index, named)
    // Only an index is ever created on a materialized view: it blocks the view's refreshes.
    const view = table === undefined ? context.origins.materializedView(named) : undefined
    const existing = table ?? view
    if (existing === undefined) return []
    const statements = context.statementsOf(index)
    const probe = { kind: 'rows', table: nameOf(existing) } as const
    if (op.kind === 'create_index' && dialect.capabilities.concurrentIndexes === true && !statements.some((s) => s.concurrently)) {
      const [blocked, noun] = view === undefined ? ['writes to the table', 'table'] : ['refreshes of the materialized view', 'materialized view']
      return [{
        code: 'INDEX_WITHOUT_CONCURRENTLY', operation: op, probe,
        what: `Creates index ${quoteDoubled(op.index.name)} on ${tableText(named)} without CONCURRENTLY, which blocks ${blocked} while it builds`,
        advice: table?.partitioning !== undefined
          ? 'the database builds no index of a partitioned table CONCURRENTLY (not with --online either): where its partitions are big, create it ON ONLY the table, build each partition\'s CONCURRENTLY and ATTACH it, in a migration of your own'
          : `on a big or busy ${noun}, generate the migration with --online, which builds it CONCURRENTLY outside a transaction`,
      }]
    }
    if (op.kind === 'add_unique' && dialect.capabilities.concurrentIndexes === true && !statements.some((s) => s.concurrently)) {
      return [{
        code: 'INDEX_WITHOUT_CONCURRENTLY', operation: op, probe,
        what: `Adds unique constraint ${quoteDoubled(op.unique.name)} to ${tableText(named)} without building its index CONCURRENTLY: it is built while reads and writes of the table wait`,
        advice: table?.partitioning !== undefined
          ? 'the database builds no index of a partitioned table CONCURRENTLY (not with --online either): run it when the table is quiet'
          : 'on a big or busy table, generate the migration with --online, which builds the index CONCURRENTLY outside a transaction and attaches it',
      }]
    }
    if ((op.kind === 'add_foreign_key' || op.kind === 'add_check') && dialect.capabilities.notValidConstraints === true && !statements.some((s) => s.notValid)) {
      const noun = op.kind === 'add_foreign_key' ? `foreign key ${quoteDoubled(op.foreignKey.name)}` : `check ${quoteDoubled(op.check.name)}`
      const unbreakable = op.kind === 'add_foreign_key' && onlyNullsIn(op.table, op.foreignKey, ops)
      return [{
        code: 'CONSTRAINT_WITHOUT_NOT_VALID', operation: op, probe,
        what: `Adds ${noun} to ${tableText(named)} without NOT VALID, which reads every row while blocking writes to the table${unbreakable ? '' : ', and fails if a row breaks it'}`,
        advice: op.kind === 'add_foreign_key' && table?.partitioning !== undefined
          ? 'the database adds no foreign key of a partitioned table NOT VALID (not with --online either): run it when the table is quiet'
          : 'on a big table, generate the migration with --online, which adds it NOT VALID and validates it apart',
      }]
    }
    return []
  })
}

/**
 * onlyNullsIn: every column of the foreign key is added by the migration with neither a default nor a value the
 * database makes, so it holds NULL in every row and no row can break the key (a relation added to a table).
 */
function onlyNullsIn(table: QualifiedName, foreignKey: ForeignKeyModel, ops: readonly Operation[]): boolean {
  return foreignKey.columns.every((name) => ops.some((op) =>
    op.kind === 'add_column' && sameName(op.table, table) && op.column.name === name &&
    op.column.default === undefined && op.column.generated === undefined && op.column.computed === undefined))
}
