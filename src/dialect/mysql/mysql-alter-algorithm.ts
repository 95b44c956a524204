import type { ColumnModel, TableModel } from '../../model/schema-model'
import type { Operation } from '../../operations/operation'
import { innoDbTable } from './mysql-engines'
import { hashedKey } from './mysql-hashed-keys'
import { widestCharacter } from './mysql-key-length'
import { type MysqlServer, atLeast } from './mysql-server'
import { integerTypes } from './mysql-type-families'
import { baseOf } from './mysql-types'

/**
 * Algorithm is how the server carries out one part of an ALTER TABLE, as far as it is sure for every table:
 * `instant` (metadata only), `inplace` (no copy, concurrent writes allowed: `LOCK=NONE`), `default` (no claim:
 * the server picks, which may or may not copy), `copy` (the table is copied).
 */
export type Algorithm = 'copy' | 'default' | 'inplace' | 'instant'

/** AlterCost is an ALTER TABLE part's algorithm and whether it rewrites every row (a copy, or an in-place rebuild). */
export interface AlterCost {
  readonly algorithm: Algorithm
  readonly rewrites: boolean
}

const strength: readonly Algorithm[] = ['copy', 'default', 'inplace', 'instant']
const instant: AlterCost = { algorithm: 'instant', rewrites: false }
const inplace: AlterCost = { algorithm: 'inplace', rewrites: false }
const unclaimed: AlterCost = { algorithm: 'default', rewrites: false }
const copy: AlterCost = { algorithm: 'copy', rewrites: true }
/** copying is the cost of a part only a copy of the table carries out (a column's AUTO_INCREMENT taken or given). */
export const copying: AlterCost = copy
const rebuilt: AlterCost = { algorithm: 'default', rewrites: true }

/** weakest is the cost of carrying out several parts in one ALTER: the weakest algorithm, rewriting if one rewrites. */
export function weakest(costs: readonly AlterCost[]): AlterCost {
  return costs.reduce((a, b) => ({
    algorithm: strength.indexOf(a.algorithm) <= strength.indexOf(b.algorithm) ? a.algorithm : b.algorithm,
    rewrites: a.rewrites || b.rewrites,
  }), instant)
}

/** TablesAround is the table an operation acts on just before it and just after it (undefined where it creates or drops it). */
export interface TablesAround {
  readonly before: TableModel | undefined
  readonly after: TableModel | undefined
  /** The table at the end of the migration (undefined where the migration drops it). */
  readonly last?: TableModel
}

/**
 * alterCost is what one operation costs as part of an ALTER TABLE of the existing table `before`, on
 * `server`; on an unknown server, the weaker of MariaDB's and MySQL's, so that a clause it writes is one both
 * accept. MariaDB's costs were each checked on MariaDB 10.11 (test/dialect/mysql/mysql-algorithm.test.ts);
 * MySQL 8's follow its online DDL tables, claiming less where the table's row format or history could make
 * the server refuse (MySQL's INSTANT ADD COLUMN stops after 64 row versions). `found` is the table as the
 * migration found it, whose FULLTEXT index, dropped by then, still leaves InnoDB's hidden FTS_DOC_ID column.
 * `around.after` places a column added (see columnPlace).
 */
export function alterCost(op: Operation, around: TablesAround, server: MysqlServer | undefined, found?: TableModel): AlterCost {
  const { before } = around
  const fulltext = [before, found].some((table) => table?.indexes.some((i) => i.method === 'fulltext') === true)
  const cost = server === undefined ? weakest([mariadbCost(op, around, fulltext), mysqlCost(op, before)])
    : server.product === 'mariadb' && atLeast(server, 10, 5) ? mariadbCost(op, around, fulltext) : mysqlCost(op, before)
  return before === undefined || innoDbTable(before) ? cost : otherEngineCost(op, cost)
}

/**
 * otherEngineCost: the costs above are InnoDB's. Another engine (MyISAM, Aria) takes no INPLACE or NOCOPY and
 * copies the table for a column added or dropped or an index; only a change of metadata alone (a default, a
 * name, a comment: instant on InnoDB too) is made in place. No ALGORITHM is claimed: the server picks.
 */
function otherEngineCost(op: Operation, innoDb: AlterCost): AlterCost {
  const metadataOnly = innoDb.algorithm === 'instant' && op.kind !== 'add_column' && op.kind !== 'drop_column'
  return { algorithm: 'default', rewrites: !metadataOnly }
}

