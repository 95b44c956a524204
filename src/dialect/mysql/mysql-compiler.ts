import type { ColumnModel, ForeignKeyModel, IndexModel, UniqueModel } from '../../model/schema-model'
import { type Operation, type OperationKind, type OperationOf, tableOf } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { type Statement, type StatementPiece, statementOf } from '../statement'
import { type AlterCost, type TablesAround, algorithmClause, alterCost, copying, weakest } from './mysql-alter-algorithm'
import { type ColumnPlace, columnPlace } from './mysql-column-place'
import { alterOrder } from './mysql-alter-order'
import { incrementRedefinitions } from './mysql-increment-keys'
import { columnDefinitionSql } from './mysql-column-sql'
import { checkClause, foreignKeyClause, indexClause, primaryKeyClause, uniqueClause } from './mysql-constraint-sql'
import { dataLossGuards, guardsAhead, type TableDefaults } from './mysql-data-loss-guards'
import { quoteString } from './mysql-literals'
import { quoteIdent } from './mysql-quote'
import { mysqlRelinkedForeignKeys } from './mysql-relinked-foreign-keys'
import type { MysqlServer } from './mysql-server'
import { droppedWithColumn, switchesStorage } from './mysql-storage-switch'
import { ifExistsSql, ifNotExistsSql, type MysqlSyntax, mysqlSyntax } from './mysql-syntax'
import { createTableSql, dropTableSql } from './mysql-table-sql'
import { conversionStep } from './mysql-type-change'
import { paddedBinaryNarrowing } from './mysql-binary-narrowing'
import { engineSwitchSql } from './mysql-engine-switch'
import { keptUpdateTimes } from './mysql-kept-update-times'
import { createViewSql, dropViewSql, replaceViewSql } from './mysql-view-sql'
import { checksDroppedAlong } from './mysql-checks-dropped-along'
import { columnLabelRenameSql } from './mysql-column-label-rename'

/**
 * Clause is one part of an ALTER TABLE. `renames` takes an ALTER of its own: the clauses around it in one ALTER
 * would see the new name, before it too (an added check naming the old one fails). `drops`/`adds` name a column,
 * index or foreign key, which MySQL cannot drop and add again in one ALTER; `modifies` a column, which one ALTER
 * redefines once at most.
 */
interface Clause {
  readonly sql: string
  readonly renames?: true
  readonly drops?: string
  readonly adds?: string
  readonly modifies?: string
  /** The column an ADD places its column after, which the same ALTER cannot drop (MariaDB: `Unknown column`). */
  readonly placedAfter?: string
  /** The definition a MODIFY gives its column. */
  readonly column?: ColumnModel
  /** The columns of its own table a foreign key it adds references (a tree's key to its parent row). */
  readonly references?: readonly string[]
  /** The columns of its own table a foreign key it drops references. */
  readonly releases?: readonly string[]
  /** The columns of the index, unique key or primary key it adds, or of the index it drops. */
  readonly indexOn?: readonly string[]
  /** The index or check the clause drops, or adds: MariaDB weighs an ADD's IF NOT EXISTS before the ALTER's drops. */
  readonly dropsName?: string
  readonly addsName?: { readonly key: string, readonly sqlOnceDropped: string }
  /** The check a DROP COLUMN drops along (see checksDroppedAlong), added again once per ALTER. */
  readonly readdsCheck?: string
}

/**
 * A compiled operation is clauses of one ALTER TABLE of its table, or statements of their own; clauses may follow
 * statements of their own (`first`), which run before the ALTER that takes them.
 */
type Compiled = { readonly clauses: readonly Clause[], readonly first?: readonly StatementPiece[] } | { readonly statements: readonly StatementPiece[] }
type Compiler<K extends OperationKind> = (op: OperationOf<K>, syntax: MysqlSyntax, around: TablesAround) => Compiled

