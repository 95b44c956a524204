import { quoteLiteral } from '../quote'

/**
 * storedLabelDefault is a canonical literal default of an `enum` or `set` column of the labels `labels` as the
 * server stores it: spelled as its label (`'y'` on `enum('x','Y')` is `'Y'`), and a set's members in the
 * labels' order, each once (`'B,a,a'` on `set('a','b','c')` is `'a,b'`). A default naming what no label
 * matches is left as written (the server refuses it), and so is any other default.
 */
export function storedLabelDefault(canonical: string, type: string, labels: readonly string[] | undefined): string {
  const literal = /^'(.*)'$/s.exec(canonical)?.[1]?.replace(/''/g, "'")
  if ((type !== 'set' && type !== 'enum') || labels === undefined || literal === undefined || literal === '') return canonical
  if (type === 'enum') return quoteLiteral(labelOf(literal, labels) ?? literal)
  const members = literal.split(',').map((member) => labelOf(member, labels))
  if (members.some((label) => label === undefined)) return canonical
  return quoteLiteral(labels.filter((label) => members.includes(label)).join(','))
}

/** labelOf is the label a member names: the one it spells, else the first it spells in another case. */
function labelOf(member: string, labels: readonly string[]): string | undefined {
  return labels.find((label) => label === member) ?? labels.find((label) => label.toLowerCase() === member.toLowerCase())
}
