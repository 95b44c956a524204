import { namedIn } from '../../model/qualified-name'
import type { CheckModel, ColumnModel, ForeignKeyModel, IndexModel, SchemaModel, TableModel, ViewModel } from '../../model/schema-model'
import { writtenCheck, writtenComputed, writtenDefault, writtenDefinition } from '../../model/written-sql'
import { renameIdentifier } from '../../operations/rename-identifier'
import { counterpartIn, renamedColumns } from '../counterpart'
import type { DatabaseConnection, FormerColumn, FormerTable } from '../dialect'
import { unmakeableTables } from './mysql-unmakeable-tables'
import { keysTooLong } from './mysql-key-length'
import { refuseAll } from '../../source/refusals'
import type { MysqlConnection } from './mysql-connection'
import { byName } from './mysql-canonical-table'
import { isLongestKeyPrefix } from './mysql-longest-key-prefix'
import { isMadeForForeignKey, servedBy, withForeignKeyIndexes } from './mysql-normalize'
import { quoteIdent } from './mysql-quote'
import { type ComparedTable, withServerRestrictSpelling } from './mysql-restrict-spelling'
import { withoutCharsetConversions } from './mysql-expressions'
import type { MysqlServer } from './mysql-server'
import { baseOf } from './mysql-types'
import { mysqlStringTypes } from './mysql-type-families'

/**
 * reconcileMysql settles what the rules cannot, read-only (and refuses a table MySQL cannot make, see
 * unmakeableTables and keysTooLong, all at once): a table whose entity names no engine, or the database's in another case, takes the
 * database's (the engine is only compared where the entity names one), so does it the table's default charset and
 * collation (tableCharsetOf: an entity declares them only in its engine option, which TypeORM writes when it creates
 * the table and never compares), so does a `tinyint` its `(1)`
 * (withBooleanWidth), so does a whole TEXT or BLOB index key the prefix the server gave it (withServerPrefixes),
 * so do the foreign keys the indexes the server made for them (withServerForeignKeyIndexes) and its spelling of an
 * action InnoDB checks at once (withServerRestrictSpelling), charsets and collations the entities
 * declare are dropped where the table would give them anyway (reconcileCharsets), and view definitions and
 * check, generated-column and default expressions are compared as the server's optimizer prints them
 * (reconcileViews, reconcileChecks, reconcileComputed, reconcileDefaults). A table renamed by a stated rename is
 * compared with the database's table it comes from, and a renamed column with the column it comes from.
 */
export async function reconcileMysql(desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection, formerTable?: FormerTable, formerColumn?: FormerColumn): Promise<SchemaModel> {
  const server = (connection as MysqlConnection).server
  const collations = await serverCollations(desired, connection)
  refuseAll([...unmakeableTables(desired, server), ...await keysTooLong(desired, connection, server), ...await unknownCharsets(desired, collations, connection)])
  const counterpart = counterpartOf(actual, formerTable, formerColumn)
  const desiredTable = namedIn(desired.tables)
  const referencedCounterpart = (fk: ForeignKeyModel) => {
    const referenced = fk.referencedSchema === undefined ? desiredTable({ name: fk.referencedTable }) : undefined
    return referenced === undefined ? undefined : counterpart(referenced)
  }
  const tables = desired.tables.map((declared) => {
    const found = counterpart(declared)
    const t = found === undefined ? declared : withKeptPrimaryKeyOrder(withServerPairOrder(declared, found, referencedCounterpart), found.table)
    const other = found?.table
    // Engine names are read in any case: the entity's `innodb` is the database's `InnoDB`.
    const engine = t.engine === undefined || t.engine.toLowerCase() === other?.engine?.toLowerCase() ? other?.engine ?? t.engine : t.engine
    const columns = found === undefined ? t.columns : t.columns.map((c) => withBooleanWidth(c, found))
    const indexes = found === undefined ? t.indexes : withServerForeignKeyIndexes({ ...t, indexes: t.indexes.map((i) => withServerPrefixes(i, t, found)) }, found.table)
    const foreignKeys = found === undefined ? t.foreignKeys : t.foreignKeys.map((fk) => withServerRestrictSpelling(fk, found, referencedCounterpart(fk)))
    return { ...t, columns, indexes, foreignKeys, ...(engine !== undefined && { engine }), ...tableCharsetOf(other) }
  })
  const charsets = await reconcileCharsets({ ...desired, tables: withReferencedCollations(tables) }, collations, connection, madeAsDeclared(desired, actual, counterpart))
  const checks = await reconcileChecks(charsets, counterpart, connection)
  const settled = await reconcileDefaults(await reconcileComputed(checks, counterpart, connection), counterpart, connection)
  return reconcileViews(settled, actual, connection)
}

