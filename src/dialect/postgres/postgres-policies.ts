import { compareText } from '../../model/qualified-name'
import type { PolicyModel } from '../../model/schema-model'
import type { ColumnRow } from './postgres-catalog-queries'

/**
 * policiesOf gathers the row-level security policies that read a table's columns from its column rows (each
 * names the policies reading it), each with the columns it reads in their order; none where no policy reads one.
 */
export function policiesOf(columns: readonly ColumnRow[]): { policies?: PolicyModel[] } {
  const reads = new Map<string, string[]>()
  for (const column of [...columns].sort((a, b) => a.position - b.position)) {
    for (const policy of column.policies ?? []) {
      const read = reads.get(policy)
      if (read === undefined) reads.set(policy, [column.name])
      else read.push(column.name)
    }
  }
  if (reads.size === 0) return {}
  return { policies: [...reads].sort(([a], [b]) => compareText(a, b)).map(([name, read]) => ({ name, reads: read })) }
}
