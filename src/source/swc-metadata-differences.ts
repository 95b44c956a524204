import { designTypeIgnored } from './imported-metadata-types'
import { type DesignTypeNode, type MetadataDeclarations, childrenOf } from './metadata-declarations'

/**
 * swcMetadataMayDiffer says whether SWC could write other decorator metadata for a file than the TypeScript
 * compiler. SWC agrees on keywords, literals, arrays, tuples, object and function types, and on a reference
 * to a local class, enum (one whose members say its kind, see typedByMembers) or interface or a global; it writes `Object` for a union (`string | null`, which
 * `tsc` writes as `String` without strictNullChecks), and a runtime guard for a type alias or an import (which
 * `tsc` resolves: `String` for a string enum or a union of strings). Under `strictNullChecks`, a union with
 * `null` or `undefined` (`string | null`, `Team | null`) is `Object` for both. Where the design type is
 * ignored (a relation, see designTypeIgnored), only whether it is a Promise must agree.
 */
export function swcMetadataMayDiffer(file: MetadataDeclarations, strictNullChecks: boolean): boolean {
  return file.serialized.some(({ type, decorators }) => {
    if (type === undefined || (strictNullChecks && isNullableUnion(type))) return false
    return designTypeIgnored(decorators, type) ? promiseMayDiffer(type, file) : !agreedType(type, file)
  })
}

/**
 * promiseMayDiffer says whether one compiler may write `Promise` where the other does not: SWC writes it for
 * `Promise<Post>`, as `tsc` does, but not for `Promise<Post> | null` or an alias of it, which `tsc` resolves.
 * For an imported name both read the binding at run time.
 */
function promiseMayDiffer(type: DesignTypeNode, file: MetadataDeclarations): boolean {
  if (type.kind === 'reference') return file.aliases.has(type.name)
  if (type.kind !== 'union' && type.kind !== 'parenthesized') return false
  return childrenOf(type).some((t) => (t.kind === 'reference' ? t.name === 'Promise' || file.aliases.has(t.name) : promiseMayDiffer(t, file)))
}

/**
 * isNullableUnion says whether `type` is a union of `null`, `undefined` or `void` with something else than those
 * and `never`. With `strictNullChecks`, `tsc` serializes `null` and `undefined` as `void 0`, which makes the
 * union `Object`; SWC always writes `Object` for such a union.
 */
function isNullableUnion(type: DesignTypeNode): boolean {
  const union = skipParentheses(type)
  if (union.kind !== 'union') return false
  const kinds = union.types.map(skipParentheses).map((t) => (isNullish(t) ? 'nullish' : t.kind === 'keyword' && t.keyword === 'never' ? 'never' : 'other'))
  return kinds.includes('nullish') && kinds.includes('other')
}

const isNullish = (type: DesignTypeNode) => type.kind === 'keyword' && ['undefined', 'void', 'null'].includes(type.keyword)

function skipParentheses(type: DesignTypeNode): DesignTypeNode {
  return type.kind === 'parenthesized' ? skipParentheses(type.type) : type
}

function agreedType(type: DesignTypeNode, file: MetadataDeclarations): boolean {
  switch (type.kind) {
    case 'parenthesized':
      // SWC resolves a local enum to its values' type (`String`), but not inside parentheses.
      return skipParentheses(type).kind !== 'reference' && agreedType(type.type, file)
    case 'reference':
      return !file.imported.has(type.name) && !file.aliases.has(type.name) && !file.untypedEnums.has(type.name)
    case 'keyword':
      return agreedKeywords.has(type.keyword)
    case 'literal':
    case 'array':
    case 'structural':
      return true
    case 'union':
    case 'other':
      return false
  }
}

const agreedKeywords = new Set(['string', 'number', 'boolean', 'bigint', 'symbol', 'any', 'unknown', 'object', 'void', 'undefined', 'never', 'null'])
