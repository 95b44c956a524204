import type { IndexModel, QualifiedName } from '../model/schema-model'
import type { CreateIndex, DropIndex, RenameIndex } from '../operations/operation'
import { indexKey } from './constraint-keys'
import { matchByDefinition } from './match-by-definition'

/** IndexOperation is an operation on one index. */
export type IndexOperation = DropIndex | CreateIndex | RenameIndex

/**
 * diffIndexes lists the operations that turn the `actual` indexes of the table or materialized view `on` into
 * the `desired` ones. Indexes are matched by definition (indexKey), never by name: a changed definition is a
 * drop and a create; one that differs only in its name is renamed when `renameObjects` says so, or left as it is.
 */
export function diffIndexes(on: QualifiedName, actual: readonly IndexModel[], desired: readonly IndexModel[], renameObjects: boolean): IndexOperation[] {
  const indexes = matchByDefinition(actual, desired, indexKey)
  return [
    ...indexes.removed.map((index): IndexOperation => ({ kind: 'drop_index', table: on, index })),
    ...indexes.added.map((index): IndexOperation => ({ kind: 'create_index', table: on, index })),
    ...indexes.both.flatMap(({ actual: index, desired: wanted }): IndexOperation[] =>
      index.name !== wanted.name && renameObjects ? [{ kind: 'rename_index', table: on, from: index.name, to: wanted.name, index }] : []),
  ]
}
