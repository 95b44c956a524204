import { quoteIdent } from './mysql-quote'

/**
 * losesCharacters says whether a column's values may hold characters charset `to` has not, coming from charset
 * `from` (undefined: the table's). utf8mb4 has every character; `binary` keeps the bytes, whatever they mean.
 */
export function losesCharacters(from: string | undefined, to: string): boolean {
  const target = to.toLowerCase()
  return target !== from?.toLowerCase() && target !== 'utf8mb4' && target !== 'binary'
}

/**
 * charactersLost is the test for the rows whose `column` (quoted) converted to `charset` is another text: the
 * server writes '?' for each character the charset has not. Both sides are compared in utf8mb4 by their bytes, as
 * two charsets neither of which is Unicode cannot be compared ("Illegal mix of collations").
 */
export function charactersLost(column: string, charset: string): string {
  const inUtf8mb4 = (text: string) => `CONVERT(${text} USING utf8mb4) COLLATE utf8mb4_bin`
  return `${inUtf8mb4(`CONVERT(${column} USING ${quoteIdent(charset)})`)} <> ${inUtf8mb4(column)}`
}
