import type { IndexModel, QualifiedName } from '../model/schema-model'
import type { CreateIndex, DropIndex, RenameIndex } from '../operations/operation'
import { indexKey } from './constraint-keys'
import { matchByDefinition } from './match-by-definition'

/** IndexOperation is an operation on one index. */
export type IndexOperation = DropIndex | CreateIndex | RenameIndex

/**
 * diffIndexes lists the operations that turn the `actual` indexes of the table or materialized view `on` into
 * the `desired` ones. Indexes are matched by definition (indexKey), never by name: a changed definition is a
 * drop and a create, and so is one `remade` says the change of a column makes again (see retypedPredicates);
 * one that differs only in its name is renamed when `renameObjects` says so, or left as it is.
 */
export function diffIndexes(
  on: QualifiedName,
  actual: readonly IndexModel[],
  desired: readonly IndexModel[],
  renameObjects: boolean,
  remade: (actual: IndexModel, desired: IndexModel) => boolean = () => false,
): IndexOperation[] {
  const indexes = matchByDefinition(actual, desired, indexKey)
  const [again, kept] = [indexes.both.filter((p) => remade(p.actual, p.desired)), indexes.both.filter((p) => !remade(p.actual, p.desired))]
  return [
    ...[...indexes.removed, ...again.map((p) => p.actual)].map((index): IndexOperation => ({ kind: 'drop_index', table: on, index })),
    ...[...indexes.added, ...again.map((p) => p.desired)].map((index): IndexOperation => ({ kind: 'create_index', table: on, index })),
    ...kept.flatMap(({ actual: index, desired: wanted }): IndexOperation[] =>
      index.name !== wanted.name && renameObjects ? [{ kind: 'rename_index', table: on, from: index.name, to: wanted.name, index }] : []),
  ]
}
