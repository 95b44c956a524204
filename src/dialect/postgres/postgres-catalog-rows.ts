import { qualifiedKey } from '../../model/qualified-name'
import type {
  CheckModel,
  ExclusionModel,
  ColumnGeneration,
  ColumnModel,
  Deferrable,
  ForeignKeyModel,
  IndexKeyOptions,
  IndexModel,
  ReferentialAction,
  UniqueModel,
} from '../../model/schema-model'
import type { ColumnRow, ConstraintRow, IndexRow } from './postgres-catalog-queries'
import { serialSequenceBaseName } from './postgres-quote'

/** columnOf turns a catalog row into a raw column; `canonicalColumn` finishes it. */
export function columnOf(row: ColumnRow, enumLabels: ReadonlyMap<string, readonly string[]>): ColumnModel {
  const isEnum = row.enum_name !== null
  // A `nextval(...)` default on a column that owns its sequence is what SERIAL creates; so is one on the sequence
  // SERIAL would have made for it that no column owns, which TypeORM reads as its own serial too (by its name).
  const serialSequence = row.owned_sequence !== null || row.unowned_default_sequence === serialSequenceBaseName(row.table, row.name)
  const serial = serialSequence && row.default_expr !== null && /^nextval\(/i.test(row.default_expr)
  const generated: ColumnGeneration | undefined =
    row.identity === 'a' ? { kind: 'identity', always: true }
      : row.identity === 'd' ? { kind: 'identity', always: false }
        : serial ? { kind: 'increment' } : undefined
  // A table or column renamed since SERIAL made its sequence reads the sequence of the old name.
  const sequenceName = serial && row.owned_sequence !== null && row.owned_sequence !== serialSequenceBaseName(row.table, row.name) ? row.owned_sequence : undefined
  const computed = row.generated === 's' && row.default_expr !== null
  const keepsDefault = row.default_expr !== null && !computed && generated === undefined
  const enumValues = isEnum ? enumLabels.get(qualifiedKey({ schema: row.enum_schema!, name: row.enum_name! })) : undefined
  return {
    name: row.name,
    type: isEnum ? 'enum' : row.type_text,
    ...(row.is_array && { isArray: true }),
    nullable: row.nullable,
    ...(keepsDefault && { default: row.default_expr! }),
    ...(generated && { generated }),
    ...(computed && { computed: { expression: row.default_expr!, stored: true } }),
    ...(isEnum && { enumValues: [...(enumValues ?? [])], enumName: row.enum_name! }),
    ...(isEnum && row.enum_schema !== row.schema && { enumSchema: row.enum_schema! }),
    ...(row.comment !== null && { comment: row.comment }),
    ...(row.collation !== null && { collation: row.collation }),
    ...(row.domain_base_type !== null && { domainBaseType: row.domain_base_type }),
    ...(row.inherited && { inherited: true }),
    ...(row.identity_options !== null && { identityOptions: row.identity_options }),
    ...(sequenceName !== undefined && { sequenceName }),
  }
}

const actions: Readonly<Record<string, ReferentialAction>> = {
  a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT',
}

function deferrableOf(row: ConstraintRow): Deferrable | undefined {
  if (!row.deferrable) return undefined
  return row.deferred ? 'INITIALLY DEFERRED' : 'INITIALLY IMMEDIATE'
}

/** foreignKeyOf reads a `f` constraint row. */
export function foreignKeyOf(row: ConstraintRow): ForeignKeyModel {
  const deferrable = deferrableOf(row)
  return {
    name: row.name,
    columns: row.columns,
    referencedSchema: row.ref_schema!,
    referencedTable: row.ref_table!,
    referencedColumns: row.ref_columns,
    onDelete: actions[row.on_delete] ?? 'NO ACTION',
    onUpdate: actions[row.on_update] ?? 'NO ACTION',
    ...(deferrable && { deferrable }),
    ...(row.match_type === 'f' && { matchFull: true }),
  }
}

/** uniqueOf reads a `u` constraint row. */
export function uniqueOf(row: ConstraintRow): UniqueModel {
  const deferrable = deferrableOf(row)
  return { name: row.name, columns: row.columns, ...(deferrable && { deferrable }), ...(row.comment !== null && { comment: row.comment }) }
}

/** checkOf reads a `c` constraint row (its expression as `pg_get_expr` pretty-prints it). */
export function checkOf(row: ConstraintRow): CheckModel {
  return { name: row.name, expression: row.expression ?? '', ...(row.inherited && { inherited: true }) }
}

/** exclusionOf reads an `x` constraint row (its definition as `pg_get_constraintdef` prints it, after `EXCLUDE`). */
export function exclusionOf(row: ConstraintRow): ExclusionModel {
  return { name: row.name, definition: (row.expression ?? '').replace(/^EXCLUDE /, '') }
}

/** indexOf reads an index row; `btree` is the default access method and stays undefined. */
export function indexOf(row: IndexRow): IndexModel {
  const keys = row.columns.slice(0, row.key_count).map((_, k) => keyOptionsOf(row, k))
  const include = row.columns.slice(row.key_count)
  return {
    name: row.name,
    columns: row.columns.slice(0, row.key_count),
    unique: row.unique,
    ...(row.predicate !== null && { where: row.predicate }),
    ...(row.method !== 'btree' && { method: row.method }),
    ...(keys.some((k) => Object.keys(k).length > 0) && { keyOptions: keys }),
    ...(include.length > 0 && { include }),
    ...(row.comment !== null && { comment: row.comment }),
  }
}

/** keyOptionsOf reads what key `k` has beyond the defaults: indoption bit 1 is DESC, bit 2 NULLS FIRST. */
function keyOptionsOf(row: IndexRow, k: number): IndexKeyOptions {
  const option = row.options[k] ?? 0
  const descending = (option & 1) === 1
  const nullsFirst = (option & 2) === 2
  const opclass = row.opclasses[k] ?? null
  const collation = row.collations[k] ?? null
  return {
    ...(opclass !== null && { opclass }),
    ...(collation !== null && { collation }),
    ...(descending && { descending }),
    ...(nullsFirst !== descending && { nulls: nullsFirst ? 'first' : 'last' }),
  }
}
