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
 * not their order. Undefined when they cannot match.
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

function bare(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}
