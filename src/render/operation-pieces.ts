import { quoteDoubled, quoteLiteral } from '../dialect/quote'
import { qualifiedKey } from '../model/qualified-name'
import type { Deferrable, ForeignKeyModel, IndexModel, QualifiedName, UniqueModel, ViewModel } from '../model/schema-model'
import type { ConstraintKind, Operation, OperationKind, OperationOf, TableOptions } from '../operations/operation'
import { columnChangeText, describeColumn, listOfColumns } from './column-text'
import { listOfValues, typeTextWithValues } from '../model/type-text'

/** GlobalPiece is a summary line about something outside any table: a schema, an extension or an enum. */
export interface GlobalPiece {
  readonly scope: 'global'
  readonly object: 'schema' | 'extension' | 'enum' | 'view'
  readonly name: string
  readonly change: 'add' | 'drop' | 'alter'
  readonly headline: string
}

/** TablePiece is what one operation says about one table. */
export interface TablePiece {
  readonly scope: 'table'
  readonly table: QualifiedName
  readonly part:
    | { readonly kind: 'created'; readonly columns: number }
    | { readonly kind: 'dropped' }
    | { readonly kind: 'renamed'; readonly from: QualifiedName }
    | { readonly kind: 'detail'; readonly detail: TableDetail }
}

/** TableDetail is one line under a table; adds and drops of one named thing may pair into a change. */
export interface TableDetail {
  /** Orders lines by what they are about: comment, primary key, columns, indexes, uniques, foreign keys, checks. */
  readonly rank: number
  readonly sortName: string
  readonly sign: '+' | '-' | '~'
  readonly line: string
  readonly pair?: DetailPair
}

/** DetailPair is what pairs an add with a drop: the same noun and key; `body` is what is shown changing. */
export interface DetailPair {
  readonly noun: string
  readonly key: string
  readonly label: string
  readonly body: string
}

/** displayName writes a table or type name as `"schema"."name"` or `"name"`. */
export function displayName(name: QualifiedName): string {
  return name.schema === undefined ? quoteDoubled(name.name) : `${quoteDoubled(name.schema)}.${quoteDoubled(name.name)}`
}

/** operationPiece is what one operation contributes to the change summary. */
export function operationPiece(op: Operation): GlobalPiece | TablePiece {
  return (pieces[op.kind] as (op: Operation) => GlobalPiece | TablePiece)(op)
}

