import type { ColumnModel, TableModel } from '../../model/schema-model'

/*
 * MySQL and MariaDB (InnoDB) want an AUTO_INCREMENT column to lead an index at the end of every ALTER ("there can
 * be only one auto column and it must be defined as a key"). A migration that changes a table's primary key and
 * its AUTO_INCREMENT column in ALTERs of their own (a change between uuid and an integer goes through a varchar,
 * which splits them) carries the column's AUTO_INCREMENT with the key: taken away in the ALTER that leaves it
 * without one, and given back in the ALTER that gives it one.
 */

/** IncrementRedefinitions are the AUTO_INCREMENT columns one ALTER must redefine: held back until keyed, or given back. */
export interface IncrementRedefinitions {
  /** Columns that lead no index at the end of the ALTER: redefined without AUTO_INCREMENT. */
  readonly held: readonly ColumnModel[]
  /** Columns held back before, led an index at the end of the ALTER: redefined whole. */
  readonly given: readonly ColumnModel[]
}

/**
 * incrementRedefinitions says which AUTO_INCREMENT columns of `after` (the table as the ALTER leaves it in the
 * migration's model) the ALTER must redefine, given the columns `waiting` for a key (held back by an earlier ALTER
 * of the table), which it updates. `definedHere` is the definition the ALTER itself gives a column, where it
 * redefines it: a column the model has reach its type in two steps, the first of them without AUTO_INCREMENT.
 */
export function incrementRedefinitions(after: TableModel, waiting: Set<string>, definedHere: (column: string) => ColumnModel | undefined): IncrementRedefinitions {
  const held: ColumnModel[] = []
  const given: ColumnModel[] = []
  for (const name of waiting) if (!after.columns.some((c) => c.name === name && increments(c))) waiting.delete(name)
  for (const modelled of after.columns.filter(increments)) {
    const own = definedHere(modelled.name)
    if (!leadsAnIndex(after, modelled.name)) {
      if (increments(own ?? modelled)) held.push(withoutIncrement(own ?? modelled))
      waiting.add(modelled.name)
    } else if (waiting.has(modelled.name) && (own === undefined || increments(own))) {
      // A column the ALTER takes through a step of its type (own, without AUTO_INCREMENT) waits for its last.
      if (own === undefined) given.push(modelled)
      waiting.delete(modelled.name)
    }
  }
  return { held, given }
}

const increments = (column: ColumnModel) => column.generated?.kind === 'increment'

/** leadsAnIndex says whether `column` is the first column of `table`'s primary key, or of one of its indexes or unique keys. */
function leadsAnIndex(table: TableModel, column: string): boolean {
  return table.primaryKey?.columns[0] === column
    || table.indexes.some((index) => index.columns[0] === column)
    || table.uniques.some((unique) => unique.columns[0] === column)
}

function withoutIncrement(column: ColumnModel): ColumnModel {
  const { generated: _generated, ...rest } = column
  return rest
}