/**
 * madeAsDeclared says which columns a migration makes (the database has no counterpart of: a new table's, or one
 * added to a table) with a charset or collation their entity declares, not one withReferencedCollations gives them
 * from the column they reference (which is the database's default where the referenced table has it). Not where a
 * table (for a new table's columns) or a column of the same table (for an added one) is dropped beside it: the
 * prompt, which comes after, may make the two a rename, and a rename keeps the charset the column has.
 */
function madeAsDeclared(desired: SchemaModel, actual: SchemaModel, counterpart: (table: TableModel) => Counterpart | undefined): (table: TableModel, column: ColumnModel) => boolean {
  const declaring = new Map(desired.tables.map((t) => [t.name, new Set(t.columns.filter((c) => c.charset !== undefined || c.collation !== undefined).map((c) => c.name))]))
  const kept = new Set(desired.tables.map((t) => counterpart(t)?.table.name))
  const tableDropped = actual.tables.some((t) => !kept.has(t.name))
  return (table, column) => {
    if (declaring.get(table.name)?.has(column.name) !== true) return false
    const found = counterpart(table)
    if (found === undefined) return !tableDropped
    const keptColumns = new Set(table.columns.map((c) => columnIn(found, c.name)?.name))
    const columnDropped = found.table.columns.some((c) => !keptColumns.has(c.name))
    return !columnDropped && columnIn(found, column.name) === undefined
  }
}

/** tableCharsetOf is the default charset and collation of the database's table, which an entity's engine option sets only when the table is created. */
function tableCharsetOf(table: TableModel | undefined): Pick<TableModel, 'charset' | 'collation'> {
  return {
    ...(table?.charset !== undefined && { charset: table.charset }),
    ...(table?.collation !== undefined && { collation: table.collation }),
  }
}

/**
 * Counterpart is an entity table's table in the database (the one of its name, or the one a stated rename names),
 * with the entity's columns a stated rename brings from its columns (new name to old).
 */
type Counterpart = ComparedTable

function counterpartOf(actual: SchemaModel, formerTable?: FormerTable, formerColumn?: FormerColumn): (table: TableModel) => Counterpart | undefined {
  const tableOf = counterpartIn(actual, formerTable)
  return (table) => {
    const other = tableOf(table)
    return other === undefined ? undefined : { table: other, renamed: renamedColumns(table, other, formerColumn) }
  }
}

/** columnIn is the database's column an entity column is compared with: the one of its name, or the one it is renamed from. */
function columnIn({ table, renamed }: Counterpart, name: string): ColumnModel | undefined {
  const former = renamed.get(name) ?? name
  return table.columns.find((c) => c.name === former)
}

/** withNewNames is one of the database's expressions naming its renamed columns as the rename will. */
function withNewNames({ renamed }: Counterpart, sql: string): string {
  return [...renamed].reduce((text, [to, from]) => renameIdentifier(text, from, to, true), sql)
}

/**
 * entitySide is the table an entity's expression is read from: the database's, its renamed columns under their
 * new names (the server merges such a derived table into the query, so that its print names the table's columns).
 */