const pieces: { readonly [K in OperationKind]: (op: OperationOf<K>) => GlobalPiece | TablePiece } = {
  create_schema: (op) => global('schema', op.schema, 'add', `+ schema ${quoteDoubled(op.schema)}`),
  drop_schema: (op) => global('schema', op.schema, 'drop', `- schema ${quoteDoubled(op.schema)}`),
  create_extension: (op) => global('extension', op.extension, 'add', `+ extension ${quoteDoubled(op.extension)}`),
  drop_extension: (op) => global('extension', op.extension, 'drop', `- extension ${quoteDoubled(op.extension)}`),
  create_enum: (op) =>
    global('enum', qualifiedKey(op.enumType), 'add', `+ enum ${displayName(op.enumType)} ${listOfValues(op.enumType.values)}`),
  drop_enum: (op) => global('enum', qualifiedKey(op.enumType), 'drop', `- enum ${displayName(op.enumType)}`),
  alter_enum: (op) =>
    global('enum', qualifiedKey(op.to), 'alter',
      `~ enum ${displayName(op.to)}: ${listOfValues(op.from.values)} -> ${listOfValues(op.to.values)}`),
  rename_enum: (op) =>
    global('enum', qualifiedKey(op.to), 'alter', `~ enum ${displayName(op.to)} ${op.from.schema === op.to.schema ? 'renamed' : 'moved'} from ${displayName(op.from)}`),
  rename_enum_label: (op) =>
    global('enum', qualifiedKey(op.enumType), 'alter', `~ enum ${displayName(op.enumType)}: label ${quoteLiteral(op.from)} renamed to ${quoteLiteral(op.to)}`),
  create_table: (op) => table(op.table, { kind: 'created', columns: op.table.columns.length }),
  drop_table: (op) => table(op.table, { kind: 'dropped' }),
  rename_table: (op) => table(op.to, { kind: 'renamed', from: op.from }),
  alter_table_comment: (op) =>
    detail(op.table, 0, '', '~', `~ comment: ${optionalLiteral(op.from)} -> ${optionalLiteral(op.to)}`),
  alter_table_options: (op) => detail(op.table, 0, '', '~', `~ ${tableOptionsChange(op.from, op.to)}`),
  add_column: (op) =>
    detail(op.table, 2, op.column.name, '+', `+ column ${quoteDoubled(op.column.name)} ${describeColumn(op.column)}`),
  rename_column_label: (op) =>
    detail(op.table, 2, op.column.name, '~', `~ column ${quoteDoubled(op.column.name)}: label ${quoteLiteral(op.from)} renamed to ${quoteLiteral(op.to)}`),
  drop_column: (op) => detail(op.table, 2, op.column.name, '-', `- column ${quoteDoubled(op.column.name)}`),
  alter_column: (op) => {
    const changes = columnChangeText(op)
    const name = quoteDoubled(op.to.name)
    return detail(op.table, 2, op.to.name, '~', changes.length === 0 ? `~ column ${name}` : `~ column ${name}: ${changes.join(', ')}`)
  },
  rename_column: (op) =>
    detail(op.table, 2, op.to, '~', `~ column ${quoteDoubled(op.to)} renamed from ${quoteDoubled(op.from)}`),
  copy_column: (op) => {
    const rows = op.rows === 'empty' ? ' into the rows where it is NULL' : ''
    const converted = typeTextWithValues(op.from) === typeTextWithValues(op.to) ? '' : ` (${typeTextWithValues(op.from)} -> ${typeTextWithValues(op.to)})`
    // Listed right after what else happens to the column (`\u0001` sorts after the name alone): it is added first.
    return detail(op.table, 2, `${op.to.name}\u0001`, '~', `~ column ${quoteDoubled(op.to.name)}: values copied from ${quoteDoubled(op.from.name)}${converted}${rows}`)
  },
  add_primary_key: (op) => {
    const body = `${optionalName(op.primaryKey.name)}${listOfColumns(op.primaryKey.columns)}`
    return detail(op.table, 1, '', '+', `+ primary key ${body}`, { noun: 'primary key', key: '', label: 'primary key', body })
  },
  drop_primary_key: (op) => {
    const body = `${optionalName(op.primaryKey.name)}${listOfColumns(op.primaryKey.columns)}`
    return detail(op.table, 1, '', '-', `- primary key ${body}`, { noun: 'primary key', key: '', label: 'primary key', body })
  },
  create_index: (op) => named(op.table, 3, 'index', op.index.name, '+', describeIndex(op.index)),
  drop_index: (op) => named(op.table, 3, 'index', op.index.name, '-', describeIndex(op.index)),
  rename_index: (op) => detail(op.table, 3, op.to, '~', `~ index ${quoteDoubled(op.to)} renamed from ${quoteDoubled(op.from)}`),
  add_unique: (op) => named(op.table, 4, 'unique', op.unique.name, '+', describeUnique(op.unique)),
  drop_unique: (op) => named(op.table, 4, 'unique', op.unique.name, '-', describeUnique(op.unique)),
  add_foreign_key: (op) => named(op.table, 5, 'foreign key', op.foreignKey.name, '+', describeForeignKey(op.foreignKey)),
  drop_foreign_key: (op) => named(op.table, 5, 'foreign key', op.foreignKey.name, '-', describeForeignKey(op.foreignKey)),
  alter_foreign_key: (op) =>
    detail(op.table, 5, op.to.name, '~', `~ foreign key ${quoteDoubled(op.to.name)}: ${deferralText(op.from.deferrable)} -> ${deferralText(op.to.deferrable)}`),
  add_check: (op) => named(op.table, 6, 'check', op.check.name, '+', op.check.expression, `(${op.check.expression})`),
  drop_check: (op) => named(op.table, 6, 'check', op.check.name, '-', op.check.expression),
  add_exclusion: (op) => named(op.table, 7, 'exclusion', op.exclusion.name, '+', op.exclusion.definition),
  drop_exclusion: (op) => named(op.table, 7, 'exclusion', op.exclusion.name, '-', op.exclusion.definition),
  rename_constraint: (op) => {
    const { rank, noun } = constraintNouns[op.constraint]
    return detail(op.table, rank, op.to, '~', `~ ${noun} ${quoteDoubled(op.to)} renamed from ${quoteDoubled(op.from)}`)
  },
  create_view: (op) => global('view', qualifiedKey(op.view), 'add', `+ ${viewNoun(op.view)} ${displayName(op.view)}`),
  drop_view: (op) => global('view', qualifiedKey(op.view), 'drop', `- ${viewNoun(op.view)} ${displayName(op.view)}`),
  replace_view: (op) => global('view', qualifiedKey(op.to), 'alter', `~ ${viewNoun(op.to)} ${displayName(op.to)}: definition replaced`),
}