const alone = (...statements: StatementPiece[]): Compiled => ({ statements })
const clauses = (...list: Clause[]): Compiled => ({ clauses: list })
const noSchemas = (kind: string) => (): never => {
  throw new Error(`mysql: ${kind} does not exist in MySQL (the dialect has no schemas, extensions or enum types)`)
}
const noExclusions = (): never => {
  throw new Error('mysql: exclusion constraints do not exist in MySQL (TypeORM reads the entities\' on PostgreSQL alone)')
}
const columnKey = (name: string) => `column ${name}`
const foreignKeyKey = (name: string) => `foreign key ${name}`
const indexKey = (name: string) => `index ${name}`
const checkKey = (name: string) => `check ${name}`

/** Every operation kind has a compiler: a new kind without one does not type-check. */
const compilers: { readonly [K in OperationKind]: Compiler<K> } = {
  create_schema: (op) => alone(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(op.schema)}`),
  drop_schema: (op) => alone(`DROP SCHEMA IF EXISTS ${quoteIdent(op.schema)}`),
  create_extension: noSchemas('an extension'),
  drop_extension: noSchemas('an extension'),
  create_enum: noSchemas('an enum type'),
  drop_enum: noSchemas('an enum type'),
  alter_enum: noSchemas('an enum type'),
  rename_enum: noSchemas('an enum type'),
  rename_enum_label: noSchemas('an enum type'),
  create_table: (op, syntax) => alone(...createTableSql(op.table, syntax.server)),
  drop_table: (op) => alone(dropTableSql(op.table)),
  rename_table: (op, syntax) => alone(`RENAME TABLE${ifExistsSql(syntax)} ${quoteIdent(op.from.name)} TO ${quoteIdent(op.to.name)}`),
  alter_table_comment: (op) => clauses({ sql: `COMMENT = ${quoteString(op.to ?? '')}` }),
  alter_table_options: (op) => {
    const switched = engineSwitchSql(op)
    return 'clause' in switched ? clauses({ sql: switched.clause }) : alone(...switched.statements)
  },
  add_column: (op, syntax, around) => {
    const place = around.after === undefined ? undefined : columnPlace(around.after, op.column.name)
    return clauses({
      sql: `ADD COLUMN${ifNotExistsSql(syntax)} ${columnDefinitionSql(op.column, syntax.server)}${placeSql(place)}`,
      adds: columnKey(op.column.name),
      ...(place !== undefined && place !== 'first' && { placedAfter: columnKey(place.after) }),
    })
  },
  drop_column: (op, syntax, around) => clauses(
    { sql: `DROP COLUMN${ifExistsSql(syntax)} ${quoteIdent(op.column.name)}`, drops: columnKey(op.column.name) },
    ...checksDroppedAlong(around.after, around.last, syntax.server).map((check) => ({ sql: `ADD ${checkClause(check)}`, readdsCheck: checkKey(check.name) })),
  ),
  alter_column: (op, syntax, around) => {
    if (switchesStorage(op)) return clauses(...storageSwitchClauses(op, syntax, around))
    const padded = around.before === undefined ? undefined : paddedBinaryNarrowing(op, syntax.server, around.before)
    if (padded !== undefined) return alone(...dataLossGuards(op, op.table.name, around.before), ...padded)
    const step = conversionStep(op.from, op.to)
    const definitions = step === undefined ? [op.to] : [step, op.to]
    return clauses(...definitions.map((column) => modifyColumnClause(column, syntax)))
  },
  rename_column: (op, syntax) => clauses(renameColumnClause(op, syntax)),
  rename_column_label: (op, syntax, around) => {
    const { first, relabelled } = columnLabelRenameSql(op, syntax.server, around.before)
    return { first, clauses: [modifyColumnClause(relabelled, syntax)] }
  },
  copy_column: (op, _syntax, around) => alone(
    `UPDATE ${quoteIdent(op.table.name)} SET ${quoteIdent(op.to.name)} = ${quoteIdent(op.from.name)}${keptUpdateTimes(around.before, op.to.name)}` +
      (op.rows === 'empty' ? ` WHERE ${quoteIdent(op.to.name)} IS NULL` : ''),
  ),
  add_primary_key: (op) => clauses({ sql: `ADD ${primaryKeyClause(op.primaryKey)}`, indexOn: op.primaryKey.columns.map(columnKey) }),
  drop_primary_key: () => clauses({ sql: 'DROP PRIMARY KEY' }),
  create_index: (op, syntax) => clauses(addIndexClause(op.index, syntax)),
  drop_index: (op, syntax) => clauses(dropIndexClause(op.index, syntax)),
  rename_index: (op, syntax) => clauses(renameIndexClause(op.from, op.to, syntax)),
  add_unique: (op, syntax) => clauses(addUniqueClause(op.unique, syntax)),
  drop_unique: (op, syntax) => clauses(dropIndexClause(op.unique, syntax)),
  add_foreign_key: (op, syntax) => clauses(addForeignKeyClause(op.foreignKey, syntax, op.table.name)),
  drop_foreign_key: (op, syntax) => clauses(dropForeignKeyClause(op.foreignKey.name, syntax, op.foreignKey.referencedTable === op.table.name ? op.foreignKey.referencedColumns : [])),
  // MySQL has no deferrable keys (TypeORM writes none, and both models leave the entities' deferral out): nothing to change.
  alter_foreign_key: () => alone(),
  add_check: (op, syntax) => clauses(addCheckClause(op.check, syntax)),
  drop_check: (op, syntax) => clauses(dropCheckClause(op.check.name, syntax)),
  add_exclusion: noExclusions,
  drop_exclusion: noExclusions,
  rename_constraint: (op, syntax) => {
    switch (op.constraint) {
      // MySQL names every primary key PRIMARY: there is nothing to rename.
      case 'primary_key': return alone()
      case 'unique': return clauses(renameIndexClause(op.from, op.to, syntax))
      // Foreign keys and checks cannot be renamed: dropped and added again under the new name.
      case 'foreign_key':
        return clauses(dropForeignKeyClause(op.from, syntax, []), addForeignKeyClause({ ...op.foreignKey, name: op.to }, syntax, op.table.name))
      case 'check':
        return clauses(dropCheckClause(op.from, syntax), addCheckClause({ ...op.check, name: op.to }, syntax))
      case 'exclusion': return noExclusions()
    }
  },
  create_view: (op) => alone(createViewSql(op.view)),
  drop_view: (op) => alone(dropViewSql(op.view)),
  replace_view: (op) => alone(replaceViewSql(op.to)),
}

/**
 * renameColumnClause is RENAME COLUMN, but CHANGE COLUMN with the column's definition for a `json` column on
 * MariaDB: the server names a json column's own CHECK (json_valid) after the column wherever the column is
 * defined, and RENAME COLUMN keeps the old name. After a rename and a MODIFY, and their `down`, the check was
 * named after the other name.
 */
function renameColumnClause(op: OperationOf<'rename_column'>, syntax: MysqlSyntax): Clause {
  if (op.column.type === 'json' && syntax.server?.product === 'mariadb') {
    return { sql: `CHANGE COLUMN${ifExistsSql(syntax)} ${quoteIdent(op.from)} ${columnDefinitionSql({ ...op.column, name: op.to }, syntax.server)}`, renames: true }
  }
  return { sql: `RENAME COLUMN${ifExistsSql(syntax)} ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`, renames: true }
}

function modifyColumnClause(column: ColumnModel, syntax: MysqlSyntax): Clause {
  return { sql: `MODIFY COLUMN ${columnDefinitionSql(column, syntax.server)}`, modifies: columnKey(column.name), column }
}

/**
 * placeSql is where an ADD COLUMN puts its column: FIRST, AFTER another, or (undefined) at the end, where an ADD
 * puts it anyway.
 */
function placeSql(place: ColumnPlace | undefined): string {
  if (place === undefined) return ''
  return place === 'first' ? ' FIRST' : ` AFTER ${quoteIdent(place.after)}`
}

/**
 * storageSwitchClauses drop a generated column and add it again where it stood (AFTER the column before it, so
 * that down gives back the same table), VIRTUAL or STORED: neither server switches it in place. The ADD goes into
 * an ALTER of its own (see joins: one ALTER cannot drop and add a name). The indexes, unique keys and checks that
 * name it (see droppedWithColumn) are dropped with it and added again with it.
 */
function storageSwitchClauses(op: OperationOf<'alter_column'>, syntax: MysqlSyntax, around: TablesAround): Clause[] {
  const { before, after } = around
  const dependents = before !== undefined && after !== undefined ? droppedWithColumn(before, after, op.from.name) : { indexes: [], uniques: [], checks: [] }
  const place = before === undefined ? '' : placeSql(columnPlace(before, op.from.name))
  return [
    ...[...dependents.indexes, ...dependents.uniques].map((i) => dropIndexClause(i, syntax)),
    ...dependents.checks.map((c) => dropCheckClause(c.name, syntax)),
    { sql: `DROP COLUMN${ifExistsSql(syntax)} ${quoteIdent(op.from.name)}`, drops: columnKey(op.from.name) },
    { sql: `ADD COLUMN${ifNotExistsSql(syntax)} ${columnDefinitionSql(op.to, syntax.server)}${place}`, adds: columnKey(op.to.name) },
    ...dependents.indexes.map((i) => addIndexClause(i, syntax)),
    ...dependents.uniques.map((u) => addUniqueClause(u, syntax)),
    ...dependents.checks.map((c) => addCheckClause(c, syntax)),
  ]
}

function addIndexClause(index: IndexModel, syntax: MysqlSyntax): Clause {
  return { sql: `ADD ${indexClause(index, syntax.ifExists)}`, addsName: { key: indexKey(index.name), sqlOnceDropped: `ADD ${indexClause(index)}` }, indexOn: index.columns.map(columnKey) }
}

function addUniqueClause(unique: UniqueModel, syntax: MysqlSyntax): Clause {
  return { sql: `ADD ${uniqueClause(unique, syntax.ifExists)}`, addsName: { key: indexKey(unique.name), sqlOnceDropped: `ADD ${uniqueClause(unique)}` }, indexOn: unique.columns.map(columnKey) }
}

function addCheckClause(check: OperationOf<'add_check'>['check'], syntax: MysqlSyntax): Clause {
  return { sql: `ADD ${checkClause(check, syntax.ifExists)}`, addsName: { key: checkKey(check.name), sqlOnceDropped: `ADD ${checkClause(check)}` } }
}

function dropCheckClause(name: string, syntax: MysqlSyntax): Clause {
  return { sql: `${syntax.dropCheck}${ifExistsSql(syntax)} ${quoteIdent(name)}`, dropsName: checkKey(name) }
}

function dropIndexClause(index: IndexModel | UniqueModel, syntax: MysqlSyntax): Clause {
  return { sql: `DROP INDEX${ifExistsSql(syntax)} ${quoteIdent(index.name)}`, dropsName: indexKey(index.name), indexOn: index.columns.map(columnKey) }
}

function renameIndexClause(from: string, to: string, syntax: MysqlSyntax): Clause {
  return { sql: `RENAME INDEX${ifExistsSql(syntax)} ${quoteIdent(from)} TO ${quoteIdent(to)}`, renames: true }
}

function addForeignKeyClause(fk: OperationOf<'add_foreign_key'>['foreignKey'], syntax: MysqlSyntax, table: string): Clause {
  const ownTable = fk.referencedTable === table
  return { sql: `ADD ${foreignKeyClause(fk, syntax.ifExists)}`, adds: foreignKeyKey(fk.name), ...(ownTable && { references: fk.referencedColumns.map(columnKey) }) }
}

function dropForeignKeyClause(name: string, syntax: MysqlSyntax, ownColumns: readonly string[]): Clause {
  return { sql: `DROP FOREIGN KEY${ifExistsSql(syntax)} ${quoteIdent(name)}`, drops: foreignKeyKey(name), ...(ownColumns.length > 0 && { releases: ownColumns.map(columnKey) }) }
}

/** AlterGroup is one ALTER TABLE being built: its table, clauses, operations and what they cost. */
interface AlterGroup {
  readonly table: string
  /** The table before the migration, whose charset and collation its columns without their own have. */
  readonly before: TableDefaults | undefined
  readonly clauses: Clause[]
  readonly operations: Operation[]
  readonly costs: AlterCost[]
  /** The table is created by the migration: it holds no rows, so no algorithm is asserted and no copy counted. */
  readonly fresh: boolean
  /** The migration drops the table after this ALTER. */
  readonly droppedLater: boolean
  /** The position of its last operation in the change set. */
  last: number
}

/**
 * compileMysql turns a change set into MySQL/MariaDB statements for `server` (undefined: SQL both accept).
 * Consecutive operations on one table (in the order of alterOrder, which brings a table's new keys and checks to
 * its column changes) go into one ALTER TABLE carrying them all, as each ALTER may copy the table; a rename takes one of its own, and a column, index or foreign key dropped and added again under one
 * name is split in two (MariaDB checks an ADD's IF NOT EXISTS before the same ALTER's DROP), as is one added and
 * then dropped (a DROP names what the table had before the ALTER), and so is a column
 * redefined twice (a change between uuid and a type MariaDB does not convert it to, or a bit made text or bytes, goes through a varchar,
 * and text made a bigint unsigned through a decimal, see conversionStep). Each ALTER of an existing table asserts the ALGORITHM (and LOCK) it is sure to get (see
 * mysql-alter-algorithm) and, when it copies the table, says so (`rebuild`). Foreign keys that a column's
 * type change would break are dropped before it and added again after it (see mysqlRelinkedForeignKeys). An
 * ALTER that would lose values outside strict mode follows checks that fail first (see dataLossGuards), which go
 * before the first statement where they can (see guardsAhead).
 */
export function compileMysql(changes: ChangeSet, server: MysqlServer | undefined): Statement[] {
  const syntax = mysqlSyntax(server)
  const relinked = mysqlRelinkedForeignKeys(changes, syntax)
  const ahead = guardsAhead(changes)
  const out: Statement[] = [...ahead.statements]
  const guarded = new Set<Operation>(ahead.guarded)
  let group: AlterGroup | undefined
  const waitingForKey = new Map<string, Set<string>>()
  // The foreign keys added again after the last column change that needed them gone wait for the ALTER being built.
  let relinkedAfterGroup: Statement[] = []
  let relinkedKeysWaiting = new Set<string>()
  const flush = () => {
    if (group !== undefined) out.push(...guardsBefore(group, guarded), alterStatement(keepingIncrementsKeyed(group, changes, waitingForKey, syntax), syntax))
    out.push(...relinkedAfterGroup)
    relinkedAfterGroup = []
    relinkedKeysWaiting = new Set()
    group = undefined
  }
  for (const i of alterOrder(changes, relinked)) {
    const op = changes.ops[i]!
    // An operation on a key waiting to be added again after the ALTER being built (a key renamed back in a down,
    // dropped and added under its old name) runs after that.
    if (relinkedKeysWaiting.size > 0 && namesForeignKey(op, relinkedKeysWaiting)) flush()
    // The foreign keys dropped for a column change go before the ALTER being built (after the guards of what it
    // holds so far), which may then take the change too.
    const unlinked = relinked.before.get(i)
    // An ALTER being built that adds one of those keys (renamed with its table: dropped and added under its new
    // name) runs first, as the drops name the keys as it leaves them.
    if (unlinked !== undefined && group !== undefined && addsForeignKey(group, relinked.dropped.get(i) ?? [])) flush()
    if (unlinked !== undefined) out.push(...(group === undefined ? [] : guardsBefore(group, guarded)), ...unlinked)
    const around = { before: changes.tableBefore(i), after: changes.tableAfter(i), last: changes.tableAt[i]?.to }
    const compiled = (compilers[op.kind] as Compiler<typeof op.kind>)(op as never, syntax, around)
    if ('statements' in compiled) {
      flush()
      // Every statement but the UPDATE of a copy is DDL, which MySQL commits on its own.
      const facts = op.kind === 'copy_column' ? {} : { autocommits: true } as const
      const pieces = guarded.has(op) ? compiled.statements.filter((piece) => typeof piece === 'string' || piece.failIfRows === undefined) : compiled.statements
      out.push(...pieces.map((piece) => statementOf(piece, [op], facts)))
    } else {
      if (compiled.first !== undefined && compiled.first.length > 0) {
        // Ahead of the ALTER being built where it changes other columns in place, which then takes the clauses too: one copy.
        if (group !== undefined && !goesAhead(group, tableOf(op)!.name, compiled.clauses)) flush()
        out.push(...compiled.first.map((piece) => statementOf(piece, [op], { autocommits: true })))
      }
      const table = changes.tableAt[i]
      const fresh = table?.createdAt !== undefined && table.createdAt < i
      const droppedLater = table?.droppedAt !== undefined && table.droppedAt > i
      const cost = alterCost(op, around, server, table?.from)
      for (const clause of compiled.clauses) {
        if (group === undefined || !joins(group, tableOf(op)!.name, clause)) {
          flush()
          group = { table: tableOf(op)!.name, before: table?.from, clauses: [], operations: [], costs: [], fresh, droppedLater, last: i }
        }
        group.last = i
        // A check dropped along with two columns is added again once, after both.
        const readded = group.clauses.findIndex((c) => clause.readdsCheck !== undefined && c.readdsCheck === clause.readdsCheck)
        if (readded >= 0) group.clauses.splice(readded, 1)
        group.clauses.push(onceDropped(group, clause))
        if (!group.operations.includes(op)) group.operations.push(op)
        // A check added again reads every row, as ADD CHECK does: a copy.
        group.costs.push(clause.readdsCheck === undefined ? cost : copying)
      }
    }
    for (const { table, keys, statement } of relinked.readded.get(i) ?? []) {
      // Where the ALTER being built is of the keys' table, it adds them too: ADD FOREIGN KEY copies the table.
      const clauses = keys.map((fk) => addForeignKeyClause(fk, syntax, table.name))
      const building = group
      if (building !== undefined && clauses.every((clause) => joins(building, table.name, clause))) {
        building.clauses.push(...clauses)
        for (const carried of statement.operations) if (!building.operations.includes(carried)) building.operations.push(carried)
        building.costs.push(copying)
      } else {
        relinkedAfterGroup.push(statement)
        for (const fk of keys) relinkedKeysWaiting.add(fk.name)
      }
    }
    if (group === undefined) flush()
  }
  flush()
  return out
}

/** addsForeignKey says whether the ALTER being built adds one of `keys`. */
function addsForeignKey(group: AlterGroup, keys: readonly ForeignKeyModel[]): boolean {
  return keys.some((fk) => group.clauses.some((c) => c.adds === foreignKeyKey(fk.name)))
}

/** namesForeignKey says whether `op` drops, adds or renames a foreign key named in `names`. */
function namesForeignKey(op: Operation, names: ReadonlySet<string>): boolean {
  if (op.kind === 'add_foreign_key' || op.kind === 'drop_foreign_key') return names.has(op.foreignKey.name)
  return op.kind === 'rename_constraint' && op.constraint === 'foreign_key' && (names.has(op.from) || names.has(op.to))
}

/**
 * guardsBefore are the data loss guards of the operations of `group` not `guarded` yet (an operation may span two
 * ALTERs), which it adds to them. A table created by the migration has no rows to lose, and one it drops later
 * loses them all: neither is guarded.
 */
function guardsBefore(group: AlterGroup, guarded: Set<Operation>): Statement[] {
  if (group.fresh || group.droppedLater) return []
  const unguarded = group.operations.filter((op) => !guarded.has(op))
  for (const op of unguarded) guarded.add(op)
  return unguarded.flatMap((op) => dataLossGuards(op, group.table, group.before))
}

/**
 * keepingIncrementsKeyed is `group` redefining the AUTO_INCREMENT columns its ALTER leaves without a key, or gives
 * a key again, as incrementRedefinitions says (`waiting` holds, per table, the columns held back so far). Such a
 * redefinition copies the table.
 */
function keepingIncrementsKeyed(group: AlterGroup, changes: ChangeSet, waiting: Map<string, Set<string>>, syntax: MysqlSyntax): AlterGroup {
  const after = changes.tableAfter(group.last)
  if (after === undefined) return group
  const waitingHere = waiting.get(group.table) ?? new Set<string>()
  waiting.set(group.table, waitingHere)
  const { held, given } = incrementRedefinitions(after, waitingHere, (name) => group.clauses.find((c) => c.modifies === columnKey(name))?.column)
  if (held.length === 0 && given.length === 0) return group
  let clauses = group.clauses
  for (const column of [...held, ...given]) {
    const clause = modifyColumnClause(column, syntax)
    const at = clauses.findIndex((c) => c.modifies === clause.modifies)
    clauses = at < 0 ? [clause, ...clauses] : clauses.map((c, i) => (i === at ? clause : c))
  }
  return { ...group, clauses, costs: [...group.costs, copying] }
}

/** joins says whether `clause`, of an ALTER of `table`, can go into the ALTER `group` is building. */
function joins(group: AlterGroup, table: string, clause: Clause): boolean {
  if (table !== group.table) return false
  if (clause.renames || group.clauses.some((c) => c.renames)) return false
  if (clause.modifies !== undefined && group.clauses.some((c) => c.modifies === clause.modifies)) return false
  // MariaDB refuses (errno 150) a key to a column of the table that the same ALTER adds, changes or gives the index
  // (or primary key) the key needs, and an index dropped by the ALTER that drops the key to it ("needed in a
  // foreign key constraint").
  if (clause.references?.some((key) => group.clauses.some((c) => c.modifies === key || c.adds === key || (c.dropsName === undefined && c.indexOn?.includes(key))))) return false
  const column = clause.modifies ?? clause.adds
  if (column !== undefined && group.clauses.some((c) => c.references?.includes(column))) return false
  if (clause.dropsName !== undefined && clause.indexOn?.some((key) => group.clauses.some((c) => c.releases?.includes(key)))) return false
  if (clause.drops !== undefined && group.clauses.some((c) => c.placedAfter === clause.drops)) return false
  // Every DROP of an ALTER names what the table had before it: a name the same ALTER adds is not there to drop yet.
  if (clause.drops !== undefined && group.clauses.some((c) => c.adds === clause.drops)) return false
  if (clause.dropsName !== undefined && group.clauses.some((c) => c.addsName?.key === clause.dropsName)) return false
  return clause.adds === undefined || !group.clauses.some((c) => c.drops === clause.adds)
}

/**
 * goesAhead says whether statements that `clauses` follow can run before the ALTER `group` is building, which then
 * takes the clauses: it neither adds, drops nor renames anything, and redefines none of the clauses' columns.
 */
function goesAhead(group: AlterGroup, table: string, clauses: readonly Clause[]): boolean {
  return !group.clauses.some((c) => c.adds !== undefined || c.drops !== undefined || c.renames) && clauses.every((clause) => joins(group, table, clause))
}

/** onceDropped is `clause` without IF NOT EXISTS where the ALTER drops what it adds (IF NOT EXISTS would skip it). */
function onceDropped(group: AlterGroup, clause: Clause): Clause {
  const added = clause.addsName
  return added !== undefined && group.clauses.some((c) => c.dropsName === added.key) ? { ...clause, sql: added.sqlOnceDropped } : clause
}

/**
 * alterStatement writes a group as one ALTER TABLE. On a table the migration drops later it takes `IF EXISTS`
 * where the server has it: run again after a failure halfway, it finds the table gone, with what it dropped.
 */
function alterStatement(group: AlterGroup, syntax: MysqlSyntax): Statement {
  const cost = weakest(group.costs)
  const algorithm = group.fresh ? undefined : algorithmClause(cost)
  const sql = `ALTER TABLE${group.droppedLater ? ifExistsSql(syntax) : ''} ${quoteIdent(group.table)} ${[...group.clauses.map((c) => c.sql), ...(algorithm ? [algorithm] : [])].join(', ')}`
  const rebuild = !group.fresh && cost.rewrites ? { rebuild: group.table, ...(cost.algorithm === 'inplace' && { rebuildTakesWrites: true as const }) } : {}
  return statementOf(sql, group.operations, { autocommits: true, ...rebuild })
}
