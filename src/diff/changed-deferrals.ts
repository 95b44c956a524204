import type { ForeignKeyModel } from '../model/schema-model'
import { foreignKeyKey } from './constraint-keys'

/** ChangedDeferral is a foreign key, as the database holds it, and the same key with the deferral wanted. */
export interface ChangedDeferral {
  readonly from: ForeignKeyModel
  readonly to: ForeignKeyModel
}

/**
 * changedDeferrals finds, among the foreign keys of one table left to drop (`removed`) and to add (`added`), the
 * keys that keep their name and differ in deferral alone: those change in place, and are no longer dropped and
 * added. The key changed keeps what the database holds (its column order, MATCH FULL) and takes the wanted
 * deferral. A key renamed as well is still dropped and added.
 */
export function changedDeferrals(removed: readonly ForeignKeyModel[], added: readonly ForeignKeyModel[]): {
  readonly changed: readonly ChangedDeferral[]
  readonly removed: readonly ForeignKeyModel[]
  readonly added: readonly ForeignKeyModel[]
} {
  const changed: ChangedDeferral[] = []
  const leftAdded = added.filter((wanted) => {
    const from = removed.find((held) => held.name === wanted.name && withoutDeferral(held) === withoutDeferral(wanted))
    if (from === undefined) return true
    const { deferrable: _held, ...kept } = from
    changed.push({ from, to: wanted.deferrable === undefined ? kept : { ...kept, deferrable: wanted.deferrable } })
    return false
  })
  return { changed, removed: removed.filter((held) => !changed.some((c) => c.from === held)), added: leftAdded }
}

function withoutDeferral(fk: ForeignKeyModel): string {
  return foreignKeyKey({ ...fk, deferrable: undefined })
}
