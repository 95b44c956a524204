import { nameOf, sameName } from './qualified-name'
import type { QualifiedName, ViewModel, ViewSource } from './schema-model'

/** touches says whether a view's read of `read` is concerned by a change of `changed` (unknown columns: yes). */
export function touches(read: ViewSource, changed: ViewSource): boolean {
  if (!sameName(nameOf(read), nameOf(changed))) return false
  if (read.columns === undefined || changed.columns === undefined) return true
  return read.columns.some((c) => changed.columns!.includes(c))
}

/** readsColumn says whether `view` reads `column` of `table` (any column of it, where the database does not say which). */
export function readsColumn(view: ViewModel, table: QualifiedName, column: string): boolean {
  return view.reads.some((read) => touches(read, { ...nameOf(table), columns: [column] }))
}
