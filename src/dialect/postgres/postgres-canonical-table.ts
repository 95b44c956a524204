import { repeatsPrimaryKey } from '../../model/primary-key-unique'
import { compareText } from '../../model/qualified-name'
import type { CheckModel, ExclusionModel, ForeignKeyModel, TableModel } from '../../model/schema-model'
import { withComment } from '../stored-comment'
import { canonicalColumn } from './postgres-canonical-column'
import { canonicalIndex } from './postgres-canonical-index'
import { canonicalExclusion } from './postgres-exclusion-parts'
import { canonicalExpression } from './postgres-expressions'

/**
 * canonicalTable applies the canonical rules to a whole table (both sides): columns through
 * `canonicalColumn`, expressions through `canonicalExpression` (their own text kept to be written), every
 * list sorted by name. A unique on the primary key's columns is the key's own: CREATE TABLE makes one index
 * for both (an ALTER TABLE would add a second, which is left alone).
 */
export function canonicalTable(table: TableModel): TableModel {
  return {
    ...(table.schema !== undefined && { schema: table.schema }),
    name: table.name,
    columns: table.columns.map(canonicalColumn),
    ...(table.primaryKey !== undefined && { primaryKey: table.primaryKey }),
    indexes: byName(table.indexes.map(canonicalIndex)),
    uniques: byName(table.uniques.filter((u) => !(repeatsPrimaryKey(u, table) && u.deferrable === undefined))),
    foreignKeys: byName(table.foreignKeys.map(canonicalForeignKey)),
    checks: byName(table.checks.map(canonicalCheck)),
    ...(table.exclusions !== undefined && table.exclusions.length > 0 && { exclusions: byName(table.exclusions.map(canonicalExclusionModel)) }),
    ...withComment(table.comment),
    ...(table.commentUndeclarable === true && { commentUndeclarable: true as const }),
    ...(table.triggers !== undefined && { triggers: table.triggers }),
    ...(table.policies !== undefined && { policies: table.policies }),
    ...(table.replicaIdentity !== undefined && { replicaIdentity: table.replicaIdentity }),
    ...(table.unlogged === true && { unlogged: true }),
    ...(table.partitioning !== undefined && { partitioning: table.partitioning }),
    ...(table.inherits !== undefined && { inherits: table.inherits }),
  }
}

function canonicalCheck(check: CheckModel): CheckModel {
  return {
    name: check.name, expression: canonicalExpression(check.expression), expressionSql: check.expressionSql ?? check.expression.trim(),
    ...(check.inherited === true && { inherited: true }),
  }
}

function canonicalExclusionModel(exclusion: ExclusionModel): ExclusionModel {
  return { name: exclusion.name, definition: canonicalExclusion(exclusion.definition), definitionSql: exclusion.definitionSql ?? exclusion.definition.trim() }
}

function canonicalForeignKey(fk: ForeignKeyModel): ForeignKeyModel {
  return {
    ...fk,
    onDelete: fk.onDelete.toUpperCase() as ForeignKeyModel['onDelete'],
    onUpdate: fk.onUpdate.toUpperCase() as ForeignKeyModel['onUpdate'],
  }
}

function byName<T extends { readonly name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareText(a.name, b.name))
}