function entitySide({ table, renamed }: Counterpart): string {
  if (renamed.size === 0) return quoteIdent(table.name)
  const newName = new Map([...renamed].map(([to, from]) => [from, to]))
  const columns = table.columns.map((c) => {
    const to = newName.get(c.name)
    return to === undefined ? quoteIdent(c.name) : `${quoteIdent(c.name)} AS ${quoteIdent(to)}`
  })
  return `(SELECT ${columns.join(', ')} FROM ${quoteIdent(table.name)}) AS ${quoteIdent(table.name)}`
}

/**
 * withBooleanWidth: TypeORM writes a boolean as `tinyint` (which MariaDB prints `tinyint(4)`), older
 * TypeORM versions and other tools as `tinyint(1)`; a display width changes no stored value, so an entity
 * `tinyint` with no width takes the database's `tinyint(1)`, an unsigned one its `tinyint(1) unsigned`.
 */
function withBooleanWidth(column: ColumnModel, counterpart: Counterpart): ColumnModel {
  if (baseOf(column.type) !== 'tinyint' || column.length !== undefined) return column
  const other = columnIn(counterpart, column.name)
  return other?.type === column.type && other.length === 1 ? { ...column, length: 1 } : column
}

/**
 * withReferencedCollations gives a foreign key's string column that declares no charset or collation those the
 * column it references has (its own, else its table's): InnoDB refuses (errno 150) a key between strings of
 * different collations, and a table the migration makes takes the database's default, where the referenced table
 * has another (ids made `utf8mb4_bin` by a `CONVERT TO` of the table). Where both are the table's, reconcileCharsets
 * drops them again.
 */
function withReferencedCollations(tables: readonly TableModel[]): TableModel[] {
  const tableNamed = namedIn(tables)
  return tables.map((table) => {
    const given = new Map<string, Pick<ColumnModel, 'charset' | 'collation'>>()
    for (const fk of table.foreignKeys) {
      const referenced = fk.referencedSchema === undefined ? tableNamed({ name: fk.referencedTable }) : undefined
      fk.columns.forEach((name, i) => {
        const target = referenced?.columns.find((c) => c.name === fk.referencedColumns[i])
        const collation = target?.collation ?? (target?.charset === undefined ? referenced?.collation : undefined)
        if (target !== undefined && collation !== undefined && collation !== table.collation) given.set(name, { charset: target.charset ?? referenced!.charset, collation })
      })
    }
    if (given.size === 0) return table
    const columns = table.columns.map((c) => {
      const own = given.get(c.name)
      if (own === undefined || !mysqlStringTypes.has(baseOf(c.type)) || c.charset !== undefined || c.collation !== undefined) return c
      return { ...c, ...(own.charset !== undefined && { charset: own.charset }), collation: own.collation }
    })
    return { ...table, columns }
  })
}

/**
 * withServerPairOrder: a foreign key of several columns pairs each with the column it references, and the order
 * of the pairs checks nothing more. TypeORM has written them in the join columns' order or in the referenced
 * key's, by version, and hand-written DDL in any. A foreign key of the entity that has the pairs of one in the
 * database (same target) in another order takes the database's order, and the index the entity side expects
 * for it (withForeignKeyIndexes) follows: nothing to drop and add again (a copy of the table on MariaDB), no
 * index to add. Columns and tables renamed by a stated rename are matched under the names they come from.
 */
function withServerPairOrder(table: TableModel, counterpart: Counterpart, referencedCounterpart: (fk: ForeignKeyModel) => Counterpart | undefined): TableModel {
  const reordered = new Map<string, ForeignKeyModel>()
  const foreignKeys = table.foreignKeys.map((fk) => {
    const referenced = referencedCounterpart(fk)
    const pairOf = (k: number) => `${counterpart.renamed.get(fk.columns[k]) ?? fk.columns[k]}\0${referenced?.renamed.get(fk.referencedColumns[k]) ?? fk.referencedColumns[k]}`
    const pairs = fk.columns.map((_, k) => pairOf(k))
    const referencedTable = referenced?.table.name ?? fk.referencedTable
    const other = counterpart.table.foreignKeys.find((o) => o.referencedTable === referencedTable && (o.referencedSchema ?? '') === (fk.referencedSchema ?? '')
      && o.columns.length === pairs.length && o.columns.every((c, k) => pairs.includes(`${c}\0${o.referencedColumns[k]}`)))
    const order = other?.columns.map((c, k) => pairs.indexOf(`${c}\0${other.referencedColumns[k]}`))
    if (order === undefined || order.every((k, position) => k === position)) return fk
    reordered.set(fk.name, fk)
    return { ...fk, columns: order.map((k) => fk.columns[k]), referencedColumns: order.map((k) => fk.referencedColumns[k]) }
  })
  if (reordered.size === 0) return table
  const expectedBefore = (i: IndexModel) => {
    const fk = reordered.get(i.name)
    return fk !== undefined && isMadeForForeignKey(i, { ...table, foreignKeys: [fk] })
  }
  return withForeignKeyIndexes({ ...table, foreignKeys, indexes: table.indexes.filter((i) => !expectedBefore(i)) })
}

