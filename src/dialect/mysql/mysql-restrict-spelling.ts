import { namedIn } from '../../model/qualified-name'
import type { ForeignKeyModel, ReferentialAction, SchemaModel, TableModel } from '../../model/schema-model'

/** A table of the database one of the compared side's tables is compared with, and its columns' former names. */
export interface ComparedTable {
  readonly table: TableModel
  /** Columns renamed by a stated rename: new name -> the database's name. */
  readonly renamed: ReadonlyMap<string, string>
}

/**
 * withServerRestrictSpelling: InnoDB checks `NO ACTION` and `RESTRICT` alike, at once; the server reports
 * `RESTRICT` where the DDL named no action (hand-written SQL, other tools) and `NO ACTION` where it said so
 * (TypeORM). A foreign key whose action is one of the two on the compared side and the other in the database, on the
 * same columns and target, takes the database's spelling: nothing to change. Columns and tables renamed by a
 * stated rename are matched under the names they come from (`referenced`: the target's counterpart).
 */
export function withServerRestrictSpelling(fk: ForeignKeyModel, counterpart: ComparedTable, referenced: ComparedTable | undefined): ForeignKeyModel {
  const actualTable = counterpart.table
  if (actualTable.engine?.toLowerCase() !== 'innodb') return fk
  const columns = fk.columns.map((c) => counterpart.renamed.get(c) ?? c).join('\0')
  const referencedTable = referenced?.table.name ?? fk.referencedTable
  const referencedColumns = fk.referencedColumns.map((c) => referenced?.renamed.get(c) ?? c).join('\0')
  const other = actualTable.foreignKeys.find((o) => o.referencedTable === referencedTable && (o.referencedSchema ?? '') === (fk.referencedSchema ?? '')
    && o.columns.join('\0') === columns && o.referencedColumns.join('\0') === referencedColumns)
  if (other === undefined) return fk
  const settled = (mine: ReferentialAction, theirs: ReferentialAction) => (checkedAtOnce.has(mine) && checkedAtOnce.has(theirs) ? theirs : mine)
  const onDelete = settled(fk.onDelete, other.onDelete)
  const onUpdate = settled(fk.onUpdate, other.onUpdate)
  return onDelete === fk.onDelete && onUpdate === fk.onUpdate ? fk : { ...fk, onDelete, onUpdate }
}

const checkedAtOnce = new Set<ReferentialAction>(['NO ACTION', 'RESTRICT'])

/**
 * withLiveRestrictSpelling: the schema the migrations build (`check --drift`, `stamp`) takes the live database's
 * spelling of each foreign key action InnoDB checks alike (withServerRestrictSpelling), table by table of one name:
 * a key the migrations made `NO ACTION` and hand-written SQL made with no action (`RESTRICT`) is no drift.
 */
export function withLiveRestrictSpelling(reference: SchemaModel, live: SchemaModel): SchemaModel {
  const liveTable = namedIn(live.tables)
  const unrenamed = new Map<string, string>()
  const compared = (table: TableModel | undefined): ComparedTable | undefined => (table === undefined ? undefined : { table, renamed: unrenamed })
  const tables = reference.tables.map((t) => {
    const counterpart = compared(liveTable(t))
    if (counterpart === undefined) return t
    const foreignKeys = t.foreignKeys.map((fk) => withServerRestrictSpelling(fk, counterpart, compared(liveTable({ ...(fk.referencedSchema !== undefined && { schema: fk.referencedSchema }), name: fk.referencedTable }))))
    return foreignKeys.every((fk, k) => fk === t.foreignKeys[k]) ? t : { ...t, foreignKeys }
  })
  return { ...reference, tables }
}