/** algorithmClause is the ALGORITHM (and LOCK) an ALTER TABLE of this cost asserts; none where it claims nothing. */
export function algorithmClause(cost: AlterCost): string | undefined {
  // MySQL takes no LOCK clause but DEFAULT with ALGORITHM=INSTANT.
  if (cost.algorithm === 'instant') return 'ALGORITHM=INSTANT'
  if (cost.algorithm === 'inplace') return 'ALGORITHM=INPLACE, LOCK=NONE'
  return undefined
}

/**
 * indexCost: a plain index is built in place; InnoDB rebuilds the table for its first FULLTEXT index (it adds
 * the hidden FTS_DOC_ID column), and takes no writes meanwhile; other methods claim nothing.
 */
function indexCost(method: string | undefined, before: TableModel | undefined): AlterCost {
  if (method === undefined) return inplace
  if (method === 'fulltext' && before !== undefined && !before.indexes.some((i) => i.method === 'fulltext')) return { algorithm: 'default', rewrites: true }
  return unclaimed
}

/** mariadbCost: `fulltext` says the table has, or had when the migration started, a FULLTEXT index. */
function mariadbCost(op: Operation, { before, after }: TablesAround, fulltext: boolean): AlterCost {
  // A table holding a HASH unique key (on a hidden virtual column) is copied by every ALTER, even a default's or
  // a comment's change: MariaDB refuses INSTANT and INPLACE there.
  if (before !== undefined && before.uniques.some((u) => hashedKey(before, u.columns, widestCharacter))) return copy
  switch (op.kind) {
    case 'add_column':
      if (op.column.computed?.stored === true || op.column.generated?.kind === 'increment') return copy
      // A table with an indexed VIRTUAL column is rebuilt to take or lose a column: not instantly, nor with LOCK=NONE.
      if (before !== undefined && hasIndexedVirtualColumn(before)) return rebuilt
      // A virtual column is added instantly only by an ALTER that does nothing else, and a default computed
      // per row (`(uuid())`) is not; a table with a FULLTEXT index (its hidden FTS_DOC_ID column, which stays
      // after the index is dropped) takes or loses no column instantly.
      if (op.column.computed !== undefined || op.column.default?.startsWith('(') === true) return unclaimed
      // Put ahead of a VIRTUAL column (a `down` giving a dropped column back its place), it moves that column,
      // which MariaDB does not do instantly ("INPLACE ADD or DROP of virtual columns cannot be combined...").
      if (after !== undefined && virtualColumnAfter(after, op.column.name)) return unclaimed
      return fulltext ? unclaimed : instant
    case 'drop_column':
      if (before?.primaryKey?.columns.includes(op.column.name)) return copy
      if (before !== undefined && hasIndexedVirtualColumn(before)) return rebuilt
      if (fulltext) return unclaimed
      // Dropping a column ahead of a VIRTUAL column moves it, which MariaDB does instantly only in an ALTER that
      // does nothing else ("INPLACE ADD or DROP of virtual columns cannot be combined with other ALTER TABLE actions").
      if (before !== undefined && virtualColumnAfter(before, op.column.name)) return unclaimed
      // Dropping an indexed column drops (or rebuilds) its index too, which is not instant; a virtual column is
      // dropped in place only by an ALTER that does nothing else.
      return before !== undefined && keyed(before, op.column.name) ? unclaimed : op.column.computed !== undefined ? unclaimed : instant
    case 'alter_column':
      // A table with a STORED generated column, or an indexed VIRTUAL one, is copied to change a column's nullability.
      if (op.changes.includes('nullability') && before !== undefined && (hasIndexedVirtualColumn(before) || before.columns.some((c) => c.computed?.stored === true))) return copy
      // A STORED generated column is changed only by a copy, even its comment alone (INSTANT and INPLACE refused).
      if (op.from.computed?.stored === true || op.to.computed?.stored === true) return copy
      return withFulltextRebuilt(mariadbColumnCost(op.from, op.to, op.changes, before), before)
    case 'rename_column':
    case 'rename_index':
    case 'drop_foreign_key':
    case 'drop_check':
    case 'alter_table_comment':
      return instant
    case 'create_index':
      return before !== undefined && onVirtualColumn(before, op.index.columns) ? unclaimed : indexCost(op.index.method, before)
    case 'add_unique':
      // A HASH unique key (see hashedKey) is kept on a hidden virtual column: adding it copies the table.
      if (before !== undefined && hashedKey(before, op.unique.columns, widestCharacter)) return copy
      return before !== undefined && onVirtualColumn(before, op.unique.columns) ? unclaimed : inplace
    case 'drop_index':
    case 'drop_unique': {
      const columns = op.kind === 'drop_index' ? op.index.columns : op.unique.columns
      return before !== undefined && onVirtualColumn(before, columns) ? unclaimed : inplace
    }
    case 'rename_constraint': return op.constraint === 'unique' || op.constraint === 'primary_key' ? instant : copy
    default:
      // ADD FOREIGN KEY with foreign_key_checks on, ADD CHECK (it reads every row) and primary key changes copy the table.
      return copy
  }
}