/**
 * withKeptPrimaryKeyOrder: the diff leaves a primary key whose columns the entity declares in another order as
 * the database has it (primaryKeyOrderWarnings), so a foreign key that key serves in the database's order (its
 * first column, in a key led by it there) needs no index of its own: the indexes the entity side expects for its
 * foreign keys (withForeignKeyIndexes) are those the key kept leaves needed.
 */
function withKeptPrimaryKeyOrder(table: TableModel, actualTable: TableModel): TableModel {
  const [mine, kept] = [table.primaryKey?.columns, actualTable.primaryKey?.columns]
  if (mine === undefined || kept === undefined || mine.length !== kept.length || !mine.every((c) => kept.includes(c))) return table
  if (mine.every((c, k) => kept[k] === c)) return table
  const expected = withForeignKeyIndexes({ ...table, primaryKey: { columns: kept }, indexes: table.indexes.filter((i) => !isMadeForForeignKey(i, table)) })
  return { ...table, indexes: expected.indexes }
}

/**
 * withServerPrefixes: MariaDB indexes a TEXT or BLOB column that an index names whole with a prefix of the
 * longest key it allows (MySQL refuses the index), and so a string column too long for a whole key
 * (isLongestKeyPrefix); such a key with no length takes the one of the database's index on the same columns
 * (a renamed column: on the column it is renamed from).
 */
function withServerPrefixes(index: IndexModel, table: TableModel, counterpart: Counterpart): IndexModel {
  const columns = index.columns.map((c) => counterpart.renamed.get(c) ?? c).join('\0')
  const other = counterpart.table.indexes.find((i) => i.columns.join('\0') === columns && i.unique === index.unique && i.method === index.method)
  if (other?.keyOptions === undefined) return index
  let changed = false
  const keys = index.columns.map((column, k) => {
    const mine = index.keyOptions?.[k] ?? {}
    const length = other.keyOptions?.[k]?.length
    const declared = table.columns.find((c) => c.name === column)
    if (mine.length !== undefined || length === undefined || declared === undefined) return mine
    if (!/(text|blob)$/.test(declared.type) && !isLongestKeyPrefix(declared, length)) return mine
    changed = true
    return { ...mine, length }
  })
  return changed ? { ...index, keyOptions: keys } : index
}

/**
 * withServerForeignKeyIndexes: which foreign keys get an index of their own depends on how they were made.
 * Of a key on (a, b) and one on (a), added in one statement each has its own; added one by one, the pair's
 * index serves both (MariaDB drops the single key's when the pair's comes second). TypeORM's synchronize, a
 * migration and a hand-written script may each do it another way.
 * Where the indexes the server made for the foreign keys both sides have (with the entities' own indexes)
 * serve every foreign key that needs one, the entity side takes them instead of the ones withForeignKeyIndexes
 * expects. An index made for a key that a declared index now serves is not taken: it is redundant, and goes.
 */