/** tableOptionsChange says how a table's options change: `engine: InnoDB -> MyISAM`, `with rowid -> without rowid`. */
function tableOptionsChange(from: TableOptions, to: TableOptions): string {
  if (from.engine !== undefined || to.engine !== undefined) return `engine: ${from.engine ?? 'none'} -> ${to.engine ?? 'none'}`
  const rowid = (options: TableOptions) => (options.withoutRowid === true ? 'without rowid' : 'with rowid')
  return `${rowid(from)} -> ${rowid(to)}`
}

function viewNoun(view: ViewModel): string {
  return view.materialized === true ? 'materialized view' : 'view'
}

/** constraintNouns are how the summary names and ranks each kind of constraint. */
export const constraintNouns: { readonly [K in ConstraintKind]: { readonly rank: number; readonly noun: string } } = {
  primary_key: { rank: 1, noun: 'primary key' },
  unique: { rank: 4, noun: 'unique' },
  foreign_key: { rank: 5, noun: 'foreign key' },
  check: { rank: 6, noun: 'check' },
  exclusion: { rank: 7, noun: 'exclusion' },
}

function global(object: GlobalPiece['object'], name: string, change: GlobalPiece['change'], headline: string): GlobalPiece {
  return { scope: 'global', object, name, change, headline }
}

function table(name: QualifiedName, part: TablePiece['part']): TablePiece {
  return { scope: 'table', table: name, part }
}

function detail(
  tableName: QualifiedName, rank: number, sortName: string, sign: TableDetail['sign'], line: string, pair?: DetailPair,
): TablePiece {
  return table(tableName, { kind: 'detail', detail: pair === undefined ? { rank, sortName, sign, line } : { rank, sortName, sign, line, pair } })
}

/** named is a detail about a named index or constraint; a drop shows only the name, an add also `shown`. */
function named(
  tableName: QualifiedName, rank: number, noun: string, name: string, sign: '+' | '-', body: string, shown = body,
): TablePiece {
  const label = `${noun} ${quoteDoubled(name)}`
  return detail(tableName, rank, name, sign, sign === '+' ? `+ ${label} ${shown}` : `- ${label}`, { noun, key: name, label, body })
}

export function describeIndex(index: IndexModel): string {
  const parts = [listOfColumns(index.columns)]
  if (index.unique) parts.push('unique')
  if (index.method !== undefined) parts.push(`using ${index.method}`)
  if (index.where !== undefined) parts.push(`where ${index.where}`)
  return parts.join(' ')
}

export function describeUnique(unique: UniqueModel): string {
  return unique.deferrable === undefined ? listOfColumns(unique.columns) : `${listOfColumns(unique.columns)} deferrable ${unique.deferrable}`
}

export function describeForeignKey(fk: ForeignKeyModel): string {
  const target = displayName({ schema: fk.referencedSchema, name: fk.referencedTable })
  const parts = [`${listOfColumns(fk.columns)} -> ${target} ${listOfColumns(fk.referencedColumns)}`]
  if (fk.onDelete !== 'NO ACTION') parts.push(`on delete ${fk.onDelete}`)
  if (fk.onUpdate !== 'NO ACTION') parts.push(`on update ${fk.onUpdate}`)
  if (fk.deferrable !== undefined) parts.push(`deferrable ${fk.deferrable}`)
  return parts.join(' ')
}

function deferralText(deferrable: Deferrable | undefined): string {
  return deferrable === undefined ? 'not deferrable' : `deferrable ${deferrable}`
}

function optionalName(name: string | undefined): string {
  return name === undefined ? '' : `${quoteDoubled(name)} `
}

function optionalLiteral(text: string | undefined): string {
  return text === undefined ? 'none' : quoteLiteral(text)
}