/** mariadbColumnCost: a column's change on MariaDB, a change of collation alone as recollationCost says, the rest as otherColumnChangesCost. */
function mariadbColumnCost(from: ColumnModel, to: ColumnModel, changes: readonly string[], before: TableModel | undefined): AlterCost {
  const recollated = changes.includes('collation') ? recollationCost(from, to, before) : undefined
  if (recollated !== undefined) {
    const rest = otherColumnChangesCost(from, to, changes.filter((c) => c !== 'collation'))
    if (rest.algorithm === 'instant') return recollated
  }
  return otherColumnChangesCost(from, to, changes)
}

/**
 * recollationCost: MariaDB gives a column another collation of its character set without copying the table:
 * instantly where no key holds it, rebuilding only the indexes that do where one does (checked on 10.11). The
 * primary key's column (the rows are ordered by it) and a foreign key's are copied; a FULLTEXT index is not
 * rebuilt with LOCK=NONE. Undefined where it is not such a change, or the table is not known.
 */
function recollationCost(from: ColumnModel, to: ColumnModel, before: TableModel | undefined): AlterCost | undefined {
  if (before === undefined) return undefined
  const charset = charsetOf(from, before)
  if (charset === undefined || charset !== charsetOf(to, before)) return undefined
  const name = from.name
  if (before.primaryKey?.columns.includes(name) || before.foreignKeys.some((f) => f.columns.includes(name))) return undefined
  if (!keyed(before, name)) return instant
  return before.indexes.some((i) => i.method === 'fulltext') ? unclaimed : inplace
}

/** charsetOf is a column's character set: declared, else its collation's, else its table's. */
function charsetOf(column: ColumnModel, table: TableModel): string | undefined {
  return column.charset ?? charsetOfCollation(column.collation) ?? table.charset ?? charsetOfCollation(table.collation)
}

/** charsetOfCollation is the character set a MySQL collation belongs to, the part before its first `_` (`utf8mb4_bin`). */
function charsetOfCollation(collation: string | undefined): string | undefined {
  return collation?.includes('_') === true ? collation.slice(0, collation.indexOf('_')) : undefined
}

/**
 * On MariaDB a column changes instantly when only its default, comment, ON UPDATE or integer display width change, or labels are
 * added at the end of its ENUM or SET in the bytes it had (see appendsLabels); nullability is changed by a
 * rebuild in place; a longer VARCHAR is claimed nothing for (instant or not, by row format); any other
 * change of the type copies the table.
 */
function otherColumnChangesCost(from: ColumnModel, to: ColumnModel, changes: readonly string[]): AlterCost {
  // An integer's display width (`tinyint(1)`) is metadata too.
  const widthOnly = from.type === to.type && integerTypes.has(baseOf(to.type))
  const metadata = ['default', 'comment', 'onUpdate', ...(widthOnly ? ['size'] : [])]
  const rest = changes.filter((c) => !metadata.includes(c))
  const others = rest.filter((c) => c !== 'nullability' && c !== 'enumValues')
  if (others.length === 0) {
    if (rest.includes('enumValues') && !appendsLabels(from, to)) return copy
    if (rest.includes('nullability')) return { algorithm: 'inplace', rewrites: true }
    return instant
  }
  if (others.length === 1 && others[0] === 'size' && lengthens(from, to)) return unclaimed
  return copy
}