function withServerForeignKeyIndexes(table: TableModel, actualTable: TableModel): readonly IndexModel[] {
  const declared = table.indexes.filter((i) => !isMadeForForeignKey(i, table))
  if (declared.length === table.indexes.length) return table.indexes
  const needing = table.foreignKeys.filter((fk) => !servedBy(fk, table, declared))
  const made = actualTable.indexes.filter((i) => isMadeForForeignKey(i, actualTable) && needing.some((fk) => fk.name === i.name) && isMadeForForeignKey(i, table))
  if (!needing.every((fk) => servedBy(fk, table, [...declared, ...made]))) return table.indexes
  return byName([...declared, ...made])
}

/**
 * unknownCharsets are the refusals of the charsets and collations the server does not have (`en_US`, `French_CI_AS`: the
 * names of other databases): the migration would fail at that table, and on MySQL after the statements before
 * it had run, as DDL cannot be rolled back. Names are compared as the server does, ignoring case. MariaDB 10.10+
 * lists some collations by their full names (`utf8mb4_uca1400_ai_ci`) only in COLLATION_CHARACTER_SET_APPLICABILITY,
 * asked only for a name not found; where that cannot be read, nothing is refused.
 */
async function unknownCharsets(desired: SchemaModel, server: ServerCollations | undefined, connection: DatabaseConnection): Promise<string[]> {
  if (server === undefined) return []
  const collations = new Set([...server.charsetOf.keys()].map((c) => c.toLowerCase()))
  const charsets = new Set([...server.defaultOf.keys()].map((c) => c.toLowerCase()))
  const unknown: string[] = []
  for (const table of desired.tables) {
    for (const column of table.columns) {
      const unknownCharset = column.charset !== undefined && !charsets.has(column.charset.toLowerCase())
      const collation = column.collation?.toLowerCase()
      // A full name found is added, so that each is asked for once however many columns declare it.
      if (collation !== undefined && !collations.has(collation) && await hasFullCollationName(collation, connection)) collations.add(collation)
      const unknownCollation = collation !== undefined && !collations.has(collation)
      if (!unknownCharset && !unknownCollation) continue
      const [what, list] = unknownCollation ? [`collation "${column.collation}"`, 'SHOW COLLATION'] : [`charset "${column.charset}"`, 'SHOW CHARACTER SET']
      unknown.push(`"${table.name}"."${column.name}" declares ${what}, which this server does not have: name one that ${list} lists in the entity, then run again`)
    }
  }
  return unknown
}

/** ServerCollations are the server's collations with their charsets, and each charset's default collation. */
interface ServerCollations {
  readonly charsetOf: ReadonlyMap<string, string>
  readonly defaultOf: ReadonlyMap<string, string>
}

/** serverCollations reads the server's collations, in one query, only when some column declares a charset or a collation. */
async function serverCollations(desired: SchemaModel, connection: DatabaseConnection): Promise<ServerCollations | undefined> {
  if (!desired.tables.some((t) => t.columns.some((c) => c.charset !== undefined || c.collation !== undefined))) return undefined
  const collations = await connection.query<CollationRow>(
    'SELECT COLLATION_NAME AS collation, CHARACTER_SET_NAME AS charset, IS_DEFAULT AS is_default FROM information_schema.COLLATIONS')
  return {
    charsetOf: new Map(collations.map((c) => [c.collation, c.charset])),
    defaultOf: new Map(collations.filter((c) => c.is_default === 'Yes').map((c) => [c.charset, c.collation])),
  }
}

async function hasFullCollationName(collation: string, connection: DatabaseConnection): Promise<boolean> {
  try {
    const rows = await connection.query('SELECT 1 FROM information_schema.COLLATION_CHARACTER_SET_APPLICABILITY WHERE FULL_COLLATION_NAME = ?', [collation])
    return rows.length > 0
  } catch {
    return true
  }
}

interface CollationRow { readonly collation: string; readonly charset: string; readonly is_default: string }
interface TableCollationRow { readonly name: string | null; readonly collation: string }

