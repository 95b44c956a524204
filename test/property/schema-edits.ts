import {
  type ColumnSpec, type FuzzDialect, type SchemaSpec, type TableSpec, type ViewSpec,
  alwaysFilled, checkColumns, embeddedPrefixes, isEmbedded, fulltextKinds, hasFulltextIndexes, otherSchema, comments, defaultVariants, distinctKindsOf, hasPartialIndexes, indexableKindsOf, checkableKinds,
} from './schema-spec'
import { type TableSeed, Ids, compositeKeyAllowed, freshEmbeddedName, freshName, keyKindOn, newGeneratedColumn, newView, namedApart, namesFor, newColumn, newRelation, newTable } from './schema-builders'

/** editKinds are the changes from schema A to schema B. */
export const editKinds = [
  'add_column', 'drop_column', 'rename_column', 'rename_onto_dropped', 'retype', 'nullability', 'default',
  'add_index', 'drop_index', 'add_unique', 'drop_unique', 'add_check', 'drop_check',
  'add_relation', 'drop_relation', 'on_delete', 'enum_labels',
  // Repeated: drawn more often, as they meet the most column kinds.
  'retype', 'retype', 'collation', 'shared_enum_labels', 'enum_labels', 'retype', 'collation', 'shared_enum_labels', 'nullability', 'default', 'rename_column', 'rename_table',
  'rename_table', 'add_table', 'drop_table', 'replace_table', 'retype_key', 'add_many_to_many', 'drop_many_to_many',
  'comment', 'one_to_one', 'composite_key', 'comment', 'add_generated', 'add_view', 'drop_view', 'view_columns', 'single_table', 'child_column', 'child_column',
  'move_schema', 'move_schema', 'on_update', 'deferrable', 'index_order', 'materialized', 'add_relation', 'retype', 'referenced_column', 'referenced_column',
  'key_width', 'key_width', 'retarget_relation', 'retarget_relation', 'rename_together', 'rename_together', 'embedded_prefix', 'embedded_prefix', 'embedded_prefix',
  'not_null_over_nulls', 'not_null_over_nulls', 'not_null_over_nulls', 'add_exclusion', 'drop_exclusion',
  'rename_label', 'rename_label',
] as const
export type EditKind = (typeof editKinds)[number]

/** EditSeed is one edit: its kind and the numbers that pick what it changes (modulo what exists). */
export interface EditSeed { readonly kind: EditKind; readonly a: number; readonly b: number; readonly c: number }

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? Mutable<U>[] : T[K] }
type MTable = Mutable<TableSpec>
type MColumn = Mutable<ColumnSpec>

/**
 * applyEdits derives schema B from A. Edits keep A's rows valid: uniques and checks only cover columns
 * A already has (their values differ per row and are never negative), an added column is nullable or has a
 * default, and a dropped column is nullable or has a default (a `down` cannot bring back values it never had).
 */
export function applyEdits(dialect: FuzzDialect, a: SchemaSpec, edits: readonly EditSeed[]): { schema: SchemaSpec; applied: string[] } {
  const schema = JSON.parse(JSON.stringify(a)) as { tables: MTable[] }
  const ids = new Ids(a)
  const applied: string[] = []
  const tableInA = (table: MTable) => a.tables.find((t) => t.id === table.id)
  const inA = (table: MTable, column: number) => tableInA(table)?.columns.some((c) => c.id === column) === true
  // `down` re-adds a dropped column with its default in every row: a unique of A over it cannot come back.
  const uniqueInA = (table: MTable, column: number) => {
    const before = tableInA(table)
    return before !== undefined && [...before.uniques, ...before.indexes.filter((i) => i.unique)].some((u) => u.columns.includes(column))
  }
  for (const edit of edits) {
    const done = applyEdit(dialect, schema, ids, edit, inA, uniqueInA, a)
    if (done !== undefined) applied.push(done)
    withoutLostReferences(schema)
  }
  return { schema: withViewsOfTheirTables(schema), applied }
}

