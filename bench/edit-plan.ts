import type { EntityEdits } from './entity-source'

/** editedEntityCount and droppedEntityCount size the fixed set of edits made after the in-sync check. */
export const editedEntityCount = 10
export const droppedEntityCount = 5

/**
 * editPlan spreads the fixed edits over `n` entities: ten entities each get a new column, a wider varchar,
 * a changed default and a new index; five others lose a column. Returned as entity index -> edits.
 */
export function editPlan(n: number): ReadonlyMap<number, EntityEdits> {
  const plan = new Map<number, EntityEdits>()
  for (let k = 0; k < editedEntityCount; k++) {
    const i = Math.floor((k * n) / editedEntityCount) + Math.floor(n / (2 * editedEntityCount))
    plan.set(i, { addColumn: true, widenVarchar: true, changeDefault: true, addIndex: true })
  }
  for (let k = 0; k < droppedEntityCount; k++) {
    let i = Math.floor(((k + 0.5) * n) / droppedEntityCount)
    while (plan.has(i)) i++
    if (i >= n) throw new Error(`bench: ${n} entities are too few for the edit plan`)
    plan.set(i, { dropColumn: true })
  }
  return plan
}

/** editSummary says in words what editPlan does, for the report. */
export const editSummary =
  `in ${editedEntityCount} entities: add a nullable integer column, widen a varchar(200) to varchar(255), ` +
  `change an integer default 0 -> 1, add an index; in ${droppedEntityCount} other entities: drop a text column`

/** wideEdits change every entity at once, as a refactoring does: a wider varchar and another ON DELETE of its foreign key. */
export const wideEdits: EntityEdits = { widenVarchar: true, changeOnDelete: true }

/** wideEditSummary says in words what wideEdits do, for the report. */
export const wideEditSummary = 'in every entity: widen a varchar(200) to varchar(255) and change its foreign key from ON DELETE CASCADE to SET NULL'