/**
 * reconcileCharsets brings the charsets and collations the entities declare to the introspector's form,
 * where a column's are named only where they differ from its table's (inherited ones are not: MySQL does
 * not say whether they were declared): a collation names its charset; a charset of its own keeps its
 * default collation unnamed; what equals the table's is dropped. A column the migration makes with the charset
 * its entity declares (`madeAsDeclared`) keeps it even where that is the table's or the database's default: the
 * statement that makes it names it, so that the migration makes the same column on a database of another
 * default charset (a latin1 production beside a utf8mb4 laptop). The server's collations are `server` where read already.
 */
async function reconcileCharsets(desired: SchemaModel, server: ServerCollations | undefined, connection: DatabaseConnection,
  madeAsDeclared: (table: TableModel, column: ColumnModel) => boolean): Promise<SchemaModel> {
  // A key column given the collation of the column it references may be the only one with a collation.
  const collations = server ?? await serverCollations(desired, connection)
  if (collations === undefined) return desired
  const { charsetOf, defaultOf } = collations
  const tableRows = await connection.query<TableCollationRow>(`SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'
UNION ALL SELECT NULL, @@collation_database`)
  const databaseCollation = tableRows.find((r) => r.name === null)?.collation
  const tableCollation = new Map(tableRows.filter((r) => r.name !== null).map((r) => [r.name!, r.collation]))
  const inherit = (table: TableModel, column: ColumnModel): ColumnModel => {
    if (column.charset === undefined && column.collation === undefined) return column
    const collation = tableCollation.get(table.name) ?? databaseCollation
    const tableCharset = collation === undefined ? undefined : charsetOf.get(collation)
    const charset = column.charset ?? (column.collation !== undefined ? charsetOf.get(column.collation) : undefined)
    const ownCharset = charset === undefined || (charset === tableCharset && !madeAsDeclared(table, column)) ? undefined : charset
    const inherited = ownCharset === undefined ? collation : defaultOf.get(ownCharset)
    const ownCollation = column.collation === undefined || column.collation === inherited ? undefined : column.collation
    const { charset: _charset, collation: _collation, ...rest } = column
    return { ...rest, ...(ownCharset !== undefined && { charset: ownCharset }), ...(ownCollation !== undefined && { collation: ownCollation }) }
  }
  return { ...desired, tables: desired.tables.map((t) => ({ ...t, columns: t.columns.map((c) => inherit(t, c)) })) }
}

/**
 * reconcileViews asks the server, for each entity view whose canonical text differs from the database's
 * view of the same name, how it reads both SELECTs: `EXPLAIN` (`EXPLAIN EXTENDED` on MariaDB) and SHOW
 * WARNINGS print each query as the optimizer rewrote it (note 1003: names qualified and quoted, `*`
 * expanded, aliases added). Where both prints are the same, the entity side takes the database's
 * definition and what it reads. Nothing is created; a SELECT the server refuses is left as written (the diff replaces the view).
 */
export async function reconcileViews(desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection): Promise<SchemaModel> {
  const actualView = namedIn(actual.views)
  const candidates = desired.views.flatMap((view) => {
    const other = actualView(view)
    return other !== undefined && other.definition !== view.definition && isOneSelect(writtenDefinition(view)) ? [{ view, other }] : []
  })
  if (candidates.length === 0) return desired
  const { server } = connection as MysqlConnection
  const settled = new Map<ViewModel, ViewModel>()
  for (const { view, other } of candidates) {
    const [mine, theirs] = [await optimizerPrint(connection, server, writtenDefinition(view)), await optimizerPrint(connection, server, writtenDefinition(other))]
    if (mine !== undefined && mine === theirs) settled.set(view, { ...view, definition: other.definition, reads: other.reads })
  }
  return { ...desired, views: desired.views.map((v) => settled.get(v) ?? v) }
}

/**
 * reconcileChecks asks the server, on each table where some entity check and some database check match no
 * check of the other side by canonical text, how it reads each of those expressions: `EXPLAIN [EXTENDED]
 * SELECT 1 FROM <table> WHERE (<expression>)` and SHOW WARNINGS print the condition as the optimizer rewrote
 * it (MariaDB stores `((a + 1) * 2) >= 0` as `(a + 1) * 2 >= 0`, and prints both alike). An entity check
 * whose print equals an unmatched database check's takes that check's expression. Nothing is created; one
 * EXPLAIN per unmatched expression, none where every check matches; an expression the server refuses (a
 * column the table does not have yet), or that the optimizer printed from a table's rows, is left as written.
 */
