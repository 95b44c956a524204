import type { TableModel, TriggerWrite } from '../../model/schema-model'
import { nameOf as tableNameOf } from '../../model/qualified-name'
import { type SqlToken, nameOf, tokenize } from './sqlite-sql-tokens'

/** TriggerColumns are the columns a trigger's text names in the ways that break it when they go; see triggerColumns. */
export interface TriggerColumns {
  readonly reads: readonly string[]
  readonly writes: readonly TriggerWrite[]
}

/**
 * triggerColumns reads the columns a trigger of `table` depends on from its text: `reads`, those of its table it
 * names as `NEW.column` or `OLD.column` (which SQLite's DROP COLUMN refuses to drop), and `writes`, the columns
 * of the tables of `tables` its body names as targets, `INSERT INTO t (a, b)`, `UPDATE t SET a = ...` (an upsert's
 * `DO UPDATE SET` writing the insert's table): SQLite drops such a column without a word, and every write the
 * trigger fires on fails from then on. Names are matched to the tables' columns regardless of case and given
 * as the tables spell them; a name no table has, or a column list left out (`INSERT INTO t VALUES ...`), is
 * not guessed at. Statements in a trigger name their tables unqualified, as SQLite requires.
 */
export function triggerColumns(sql: string, table: TableModel, tables: readonly TableModel[]): TriggerColumns {
  const tokens = tokenize(sql)
  const named = new Set(tokens.flatMap((token, i) => (i >= 2 && tokens[i - 1]!.text === '.' && /^(NEW|OLD)$/i.test(tokens[i - 2]!.text) ? [nameOf(token).toLowerCase()] : [])))
  const reads = table.columns.filter((c) => named.has(c.name.toLowerCase())).map((c) => c.name)
  const begin = tokens.findIndex((token) => token.kind === 'word' && token.value === 'BEGIN')
  const targets = begin === -1 ? [] : writeTargets(tokens.slice(begin + 1))
  const writes = tables.flatMap((written): TriggerWrite[] => {
    const columns = new Set(targets.filter((target) => target.table === written.name.toLowerCase()).flatMap((target) => target.columns))
    const found = written.columns.filter((c) => columns.has(c.name.toLowerCase())).map((c) => c.name)
    return found.length === 0 ? [] : [{ table: tableNameOf(written), columns: found }]
  })
  return { reads, writes }
}

/** WriteTarget is a table a statement of a trigger's body writes, and the columns it names, in lower case. */
interface WriteTarget {
  readonly table: string
  readonly columns: readonly string[]
}

/** writeTargets finds the INSERT, REPLACE and UPDATE statements of a trigger's body and what they write. */
function writeTargets(body: readonly SqlToken[]): WriteTarget[] {
  const targets: WriteTarget[] = []
  let inserted: string | undefined
  body.forEach((token, i) => {
    if (token.kind !== 'word') return
    if (token.value === 'INSERT' || token.value === 'REPLACE') {
      // INSERT [OR conflict] INTO, REPLACE INTO; a replace( call is a function.
      const into = [i + 1, i + 3].find((j) => body[j]?.value === 'INTO' && (j === i + 1 || body[i + 1]!.value === 'OR'))
      const name = into === undefined ? undefined : body[into + 1]
      if (into === undefined || name === undefined || !isName(name)) return
      inserted = nameOf(name).toLowerCase()
      const list = aliasSkipped(body, into + 2)
      if (body[list]?.text === '(') targets.push({ table: inserted, columns: listedNames(body, list + 1) })
    } else if (token.value === 'UPDATE') {
      if (body[i - 1]?.value === 'DO') {
        if (inserted !== undefined && body[i + 1]?.value === 'SET') targets.push({ table: inserted, columns: assignedNames(body, i + 2) })
        return
      }
      const at = body[i + 1]?.value === 'OR' ? i + 3 : i + 1
      const name = body[at]
      const set = aliasSkipped(body, at + 1)
      if (name !== undefined && isName(name) && body[set]?.value === 'SET') targets.push({ table: nameOf(name).toLowerCase(), columns: assignedNames(body, set + 1) })
    }
  })
  return targets
}

/** aliasSkipped is `at`, or the position after `AS alias` there. */
function aliasSkipped(tokens: readonly SqlToken[], at: number): number {
  return tokens[at]?.value === 'AS' ? at + 2 : at
}

function isName(token: SqlToken): boolean {
  return token.kind === 'word' || token.kind === 'ident'
}

/** listedNames are the names of a parenthesized list opening just before `from`, up to its `)`. */
function listedNames(tokens: readonly SqlToken[], from: number): string[] {
  const names: string[] = []
  for (let i = from; i < tokens.length && tokens[i]!.text !== ')'; i++) {
    if (isName(tokens[i]!)) names.push(nameOf(tokens[i]!).toLowerCase())
  }
  return names
}

/**
 * assignedNames are the columns a SET list from `from` assigns: `a = ...` or `(a, b) = ...` at its start and
 * after each comma outside parentheses, up to the word that ends it (FROM, WHERE, RETURNING) or the `;`.
 */
function assignedNames(tokens: readonly SqlToken[], from: number): string[] {
  const names: string[] = []
  let depth = 0
  let cases = 0
  let expectTarget = true
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i]!
    const word = token.kind === 'word' ? token.value : undefined
    if (word === 'CASE') cases++
    else if (word === 'END' && cases > 0) cases--
    else if (depth === 0 && (token.text === ';' || (word !== undefined && ['FROM', 'WHERE', 'RETURNING', 'END'].includes(word)))) break
    if (expectTarget && depth === 0) {
      if (token.text === '(') names.push(...listedNames(tokens, i + 1))
      else if (isName(token)) names.push(nameOf(token).toLowerCase())
      expectTarget = false
    }
    if (token.text === '(') depth++
    else if (token.text === ')') depth--
    else if (token.text === ',' && depth === 0 && cases === 0) expectTarget = true
  }
  return names
}
