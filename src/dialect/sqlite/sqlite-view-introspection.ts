import { byQualifiedName, compareText } from '../../model/qualified-name'
import type { ViewModel, ViewSource } from '../../model/schema-model'
import type { MasterRow } from './sqlite-catalog'
import { type SqlToken, nameOf, tokenize } from './sqlite-sql-tokens'

/**
 * readViews reads the views of sqlite_master: SQLite keeps each CREATE VIEW as it was sent, so the
 * definition is the text after its `AS`, and what a view reads is every table or view its text names
 * (SQLite keeps no dependency list; a name that is also a column's only makes the list longer, which costs
 * a needless re-creation at most).
 */
export function readViews(master: readonly MasterRow[], ignored: ReadonlySet<string>): ViewModel[] {
  const relations = new Map(master.filter((m) => m.type !== 'index').map((m) => [m.name.toLowerCase(), m.name]))
  return master
    .filter((m) => m.type === 'view' && !ignored.has(m.name))
    .map((m): ViewModel => {
      const tokens = tokenize(m.sql ?? '')
      const as = tokens.findIndex((t) => t.kind === 'word' && t.value === 'AS')
      const definition = (m.sql ?? '').slice(tokens[as + 1]?.start ?? 0).trim().replace(/;$/, '')
      return { name: m.name, definition, reads: readsOf(tokens.slice(as + 1), relations, m.name) }
    })
    .sort(byQualifiedName)
}

function readsOf(tokens: readonly SqlToken[], relations: ReadonlyMap<string, string>, self: string): ViewSource[] {
  const names = new Set<string>()
  for (const token of tokens) {
    if (token.kind !== 'word' && token.kind !== 'ident') continue
    const found = relations.get(nameOf(token).toLowerCase())
    if (found !== undefined && found !== self) names.add(found)
  }
  return [...names].sort(compareText).map((name) => ({ name }))
}
