import { inlineParameters } from '../../src/dialect/inline-parameters'
import { postgresMigrationScript } from '../../src/dialect/postgres/postgres-migration-script'
import { sqliteMigrationScript } from '../../src/dialect/sqlite/sqlite-migration-script'

// The parameters of a recorded query, written into its SQL for `upgrade --sql`: placeholders inside strings,
// quoted names, comments and dollar quotes stay as they are, and a value with no literal gives up.

const postgres = postgresMigrationScript.parameters
const sqlite = sqliteMigrationScript.parameters

describe('inlineParameters', () => {
  it('writes PostgreSQL numbered parameters as literals, by number', () => {
    expect(inlineParameters('INSERT INTO "t"("a", "b", "c") VALUES ($2, $1, $3)', ["it's", 7, null], postgres))
      .toBe('INSERT INTO "t"("a", "b", "c") VALUES (7, \'it\'\'s\', NULL)')
    expect(inlineParameters('SELECT $1, $2', [true, 'a\\b'], postgres)).toBe("SELECT TRUE, E'a\\\\b'")
    expect(inlineParameters('SELECT $1', [Buffer.from([0xde, 0xad])], postgres)).toBe("SELECT '\\xdead'")
  })

  it('leaves what looks like a placeholder in strings, names, comments and dollar quotes', () => {
    const sql = `SELECT '$1', "$1", E'\\'$1', $$ $1 $$, $f$ $1 $f$ -- $1\n/* $1 */ $1`
    expect(inlineParameters(sql, [5], postgres)).toBe(sql.replace(/ \$1$/, ' 5'))
    expect(inlineParameters("SELECT '?', \"?\", [?], `?` -- ?\n, ?, ?", ['x', 2], sqlite)).toBe("SELECT '?', \"?\", [?], `?` -- ?\n, 'x', 2")
  })

  it('gives up on a value with no literal, or a placeholder with no parameter', () => {
    expect(inlineParameters('SELECT $1', [{ a: 1 }], postgres)).toBeUndefined()
    expect(inlineParameters('SELECT $2', [1], postgres)).toBeUndefined()
    expect(inlineParameters('SELECT ?, ?', [1], sqlite)).toBeUndefined()
    expect(inlineParameters('SELECT ?', [true], sqlite)).toBe('SELECT 1')
  })
})
