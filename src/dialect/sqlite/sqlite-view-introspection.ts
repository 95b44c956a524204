import { byQualifiedName, compareText } from '../../model/qualified-name'
import type { ViewModel, ViewSource } from '../../model/schema-model'
import type { ColumnRow, MasterRow } from './sqlite-catalog-queries'
import { type SqlToken, nameOf, tokenize } from './sqlite-sql-tokens'

/**
 * readViews reads the views of sqlite_master: SQLite keeps each CREATE VIEW as it was sent, so the
 * definition is the text after its `AS`. SQLite keeps no dependency list: a view reads every table or view
 * its text names, and of a table the columns its text names (all of them after a `*`). A name that is
 * also another table's column only makes the list longer, which costs a needless re-creation at most.
 */
export function readViews(master: readonly MasterRow[], columns: readonly ColumnRow[], ignored: ReadonlySet<string>): ViewModel[] {
  const relations = new Map(master.filter((m) => m.type === 'table' || m.type === 'view').map((m) => [m.name.toLowerCase(), m]))
  return master
    .filter((m) => m.type === 'view' && !ignored.has(m.name))
    .map((m): ViewModel => {
      const tokens = tokenize(m.sql ?? '')
      const as = tokens.findIndex((t) => t.kind === 'word' && t.value === 'AS')
      const definition = (m.sql ?? '').slice(tokens[as + 1]?.start ?? 0).trim().replace(/;$/, '')
      return { name: m.name, definition, reads: readsOf(tokens.slice(as + 1), relations, columns, m.name) }
    })
    .sort(byQualifiedName)
}

function readsOf(tokens: readonly SqlToken[], relations: ReadonlyMap<string, MasterRow>, columns: readonly ColumnRow[], self: string): ViewSource[] {
  const names = new Set(tokens.filter((t) => t.kind === 'word' || t.kind === 'ident').map((t) => nameOf(t).toLowerCase()))
  const star = tokens.some((t) => t.text === '*' && isStar(tokens, t))
  const read = [...names].flatMap((name) => {
    const relation = relations.get(name)
    return relation === undefined || relation.name === self ? [] : [relation]
  })
  return read
    .sort((a, b) => compareText(a.name, b.name))
    .map((relation): ViewSource => {
      if (relation.type === 'view' || star) return { name: relation.name }
      const mentioned = columns.filter((c) => c.tbl === relation.name && names.has(c.name.toLowerCase())).map((c) => c.name)
      return { name: relation.name, columns: mentioned.sort(compareText) }
    })
}

/** isStar tells `*` as "every column" (after SELECT, `,` or `.`) from multiplication and `count(*)`. */
function isStar(tokens: readonly SqlToken[], star: SqlToken): boolean {
  const before = tokens[tokens.indexOf(star) - 1]
  return before !== undefined && (before.value === 'SELECT' || before.value === 'DISTINCT' || before.text === ',' || before.text === '.')
}
