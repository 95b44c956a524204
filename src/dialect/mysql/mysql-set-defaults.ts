import { quoteLiteral } from '../quote'

/**
 * storedSetDefault is a canonical literal default (`'b,a'`) of a `set` column of the labels `labels` as the server
 * stores it: its members in the labels' order, each once, spelled as its label (`'B,a,a'` on `set('a','b','c')`
 * is `'a,b'`). A default with a member that no label matches is left as written (the server refuses it), and so
 * is any other default.
 */
export function storedSetDefault(canonical: string, type: string, labels: readonly string[] | undefined): string {
  const literal = /^'(.*)'$/s.exec(canonical)?.[1]?.replace(/''/g, "'")
  if (type !== 'set' || labels === undefined || literal === undefined || literal === '') return canonical
  const members = literal.split(',').map((member) => labelOf(member, labels))
  if (members.some((label) => label === undefined)) return canonical
  return quoteLiteral(labels.filter((label) => members.includes(label)).join(','))
}

/** labelOf is the label a member names: the one it spells, else the first it spells in another case. */
function labelOf(member: string, labels: readonly string[]): string | undefined {
  return labels.find((label) => label === member) ?? labels.find((label) => label.toLowerCase() === member.toLowerCase())
}