function applyEdit(
  dialect: FuzzDialect, schema: { tables: MTable[] }, ids: Ids, edit: EditSeed, inA: (t: MTable, c: number) => boolean,
  uniqueInA: (t: MTable, c: number) => boolean, before: SchemaSpec,
): string | undefined {
  const { a, b, c } = edit
  const tables = schema.tables
  const views = ((schema as { views?: Mutable<ViewSpec>[] }).views ??= [])
  if (edit.kind === 'add_view') {
    const view = newView(dialect, ids, tables, { table: a, columns: [b, c].slice(0, c % 3), materialized: b % 3 === 0, over: c % 4 === 3 }, new Set([...views, ...(before.views ?? [])].map((v) => v.name)), views as ViewSpec[])
    if (view === undefined) return undefined
    views.push(view as Mutable<ViewSpec>)
    return `add view ${view.name}`
  }
  if (edit.kind === 'drop_view') return dropOne(views, a, 'drop view')
  if (edit.kind === 'materialized') {
    const view = views[a % Math.max(1, views.length)]
    if (view === undefined || dialect !== 'postgres') return undefined
    if (view.materialized === true) delete view.materialized
    else view.materialized = true
    return `view ${view.name} ${view.materialized === true ? 'materialized' : 'not materialized'}`
  }
  if (edit.kind === 'view_columns') {
    const view = views[a % Math.max(1, views.length)]
    const table = view && tables.find((t) => t.id === view.table)
    // A view over another picks among that view's columns.
    const pool = view?.over === undefined ? table?.columns.map((x) => x.id) : views.find((v) => v.id === view.over)?.columns
    if (pool === undefined || pool.length === 0) return undefined
    view.columns = [...new Set([b, c].slice(0, 1 + (c % 2)).map((k) => pool[k % pool.length]))]
    return `columns of view ${view.name}`
  }
  if (edit.kind === 'add_table') {
    // A table added under the name of a dropped one is that table to the tool (see replace_table): not one with rows.
    const withRows = before.tables.filter((t) => t.rows > 0).map((t) => t.name)
    const name = freshName(namesFor('table', dialect), a, new Set([...tables.map((t) => t.name), ...withRows]))
    tables.push(newTable(dialect, ids, name, newTableSeed(a, b, c), tables) as MTable)
    return `add table ${name}`
  }
  if (tables.length === 0) return undefined
  const table = tables[a % tables.length]
  const columns = table.columns
  const column = columns.length === 0 ? undefined : columns[b % columns.length]
  const takenColumns = () => new Set(['id', ...columns.map((x) => x.name), ...table.relations.map((r) => r.columnName)])
  const label = `${table.name}`
  // As A has it: a default an earlier edit gave the column does not bring back A's rows in `down`.
  const columnInA = (x: MColumn) => before.tables.find((t) => t.id === table.id)?.columns.find((c) => c.id === x.id)
  const droppable = (x: MColumn) => {
    const old = columnInA(x)
    return (old === undefined || old.nullable || old.defaultVariant !== undefined) && !uniqueInA(table, x.id)
  }
  // A rename may take the name of a column of A dropped here, never of one still there under another name: a
  // chain of renames (b -> c, a -> b) is refused (--rename does not apply).
  const kept = new Set([...columns.map((x) => x.id), ...table.relations.map((r) => r.id)])
  const namesFromA = (keptOnes: boolean) => before.tables.filter((x) => x.id === table.id)
    .flatMap((x) => [...x.columns, ...x.relations].filter((c) => kept.has(c.id) === keptOnes).map((c) => ('name' in c ? c.name : c.columnName)))
  const namesKeptFromA = () => namesFromA(true)
  const namesDroppedFromA = () => namesFromA(false)
  const namesRenamedOntoDropped = () => {
    const dropped = new Set(namesDroppedFromA())
    const now = new Map<number, string>([...columns.map((x) => [x.id, x.name] as const), ...table.relations.map((r) => [r.id, r.columnName] as const)])
    return before.tables.filter((x) => x.id === table.id).flatMap((x) => [...x.columns, ...x.relations])
      .filter((c) => dropped.has(now.get(c.id) ?? '')).map((c) => ('name' in c ? c.name : c.columnName))
  }
  const renameTaken = () => new Set([...takenColumns(), ...namesKeptFromA()])
  // A column added under the name of one dropped is the same column to the tool, its type changed in place:
  // values of another kind may not convert, so that happens on tables without rows only. Nor the old name of a
  // column renamed onto a dropped one's: that rename would not drop it (--rename refuses).
  const takenByAdded = () => {
    const withRows = (before.tables.find((t) => t.id === table.id)?.rows ?? 0) > 0
    return new Set([...takenColumns(), ...(withRows ? namesDroppedFromA() : []), ...namesRenamedOntoDropped()])
  }
  switch (edit.kind) {
    case 'add_column': {
      const added = newColumn(dialect, ids, { name: b, kind: c, length: 20, precision: 10, nullable: c % 2 === 0, defaultVariant: b % 10 }, takenByAdded()) as MColumn
      if (!added.nullable && added.defaultVariant === undefined && !alwaysFilled.includes(added.kind)) added.nullable = true
      // One of four goes into the table's embedded class, where it has one.
      if (table.embedded !== undefined && b % 4 === 3) {
        added.name = freshEmbeddedName(table.embedded.prefix, c, takenByAdded())
        table.embedded = { ...table.embedded, columns: [...table.embedded.columns, added.id] }
      }
      columns.push(added)
      return `add column ${label}.${added.name}`
    }
    case 'drop_column': {
      if (column === undefined || !droppable(column)) return undefined
      forgetColumn(table, column.id)
      return `drop column ${label}.${column.name}`
    }
    case 'rename_onto_dropped': {
      // Drop a column, and rename another column (or a relation's) onto its name in the same migration.
      const relationsOfA = new Set(before.tables.find((t) => t.id === table.id)?.relations.map((r) => r.id))
      const others = [...columns.filter((x) => x !== column && inA(table, x.id)), ...table.relations.filter((r) => relationsOfA.has(r.id))]
      if (column === undefined || !inA(table, column.id) || others.length === 0 || !droppable(column)) return undefined
      const renamed = others[c % others.length]
      // An embedded column's name starts with the prefix: it takes the name of another embedded column only.
      if (isEmbedded(table, column.id) !== ('name' in renamed && isEmbedded(table, renamed.id))) return undefined
      forgetColumn(table, column.id)
      const from = 'name' in renamed ? renamed.name : renamed.columnName
      if ('name' in renamed) renamed.name = column.name
      else renamed.columnName = column.name
      return `drop column ${label}.${column.name}, rename column ${from} to it`
    }
    case 'rename_column': {
      if (column === undefined) return renameRelationColumn(dialect, table, c, renameTaken())
      const from = column.name
      column.name = table.embedded !== undefined && isEmbedded(table, column.id) ? freshEmbeddedName(table.embedded.prefix, c, renameTaken()) : freshName(namesFor('column', dialect), c, renameTaken())
      return `rename column ${label}.${from} to ${column.name}`
    }
    case 'retype': {
      if (column === undefined) return undefined
      const from = describeType(column)
      if (column.kind === 'int') column.kind = 'bigint'
      else if (column.kind === 'varchar' && c % 3 === 0 && (indexableKindsOf(dialect).includes('text') || !indexed(table, column.id))) { column.kind = 'text'; delete column.length }
      else if (column.kind === 'varchar') column.length = [10, 20, 40, 80].filter((n) => n !== column.length)[c % 3]
      else if (column.kind === 'numeric' && c % 2 === 0) column.precision = column.precision! + 2
      else if (column.kind === 'numeric') column.scale = (column.scale ?? 2) === 2 ? 3 : 2
      else if (column.kind === 'timestamp' && dialect === 'postgres' && c % 3 === 1) column.timePrecision = [undefined, 0, 3, 6].filter((p) => p !== column.timePrecision)[Math.floor(c / 3) % 3]
      else if (column.kind === 'timestamp' && dialect === 'postgres' && column.defaultVariant !== 1) { column.kind = 'timestamptz'; delete column.timePrecision }
      else if (column.kind === 'timestamptz' && dialect === 'postgres' && column.defaultVariant !== 1) column.kind = 'timestamp'
      else if (column.kind === 'tinyint' && dialect === 'mariadb') column.unsigned = !column.unsigned
      else if (column.kind === 'tinyint') column.kind = 'int'
      else if (column.kind === 'enum' && column.defaultVariant === undefined && dialect !== 'sqlite') { column.kind = 'sharedEnum'; delete column.labels }
      else if (column.kind === 'sharedEnum' && column.defaultVariant === undefined) { column.kind = 'enum'; column.labels = ['a', 'b', 'c'] }
      else if (column.kind === 'enum' && !table.checks.some((x) => checkColumns(x).includes(column.id))) { column.kind = 'varchar'; column.length = 40; delete column.labels }
      else if (column.kind === 'char' && c % 2 === 0) column.length = [10, 20, 40].filter((n) => n !== column.length)[Math.floor(c / 2) % 2]
      else if (column.kind === 'char') { column.kind = 'varchar'; column.length = 40 }
      else if (column.kind === 'decimal' && column.defaultVariant !== 1) { column.kind = 'numeric'; column.precision = 10 }
      else if (column.kind === 'boolean') column.kind = 'int'
      else if (column.kind === 'serial') column.kind = 'identity'
      else if (column.kind === 'identity') column.kind = 'serial'
      else if (column.kind === 'date' && dialect === 'postgres' && column.defaultVariant === undefined && c % 2 === 0) column.kind = 'timestamp'
      else if (column.kind === 'bigint' && !table.checks.some((x) => checkColumns(x).includes(column.id)) && column.defaultVariant === undefined && !columns.some((x) => x.source === column.id)) { column.kind = 'varchar'; column.length = 40 }
      else return undefined
      return `retype ${label}.${column.name} from ${from} to ${describeType(column)}`
    }
    case 'nullability': {
      if (column === undefined || column.kind === 'generated' || alwaysFilled.includes(column.kind)) return undefined
      // A column this migration adds stays nullable or has a default: A's rows have no value for it.
      if (column.nullable && !inA(table, column.id) && column.defaultVariant === undefined && table.rows > 0) return undefined
      column.nullable = !column.nullable
      if (column.nullable) delete column.heldNulls
      return `${label}.${column.name} ${column.nullable ? 'NULL' : 'NOT NULL'}`
    }
    case 'not_null_over_nulls': {
      // A column of A made NOT NULL while rows hold NULL in it (every third row): the migration must fail. Not
      // a column of a single-table child, nor a delete date, which TypeORM keeps nullable; nor one an earlier edit
      // made nullable, which A's rows hold no NULL in; nor MariaDB's update date, which the server fills in as the
      // rows' relations are set (ON UPDATE CURRENT_TIMESTAMP).
      const tableBefore = before.tables.find((t) => t.id === table.id)
      const rows = tableBefore?.rows ?? 0
      const nullableInA = tableBefore?.columns.find((c) => c.id === column?.id)?.nullable === true
      const filledOnUpdate = dialect === 'mariadb' && column?.kind === 'updateDate'
      if (column === undefined || !column.nullable || !nullableInA || rows < 3 || column.kind === 'generated' || column.kind === 'deleteDate' || filledOnUpdate || table.childColumns?.includes(column.id)) return undefined
      column.nullable = false
      column.heldNulls = true
      return `${label}.${column.name} NOT NULL over NULLs`
    }
    case 'default': {
      if (column === undefined || defaultVariants(column.kind) === 0) return undefined
      if (column.defaultVariant !== undefined && c % 3 === 2) {
        if (!column.nullable) return undefined
        delete column.defaultVariant
      } else {
        const n = defaultVariants(column.kind)
        const to = column.defaultVariant === undefined ? c % n : (column.defaultVariant + 1 + (c % (n - 1))) % n
        column.defaultVariant = to
      }
      return `default of ${label}.${column.name} to ${column.defaultVariant ?? 'none'}`
    }
    case 'add_index': {
      const unique = c % 2 === 0
      const fulltext = !unique && c % 3 === 0 && hasFulltextIndexes(dialect)
      const kinds = fulltext ? fulltextKinds : unique ? distinctKindsOf(dialect) : indexableKindsOf(dialect)
      const allowed = columns.filter((x) => kinds.includes(x.kind) && (!unique || inA(table, x.id)))
      if (allowed.length === 0) return undefined
      const cols = [...new Set([allowed[b % allowed.length].id, allowed[c % allowed.length].id])]
      const id = ids.take()
      const index = {
        id, columns: cols, unique, partial: c % 3 === 0 && hasPartialIndexes(dialect), ...(fulltext && { fulltext }), ...(c % 4 === 1 && { name: `ix ${table.name} ${id}` }),
      }
      if (!namedApart(index, table.indexes)) return undefined
      table.indexes.push(index)
      return `add ${fulltext ? 'fulltext ' : ''}index ${label}(${cols.join(',')})`
    }
    case 'drop_index': return dropOne(table.indexes, b, `drop index of ${label}`)
    case 'add_unique': {
      const allowed = columns.filter((x) => distinctKindsOf(dialect).includes(x.kind) && inA(table, x.id))
      if (allowed.length === 0) return undefined
      const cols = [...new Set([allowed[b % allowed.length].id, ...(c % 2 === 0 ? [allowed[c % allowed.length].id] : [])])]
      table.uniques.push({ id: ids.take(), columns: cols })
      return `add unique ${label}(${cols.join(',')})`
    }
    case 'drop_unique': return dropOne(table.uniques, b, `drop unique of ${label}`)
    case 'add_check': {
      const allowed = columns.filter((x) => checkableKinds.includes(x.kind))
      if (allowed.length === 0) return undefined
      const target = allowed[b % allowed.length]
      if (table.checks.some((x) => x.column === target.id && x.other === undefined)) return undefined
      // One of three reads a second column too.
      const other = c % 3 === 2 ? allowed.filter((x) => x !== target)[c % Math.max(1, allowed.length - 1)] : undefined
      table.checks.push({ id: ids.take(), column: target.id, ...(other !== undefined && { other: other.id }) })
      return `add check ${label}.${target.name}${other === undefined ? '' : ` or ${other.name}`} >= 0`
    }
    case 'drop_check': return dropOne(table.checks, b, `drop check of ${label}`)
    case 'add_exclusion': {
      if (columns.length === 0) return undefined
      const target = columns[b % columns.length]
      table.exclusions = [...(table.exclusions ?? []), { id: ids.take(), column: target.id }]
      return `add exclusion ${label} where ${target.name} is not null`
    }
    case 'drop_exclusion': {
      const exclusions = [...(table.exclusions ?? [])]
      const text = dropOne(exclusions, b, `drop exclusion of ${label}`)
      table.exclusions = exclusions
      return text
    }
    case 'add_relation': {
      // One of three may point at the table itself or a later one (a cycle).
      const targets = tables.filter((t) => t.id < table.id || c % 3 === 2)
      if (targets.length === 0) return undefined
      // Under the name of a dropped column it is that column, its values kept: on a table with rows they
      // would reference no row, and the migration fails (ADD_FOREIGN_KEY says so).
      const withRows = (before.tables.find((t) => t.id === table.id)?.rows ?? 0) > 0
      const columnName = freshName(namesFor('column', dialect), c, new Set([...takenColumns(), ...(withRows ? namesDroppedFromA() : []), ...namesRenamedOntoDropped()]))
      const target = targets[b % targets.length]
      const actions = ['CASCADE', 'SET NULL', 'NO ACTION', 'RESTRICT'] as const
      const seed = {
        target: 0, name: 0, onDelete: actions[c % 4], oneToOne: b % 3 === 0, ...(b % 4 === 1 && { onUpdate: actions[b % 4] }),
        ...(c % 5 === 1 && { deferrable: 'INITIALLY DEFERRED' as const }), ...(c % 5 === 3 && { unique: b }),
      }
      table.relations.push(newRelation(dialect, ids, seed, target as TableSpec, columnName))
      return `add relation ${label}.${columnName} -> ${target.name}`
    }
    case 'drop_relation': return dropOne(table.relations, b, `drop relation of ${label}`)
    case 'retarget_relation': {
      // The relation points at another table (its column keeps its name and takes the new key's type). Not from
      // or to a composite key: its `k2` column would come or go, and `down` bring it back empty.
      const relation = table.relations[b % Math.max(1, table.relations.length)]
      const compositeTarget = (id: number) => tables.find((t) => t.id === id)?.compositeKey === true
      if (relation === undefined || compositeTarget(relation.target)) return undefined
      const targets = tables.filter((t) => t.id !== relation.target && t.compositeKey !== true)
      if (targets.length === 0) return undefined
      const target = targets[c % targets.length]
      const seed = {
        target: 0, name: 0, onDelete: relation.onDelete, oneToOne: relation.oneToOne === true, ...(relation.onUpdate !== undefined && { onUpdate: relation.onUpdate }),
        ...(relation.deferrable !== undefined && { deferrable: relation.deferrable }), ...(c % 3 === 1 && { unique: b }),
      }
      table.relations[table.relations.indexOf(relation)] = { ...newRelation(dialect, ids, seed, target as TableSpec, relation.columnName), id: relation.id }
      return `relation ${label}.${relation.columnName} retargeted at ${target.name}`
    }
    case 'embedded_prefix': {
      // The embedded's prefix changes: TypeORM renames each of its columns (stated with --rename).
      const embedded = table.embedded
      if (embedded === undefined) return undefined
      const prefix = embeddedPrefixes.filter((p) => p !== embedded.prefix)[c % (embeddedPrefixes.length - 1)]!
      const renamed = columns.filter((x) => isEmbedded(table, x.id)).map((x) => [x, `${prefix}${x.name.slice(embedded.prefix.length)}`] as const)
      const taken = renameTaken()
      if (renamed.some(([, name]) => taken.has(name))) return undefined
      for (const [x, name] of renamed) x.name = name
      table.embedded = { ...embedded, prefix }
      return `embedded prefix of ${label} from ${embedded.prefix} to ${prefix}`
    }
    case 'rename_together': {
      // One migration renames a table, a column of it, and points one of its relations (or one to it) elsewhere.
      const pointing = tables.findIndex((t) => t.relations.some((r) => r.target === table.id))
      const done = [
        applyEdit(dialect, schema, ids, { kind: 'rename_table', a, b, c }, inA, uniqueInA, before),
        applyEdit(dialect, schema, ids, { kind: 'rename_column', a, b, c: c + 1 }, inA, uniqueInA, before),
        table.relations.length > 0 || pointing < 0
          ? applyEdit(dialect, schema, ids, { kind: 'retarget_relation', a, b, c }, inA, uniqueInA, before)
          : applyEdit(dialect, schema, ids, { kind: 'retarget_relation', a: pointing, b: tables[pointing]!.relations.findIndex((r) => r.target === table.id), c }, inA, uniqueInA, before),
      ].filter((x) => x !== undefined)
      return done.length === 0 ? undefined : done.join('; ')
    }
    case 'on_update': {
      const relation = table.relations[b % Math.max(1, table.relations.length)]
      if (relation === undefined) return undefined
      const to = ([undefined, 'CASCADE', 'SET NULL', 'NO ACTION', 'RESTRICT'] as const).filter((x) => x !== relation.onUpdate)[c % 4]
      if (to === undefined) delete relation.onUpdate
      else relation.onUpdate = to
      return `on update ${to ?? 'default'} for ${label}.${relation.columnName}`
    }
    case 'deferrable': {
      const relation = table.relations[b % Math.max(1, table.relations.length)]
      if (relation === undefined || dialect !== 'postgres') return undefined
      const to = ([undefined, 'INITIALLY DEFERRED', 'INITIALLY IMMEDIATE'] as const).filter((x) => x !== relation.deferrable)[c % 2]
      if (to === undefined) delete relation.deferrable
      else relation.deferrable = to
      return `${label}.${relation.columnName} ${to ?? 'not deferrable'}`
    }
    case 'move_schema': {
      // PostgreSQL leaves a moved table's enum types behind, and a type another table uses too stays (see README).
      if (dialect !== 'postgres' || columns.some((x) => x.kind === 'sharedEnum' || x.kind === 'sharedEnumArray')) return undefined
      if (table.schema === undefined) table.schema = otherSchema
      else delete table.schema
      return `move ${label} to ${table.schema ?? 'public'}`
    }
    case 'referenced_column': {
      // The unique column a relation of another table (or of this one) references is retyped or renamed.
      const referenced = columns.filter((x) => tables.some((t) => t.relations.some((r) => r.target === table.id && r.toColumn === x.id)))
      if (referenced.length === 0) return undefined
      const target = referenced[b % referenced.length]
      if (c % 2 === 0) return applyEdit(dialect, schema, ids, { kind: 'rename_column', a, b: columns.indexOf(target), c }, inA, uniqueInA, before)
      return applyEdit(dialect, schema, ids, { kind: 'retype', a, b: columns.indexOf(target), c: Math.floor(c / 2) }, inA, uniqueInA, before)
    }
    case 'index_order': {
      // The columns of an index or unique in another order: TypeORM derives the same name (it sorts them).
      const multi = [...table.indexes, ...table.uniques].filter((x) => x.columns.length > 1)
      if (multi.length === 0) return undefined
      const target = multi[b % multi.length]
      target.columns = [...target.columns].reverse()
      return `columns of ${'unique' in target ? 'index' : 'unique'} ${target.id} of ${label} reversed`
    }
    case 'on_delete': {
      const relation = table.relations[b % Math.max(1, table.relations.length)]
      if (relation === undefined) return undefined
      relation.onDelete = (['CASCADE', 'SET NULL', 'NO ACTION', 'RESTRICT'] as const).filter((x) => x !== relation.onDelete)[c % 3]
      return `on delete ${relation.onDelete} for ${label}.${relation.columnName}`
    }
    case 'enum_labels': {
      const enums = columns.filter((x) => x.kind === 'enum' || x.kind === 'set' || x.kind === 'enumArray')
      if (enums.length === 0) return undefined
      const target = enums[b % enums.length]
      const options = [['a', 'b', 'c', 'd'], ['a', 'b'], ['a', 'b', 'd', 'c']].filter((l) => l.join() !== target.labels!.join())
      target.labels = options[c % options.length]
      target.renamedLabels = undefined
      return `labels of ${label}.${target.name} to ${target.labels.join(',')}`
    }
    case 'rename_label': {
      // Rows, defaults and checks use `a` and `b`: another label is renamed, its case alone in some cases.
      const enums = columns.filter((x) => (x.kind === 'enum' || x.kind === 'enumArray') && x.labels!.some((l) => l !== 'a' && l !== 'b'))
      if (enums.length === 0) return undefined
      const target = enums[b % enums.length]
      const renamable = target.labels!.filter((l) => l !== 'a' && l !== 'b')
      const from = renamable[c % renamable.length]
      const names = [`${from}2`, from.toUpperCase(), `${from} x`, `${from}'q`].filter((l) => !target.labels!.includes(l))
      const to = names[c % names.length]
      if (to === undefined) return undefined
      target.labels = target.labels!.map((l) => (l === from ? to : l))
      // A label renamed again is one rename from A's label; one renamed back is none.
      const earlier = (target.renamedLabels ?? []).find(([, renamed]) => renamed === from)
      const renames = (target.renamedLabels ?? []).filter((r) => r !== earlier)
      const original = earlier?.[0] ?? from
      target.renamedLabels = original === to ? renames : [...renames, [original, to]]
      return `label ${from} of ${label}.${target.name} renamed to ${to}`
    }
    case 'collation': {
      const targets = columns.filter((x) => x.kind === 'collated')
      if (targets.length === 0) return undefined
      const target = targets[b % targets.length]
      // MariaDB: three collations and two charsets alone.
      const variants = dialect === 'mariadb' ? 5 : 2
      target.collation = ((target.collation ?? 0) + 1 + (c % (variants - 1))) % variants
      return `collation of ${label}.${target.name} to ${target.collation}`
    }
    case 'shared_enum_labels': {
      const cur = (schema as { sharedLabels?: string[] }).sharedLabels ?? ['a', 'b', 'c']
      const options = [['a', 'b', 'c', 'd'], ['a', 'b'], ['a', 'b', 'd', 'c'], ['b', 'a', 'c'], ['a', 'b', 'x'], ['z', 'a', 'b', 'c']].filter((l) => l.join() !== cur.join())
      ;(schema as { sharedLabels?: string[] }).sharedLabels = options[c % options.length]
      return `shared labels to ${options[c % options.length].join(',')}`
    }
    case 'rename_table': {
      const from = table.name
      table.name = freshName(namesFor('table', dialect), c, new Set([...tables, ...before.tables].map((t) => t.name)))
      return `rename table ${from} to ${table.name}`
    }
    case 'drop_table': {
      // With no entity at all, generate stops (an entities option that loads nothing is a mistake).
      if (tables.length === 1) return undefined
      dropTable(schema, table)
      return `drop table ${label}`
    }
    case 'replace_table': {
      // The tool sees one table under one name and alters its columns, also between types PostgreSQL has no
      // cast between (integer to uuid): that converts an empty table only, so tables with rows are not replaced.
      if ((before.tables.find((t) => t.id === table.id)?.rows ?? 0) > 0) return undefined
      dropTable(schema, table)
      const replacement = newTable(dialect, ids, table.name, newTableSeed(b, c, b + c), schema.tables) as MTable
      // Its columns take the old columns' names, so that their types change in place.
      replacement.columns.forEach((column, k) => {
        const old = table.columns[k]
        const taken = [...replacement.columns.map((x) => x.name), ...replacement.relations.map((r) => r.columnName)]
        if (old !== undefined && !taken.includes(old.name)) column.name = old.name
      })
      schema.tables.push(replacement)
      return `replace table ${label} (${table.primaryKey} key) by one with a ${replacement.primaryKey} key`
    }
    case 'retype_key': {
      // A serial key made an identity one (or back) keeps its values, on a table with rows too.
      const swapped = ({ increment: 'identity', identity: 'increment' } as const)[table.primaryKey as 'increment' | 'identity']
      if (swapped !== undefined && dialect === 'postgres' && c % 2 === 0) {
        const from = table.primaryKey
        table.primaryKey = swapped
        return `key of ${label} from ${from} to ${swapped}`
      }
      // The key changes type with the columns of the relations that point at it: on an empty table only (no cast
      // turns a uuid into an integer), whose references are then all NULL.
      if ((before.tables.find((t) => t.id === table.id)?.rows ?? 0) > 0) return undefined
      const from = table.primaryKey
      table.primaryKey = keyKindOn(dialect, (['increment', 'int', 'uuid', 'identity'] as const).filter((k) => k !== from)[b % 3]!)
      if (table.compositeKey === true && !compositeKeyAllowed(dialect, table.primaryKey)) table.primaryKey = from
      if (table.primaryKey === from) return undefined
      if (table.primaryKey === 'uuid') delete table.bigKey
      return `retype the key of ${label} from ${from} to ${table.primaryKey}`
    }
    case 'key_width': {
      // int <-> bigint, with the columns of the relations and junctions that reference the key: rows keep their values.
      if (table.primaryKey === 'uuid') return undefined
      if (table.bigKey === true) delete table.bigKey
      else table.bigKey = true
      return `key of ${label} made ${table.bigKey === true ? 'bigint' : 'int'}`
    }
    case 'add_many_to_many': {
      const targets = tables.filter((t) => t.id < table.id && !table.manyToMany.some((m) => m.target === t.id) && t.compositeKey !== true)
      if (targets.length === 0 || table.compositeKey === true) return undefined
      const target = targets[b % targets.length]
      table.manyToMany.push({ id: ids.take(), target: target.id })
      return `add many-to-many ${label} -> ${target.name}`
    }
    case 'drop_many_to_many': return dropOne(table.manyToMany, b, `drop many-to-many of ${label}`)
    case 'add_generated': {
      const added = newGeneratedColumn(dialect, ids, columns, b, takenByAdded()) as MColumn | undefined
      if (added === undefined) return undefined
      columns.push(added)
      return `add generated column ${label}.${added.name}`
    }
    case 'comment': {
      if (column === undefined) return undefined
      const options = [undefined, ...comments].filter((x) => x !== column.comment)
      column.comment = options[c % options.length]
      if (column.comment === undefined) delete column.comment
      return `comment of ${label}.${column.name} to ${column.comment ?? 'none'}`
    }
    case 'one_to_one': {
      const relation = table.relations[b % Math.max(1, table.relations.length)]
      if (relation === undefined) return undefined
      if (relation.oneToOne === true) delete relation.oneToOne
      else relation.oneToOne = true
      return `${label}.${relation.columnName} ${relation.oneToOne === true ? 'one-to-one' : 'many-to-one'}`
    }
    case 'single_table': {
      // The discriminator column is NOT NULL without a default: added to or dropped from a table without rows only.
      if ((before.tables.find((t) => t.id === table.id)?.rows ?? 0) > 0) return undefined
      if (table.childColumns !== undefined) delete table.childColumns
      else table.childColumns = column === undefined || isEmbedded(table, column.id) || column.heldNulls === true ? [] : [column.id]
      return `${label} ${table.childColumns === undefined ? 'without' : 'with'} a single-table child`
    }
    case 'child_column': {
      if (table.childColumns === undefined || column === undefined || isEmbedded(table, column.id) || column.heldNulls === true) return undefined
      const moved = table.childColumns.includes(column.id)
      table.childColumns = moved ? table.childColumns.filter((x) => x !== column.id) : [...table.childColumns, column.id]
      return `${label}.${column.name} moved to the ${moved ? 'parent' : 'child'} entity`
    }
    case 'composite_key': {
      // The key's columns change under the foreign keys and junctions that reference it: only where none does.
      const referenced = tables.some((t) => t.relations.some((r) => r.target === table.id) || t.manyToMany.some((m) => m.target === table.id))
      if (referenced || table.manyToMany.length > 0 || !compositeKeyAllowed(dialect, table.primaryKey)) return undefined
      if (table.compositeKey === true) delete table.compositeKey
      else table.compositeKey = true
      return `key of ${label} ${table.compositeKey === true ? '(id, k2)' : '(id)'}`
    }
  }
}

