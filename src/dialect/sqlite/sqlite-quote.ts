import { quoteDoubled } from '../quote'

/** quoteIdent is the SQLite dialect's one identifier quoting: `we"ird` becomes `"we""ird"`. */
export function quoteIdent(name: string): string {
  return quoteDoubled(name)
}
