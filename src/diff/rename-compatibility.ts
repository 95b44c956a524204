import type { ColumnModel } from '../model/schema-model'
import { typeTextWithoutEnumName } from '../model/type-text'

/** typeFamily is the family of a canonical base type among the dialect's `families`; a type in no family is its own. */
export function typeFamily(type: string, families: readonly (readonly string[])[]): string {
  return families.find((family) => family.includes(type))?.[0] ?? type
}

/** ColumnMatch is how well a dropped column fits an added one: a score to rank pairs, and the reasons shown. */
export interface ColumnMatch {
  readonly score: number
  readonly reasons: readonly string[]
}

/**
 * columnMatch says whether `to` may be `from` renamed, and why. The rule: neither is computed (a computed
 * column holds no data of its own), both are arrays or neither, and their base types are one family
 * (`varchar` and `text`, `integer` and `bigint`; an enum only matches an enum). Nullability, default and
 * length never prevent a match, they are listed: a missed rename loses data, a wrong guess only asks.
 * `samePosition` is whether both sit at the same index of their tables. A similar name (see similarNames)
 * weighs more than position: columns moved into an embedded (`city` to `placeCity`) keep their names but
 * not their order; so, a little less, does a word both names have (`viewsCount` and `statViews`, see
 * sharedWord). Undefined when they cannot match.
 */
export function columnMatch(
  from: ColumnModel,
  to: ColumnModel,
  samePosition: boolean,
  families: readonly (readonly string[])[],
): ColumnMatch | undefined {
  if (from.computed || to.computed) return undefined
  if ((from.isArray ?? false) !== (to.isArray ?? false)) return undefined
  if (typeFamily(from.type, families) !== typeFamily(to.type, families)) return undefined
  const reasons: string[] = []
  let score = 0
  const fromType = typeTextWithoutEnumName(from)
  const toType = typeTextWithoutEnumName(to)
  if (fromType === toType) {
    reasons.push(`same type ${toType}`)
    score += 4
  } else {
    reasons.push(`type ${fromType} -> ${toType}`)
    score += from.type === to.type ? 2 : 1
  }
  if (samePosition) {
    reasons.push('same position')
    score += 1
  }
  if (similarNames(from.name, to.name)) {
    reasons.push('similar name')
    score += 3
  } else {
    const word = sharedWord(from.name, to.name)
    if (word !== undefined) {
      reasons.push(`both names say "${word}"`)
      score += 2
    }
  }
  if (from.nullable !== to.nullable) reasons.push(to.nullable ? 'becomes nullable' : 'becomes NOT NULL')
  else score += 1
  if ((from.default ?? null) !== (to.default ?? null)) reasons.push(`default ${from.default ?? 'none'} -> ${to.default ?? 'none'}`)
  else score += 1
  return { score, reasons }
}

/** The shortest name taken as held by another: shorter ones (`id`, `ab`) sit inside too many names by chance. */
const SIMILAR_NAME_MIN_LENGTH = 3

/** similarNames: one name holds the other, case and all but letters and digits aside (`city` in `placeCity`, `user_id` in `userId`). */
function similarNames(a: string, b: string): boolean {
  const [shorter, longer] = [bare(a), bare(b)].sort((x, y) => x.length - y.length) as [string, string]
  return shorter.length >= SIMILAR_NAME_MIN_LENGTH && longer.includes(shorter)
}

/**
 * sharedWord is a word of at least SIMILAR_NAME_MIN_LENGTH letters both names have, case aside, where words
 * are split at underscores, digits and a lower-case letter followed by a capital (`viewsCount`: views, count).
 */
function sharedWord(a: string, b: string): string | undefined {
  const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= SIMILAR_NAME_MIN_LENGTH)
  const theirs = new Set(words(b))
  return words(a).find((word) => theirs.has(word))
}

function bare(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}