/** withoutLostReferences drops the relations whose referenced unique column is gone, or its unique. */
function withoutLostReferences(schema: { tables: MTable[] }): void {
  for (const table of schema.tables) {
    table.relations = table.relations.filter((r) => {
      const target = schema.tables.find((t) => t.id === r.target)
      return r.toColumn === undefined || (target !== undefined && target.columns.some((c) => c.id === r.toColumn) && target.uniques.some((u) => u.columns.length === 1 && u.columns[0] === r.toColumn))
    })
  }
}

/**
 * withViewsOfTheirTables drops the views of tables B drops, and from views the columns B drops; then the views over
 * a view B drops, and from views over a view the columns it no longer selects.
 */
function withViewsOfTheirTables(schema: SchemaSpec): SchemaSpec {
  const ofTables = (schema.views ?? []).flatMap((view) => {
    const table = schema.tables.find((t) => t.id === view.table)
    return table === undefined ? [] : [{ ...view, columns: view.columns.filter((id) => table.columns.some((c) => c.id === id)) }]
  })
  const views = ofTables.flatMap((view) => {
    if (view.over === undefined) return [view]
    const base = ofTables.find((v) => v.id === view.over)
    return base === undefined ? [] : [{ ...view, columns: view.columns.filter((id) => base.columns.includes(id)) }]
  })
  const { views: _, ...rest } = schema
  return views.length > 0 ? { ...rest, views } : rest
}