function mysqlCost(op: Operation, before: TableModel | undefined): AlterCost {
  switch (op.kind) {
    case 'add_column':
      return op.column.computed?.stored === true || op.column.generated?.kind === 'increment' ? copy : unclaimed
    case 'drop_column':
      return before?.primaryKey?.columns.includes(op.column.name) ? copy : unclaimed
    case 'alter_column': {
      const rest = op.changes.filter((c) => !['default', 'comment', 'onUpdate', 'nullability'].includes(c))
      if (rest.length === 0) return { algorithm: 'default', rewrites: op.changes.includes('nullability') && !op.to.nullable }
      if (rest.length === 1 && rest[0] === 'enumValues' && appendsLabels(op.from, op.to)) return unclaimed
      if (rest.length === 1 && rest[0] === 'size' && lengthens(op.from, op.to)) return unclaimed
      return copy
    }
    case 'create_index': return indexCost(op.index.method, before)
    case 'rename_column':
    case 'rename_index':
    case 'drop_index':
    case 'add_unique':
    case 'drop_unique':
    case 'drop_foreign_key':
      return inplace
    case 'drop_check':
    case 'alter_table_comment':
      return unclaimed
    case 'rename_constraint': return op.constraint === 'unique' ? inplace : op.constraint === 'primary_key' ? instant : copy
    default:
      return copy
  }
}

/**
 * appendsLabels: `to` keeps every label of `from` in place and adds some after them, in the storage `from` had: an
 * ENUM's one byte (255 labels), a SET's bytes of one bit a label (1, 2, 3, 4 or 8: set('a',...,'h') given a ninth
 * label takes two, which MariaDB refuses to change instantly).
 */
function appendsLabels(from: ColumnModel, to: ColumnModel): boolean {
  const before = from.enumValues ?? []
  const after = to.enumValues ?? []
  const sameStorage = baseOf(to.type) === 'set' ? setBytes(after.length) === setBytes(before.length) : after.length <= 255
  return sameStorage && after.length >= before.length && before.every((label, i) => after[i] === label)
}

/** setBytes is the storage of a SET of `labels` labels: (labels + 7) / 8 bytes, 8 past 32 labels. */
function setBytes(labels: number): number {
  const bytes = Math.ceil(labels / 8)
  return bytes > 4 ? 8 : bytes
}

/** lengthens: only the length of a variable-length string grows. */
function lengthens(from: ColumnModel, to: ColumnModel): boolean {
  return (to.type === 'varchar' || to.type === 'varbinary') && from.type === to.type && (to.length ?? 0) > (from.length ?? 0)
}

/** withFulltextRebuilt: a rebuild in place makes the table's FULLTEXT indexes again, which takes a lock (LOCK=NONE refused). */
function withFulltextRebuilt(cost: AlterCost, before: TableModel | undefined): AlterCost {
  return cost.algorithm === 'inplace' && cost.rewrites && before?.indexes.some((i) => i.method === 'fulltext') === true ? rebuilt : cost
}

/** hasIndexedVirtualColumn: a VIRTUAL generated column of the table is in an index, a unique or a key. */
function hasIndexedVirtualColumn(table: TableModel): boolean {
  return table.columns.some((c) => c.computed !== undefined && !c.computed.stored && keyed(table, c.name))
}

/**
 * onVirtualColumn: a key on these columns holds a VIRTUAL generated column of the table. Beside a column added or
 * dropped in the same ALTER, MariaDB rebuilds the table with it indexed, which it refuses with LOCK=NONE ("online
 * rebuild with indexed virtual columns"): no ALGORITHM is claimed for it.
 */
function onVirtualColumn(table: TableModel, columns: readonly string[]): boolean {
  return table.columns.some((c) => c.computed !== undefined && !c.computed.stored && columns.includes(c.name))
}

/** virtualColumnAfter: a VIRTUAL generated column comes after `column` in the table. */
function virtualColumnAfter(table: TableModel, column: string): boolean {
  const at = table.columns.findIndex((c) => c.name === column)
  return at >= 0 && table.columns.slice(at + 1).some((c) => c.computed !== undefined && !c.computed.stored)
}

/** keyed says whether a column is part of the table's primary key, an index, a unique key or a foreign key. */
function keyed(table: TableModel, column: string): boolean {
  return [table.primaryKey?.columns ?? [], ...table.indexes.map((i) => i.columns), ...table.uniques.map((u) => u.columns),
    ...table.foreignKeys.map((f) => f.columns)].some((columns) => columns.includes(column))
}