export async function reconcileChecks(desired: SchemaModel, counterpart: (table: TableModel) => Counterpart | undefined, connection: DatabaseConnection): Promise<SchemaModel> {
  const { server } = connection as MysqlConnection
  const tables: TableModel[] = []
  for (const table of desired.tables) {
    const found = counterpart(table)
    const named = (check: CheckModel) => (found === undefined ? check.expression : withNewNames(found, check.expression))
    const mine = table.checks.filter((c) => !found?.table.checks.some((o) => named(o) === c.expression))
    const theirs = found?.table.checks.filter((o) => !table.checks.some((c) => c.expression === named(o))) ?? []
    if (found === undefined || mine.length === 0 || theirs.length === 0) {
      tables.push(table)
      continue
    }
    const printOf = (check: CheckModel, from: string): Promise<string | undefined> =>
      optimizerPrint(connection, server, `SELECT 1 FROM ${from} WHERE (${writtenCheck(check)})`)
    const theirPrints = new Map<CheckModel, string | undefined>()
    for (const check of theirs) theirPrints.set(check, await printOf(check, quoteIdent(found.table.name)))
    const settled = new Map<CheckModel, CheckModel>()
    for (const check of mine) {
      const print = await printOf(check, entitySide(found))
      const match = print === undefined ? undefined : theirs.find((o) => theirPrints.get(o) === print && ![...settled.values()].includes(o))
      if (match !== undefined) settled.set(check, match)
    }
    tables.push(settled.size === 0 ? table : { ...table, checks: table.checks.map((c) => (settled.has(c) ? { ...c, expression: named(settled.get(c)!) } : c)) })
  }
  return { ...desired, tables }
}

/**
 * reconcileComputed asks the server how it reads a generated column's expression where the entity's and the
 * database's differ by canonical text: MariaDB stores `SUBSTRING(a, 1, 1)` as `substr(a,1,1)`, `MOD(a, 3)` as
 * `a MOD 3` and `CAST(a AS CHAR)` with the charset it chose. `EXPLAIN [EXTENDED] SELECT (<expression>) AS e
 * FROM <table>` prints each as the optimizer rewrote it; where both prints are the same (and both columns are
 * stored, or both virtual), the entity's column takes the database's expression. Two EXPLAINs per such
 * column, none where the texts agree; an expression the server refuses is left as written.
 */
export function reconcileComputed(desired: SchemaModel, counterpart: (table: TableModel) => Counterpart | undefined, connection: DatabaseConnection): Promise<SchemaModel> {
  return reconcileColumns(desired, counterpart, connection, async (column, other, readAlike, named) => {
    const mine = column.computed
    const theirs = other.computed
    if (mine === undefined || theirs === undefined || mine.stored !== theirs.stored || mine.expression === named(theirs.expression)) return column
    if (!(await readAlike(writtenComputed(mine), writtenComputed(theirs)))) return column
    const expressionSql = theirs.expressionSql === undefined ? undefined : named(theirs.expressionSql)
    return { ...column, computed: { ...theirs, expression: named(theirs.expression), ...(expressionSql !== undefined && { expressionSql }) } }
  })
}

/**
 * reconcileDefaults asks the server how it reads an expression default where the entity's and the database's
 * differ by canonical text: MariaDB stores `chr(65)` as `char(65 using utf8mb4)`, so the entity's default
 * never matched, and every migration set it again. As reconcileComputed does, `EXPLAIN [EXTENDED] SELECT
 * (<default>) AS e FROM <table>` prints each; where both prints are the same, the entity's column takes the
 * database's default. Two EXPLAINs per such column, none where the texts agree.
 */