/** newTableSeed is the seed of a table an edit adds: one nullable column, a relation to an earlier table. */
function newTableSeed(a: number, b: number, c: number): TableSeed {
  return {
    name: a, primaryKey: (['increment', 'int', 'uuid'] as const)[b % 3], compositeKey: c % 4 === 1,
    columns: [{ name: b, kind: c, length: 20, precision: 10, nullable: true, defaultVariant: undefined }, { name: c, kind: b + 1, length: 40, precision: 6, nullable: true, defaultVariant: c % 2 }],
    indexes: [], uniques: [], checks: [], relations: [{ target: b, name: c + 1, onDelete: 'CASCADE', oneToOne: a % 3 === 0 }], manyToMany: [], rows: 0,
  }
}

/** dropTable drops a table with the relations and many-to-manys that point at it. */
function dropTable(schema: { tables: MTable[] }, table: MTable): void {
  schema.tables = schema.tables.filter((t) => t !== table)
  for (const t of schema.tables) {
    t.relations = t.relations.filter((r) => r.target !== table.id)
    t.manyToMany = t.manyToMany.filter((m) => m.target !== table.id)
  }
}

/** indexed says whether an index or unique of a table covers a column. */
function indexed(table: MTable, columnId: number): boolean {
  return [...table.indexes, ...table.uniques].some((i) => i.columns.includes(columnId))
}

