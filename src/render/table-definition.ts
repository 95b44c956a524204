import { quoteDoubled, quoteLiteral } from '../dialect/quote'
import { compareText } from '../model/qualified-name'
import type { TableModel } from '../model/schema-model'
import { describeColumn, listOfColumns } from './column-text'
import { describeForeignKey, describeIndex, describeUnique, displayName } from './operation-pieces'

/**
 * tableDefinition writes a table as a reviewer reads it, in no dialect: a line for the table, then one per
 * column (in the table's order), the primary key, and each index, unique, foreign key and check (by name),
 * in the words of the change summary, so that two definitions compare line by line.
 */
export function tableDefinition(table: TableModel): string[] {
  const named = <T extends { readonly name: string }>(items: readonly T[]) => [...items].sort((a, b) => compareText(a.name, b.name))
  const options = [
    ...(table.comment === undefined ? [] : [`comment ${quoteLiteral(table.comment)}`]),
    ...(table.withoutRowid === true ? ['without rowid'] : []),
  ]
  const key = table.primaryKey
  return [
    `table ${displayName(table)}${options.length === 0 ? '' : ` ${options.join(' ')}`}`,
    ...table.columns.map((c) => `  column ${quoteDoubled(c.name)} ${describeColumn(c)}`),
    ...(key === undefined ? [] : [`  primary key ${key.name === undefined ? '' : `${quoteDoubled(key.name)} `}${listOfColumns(key.columns)}`]),
    ...named(table.indexes).map((i) => `  index ${quoteDoubled(i.name)} ${describeIndex(i)}`),
    ...named(table.uniques).map((u) => `  unique ${quoteDoubled(u.name)} ${describeUnique(u)}`),
    ...named(table.foreignKeys).map((f) => `  foreign key ${quoteDoubled(f.name)} ${describeForeignKey(f)}`),
    ...named(table.checks).map((c) => `  check ${quoteDoubled(c.name)} (${c.expression})`),
  ]
}