export function reconcileDefaults(desired: SchemaModel, counterpart: (table: TableModel) => Counterpart | undefined, connection: DatabaseConnection): Promise<SchemaModel> {
  return reconcileColumns(desired, counterpart, connection, async (column, theirs, readAlike, named) => {
    const mine = writtenDefault(column)
    const their = writtenDefault(theirs)
    if (mine === undefined || their === undefined || !isExpressionDefault(column) || !isExpressionDefault(theirs) || column.default === named(theirs.default!)) return column
    if (!(await readAlike(mine, their))) return column
    const { defaultSql: _written, ...rest } = column
    return { ...rest, default: named(theirs.default!), ...(theirs.defaultSql !== undefined && { defaultSql: named(theirs.defaultSql) }) }
  })
}

/**
 * ColumnSettling gives an entity's column as it is to be compared with the database's column it comes from;
 * readAlike says whether the server reads the entity's expression and the database's over the table alike (see
 * optimizerPrint), and `named` gives one of the database's expressions with the names the renames give its columns.
 */
type ColumnSettling = (
  column: ColumnModel, theirs: ColumnModel, readAlike: (mine: string, theirs: string) => Promise<boolean>, named: (sql: string) => string,
) => Promise<ColumnModel>

async function reconcileColumns(desired: SchemaModel, counterpart: (table: TableModel) => Counterpart | undefined, connection: DatabaseConnection, settle: ColumnSettling): Promise<SchemaModel> {
  const { server } = connection as MysqlConnection
  const tables: TableModel[] = []
  for (const table of desired.tables) {
    const found = counterpart(table)
    if (found === undefined) {
      tables.push(table)
      continue
    }
    const printOf = (expression: string, from: string) => optimizerPrint(connection, server, `SELECT (${expression}) AS \`e\` FROM ${from}`)
    const readAlike = async (mine: string, theirs: string) => {
      const print = await printOf(mine, entitySide(found))
      if (print === undefined) return false
      const other = await printOf(theirs, quoteIdent(found.table.name))
      return other !== undefined && withoutCharsetConversions(print) === withoutCharsetConversions(other)
    }
    const named = (sql: string) => withNewNames(found, sql)
    const columns: ColumnModel[] = []
    for (const column of table.columns) {
      const theirs = columnIn(found, column.name)
      columns.push(theirs === undefined ? column : await settle(column, theirs, readAlike, named))
    }
    tables.push(columns.every((c, i) => c === table.columns[i]) ? table : { ...table, columns })
  }
  return { ...desired, tables }
}

/** isExpressionDefault: a default written as an expression in parentheses (`(uuid())`), as MySQL 8.0.13+ and MariaDB keep one. */
const isExpressionDefault = (column: ColumnModel): boolean => column.default?.startsWith('(') === true

async function optimizerPrint(connection: DatabaseConnection, server: MysqlServer, select: string): Promise<string | undefined> {
  try {
    const plan = await connection.query<{ type: string | null; Extra: string | null }>(`${server.product === 'mariadb' ? 'EXPLAIN EXTENDED' : 'EXPLAIN'} ${select}`)
    if (plan.some(readsRows)) return undefined
    const warnings = await connection.query<{ Code: number | string; Message: string }>('SHOW WARNINGS')
    return warnings.find((w) => Number(w.Code) === 1003)?.Message
  } catch {
    return undefined
  }
}

/**
 * readsRows: a plan step that read a table's rows while optimizing (a table of at most one row in an engine
 * that counts rows exactly, MyISAM, Aria or MEMORY, or a lookup of one key), whose values the print then
 * holds instead of the columns (`where 1`, `where 0`), so that two different expressions can print alike.
 */
function readsRows(step: { type: string | null; Extra: string | null }): boolean {
  return step.type === 'system' || step.type === 'const' || /const table/i.test(step.Extra ?? '')
}

/** isOneSelect: a single SELECT (or WITH ... SELECT) with no statement after it, so that EXPLAIN runs nothing else. */
function isOneSelect(sql: string): boolean {
  return /^\s*\(?\s*(select|with)\b/i.test(sql) && !/;\s*\S/.test(sql.replace(/'(?:[^'\\]|''|\\.)*'/g, "''"))
}