function renameRelationColumn(dialect: FuzzDialect, table: MTable, c: number, taken: ReadonlySet<string>): string | undefined {
  const relation = table.relations[c % Math.max(1, table.relations.length)]
  if (relation === undefined) return undefined
  const from = relation.columnName
  relation.columnName = freshName(namesFor('column', dialect), c, taken)
  return `rename column ${table.name}.${from} to ${relation.columnName}`
}

function dropOne<T>(list: T[], pick: number, text: string): string | undefined {
  if (list.length === 0) return undefined
  list.splice(pick % list.length, 1)
  return text
}

/** forgetColumn drops a column with every index, unique and check that uses it. */
function forgetColumn(table: MTable, id: number): void {
  for (const generated of table.columns.filter((c) => c.source === id)) forgetColumn(table, generated.id)
  table.columns = table.columns.filter((c) => c.id !== id)
  table.indexes = table.indexes.filter((i) => !i.columns.includes(id))
  table.uniques = table.uniques.filter((u) => !u.columns.includes(id))
  table.checks = table.checks.filter((c) => !checkColumns(c).includes(id))
  if (table.exclusions !== undefined) table.exclusions = table.exclusions.filter((x) => x.column !== id)
  if (table.childColumns !== undefined) table.childColumns = table.childColumns.filter((c) => c !== id)
  if (table.embedded !== undefined) table.embedded = { ...table.embedded, columns: table.embedded.columns.filter((c) => c !== id) }
}

function describeType(column: ColumnSpec): string {
  if (column.kind === 'varchar' || column.kind === 'char') return `${column.kind}(${column.length})`
  if (column.kind === 'numeric') return `numeric(${column.precision},${column.scale ?? 2})`
  if (column.kind === 'tinyint') return `tinyint${column.unsigned ? ' unsigned' : ''}`
  if (column.kind === 'timestamp' && column.timePrecision !== undefined) return `timestamp(${column.timePrecision})`
  return column.kind
}
