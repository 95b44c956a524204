import type * as TypeScript from 'typescript'
import { importedNames, leftmostIdentifier, mentionsImport, serializedTypesOf, typeAliasesOf } from './imported-metadata-types'

/**
 * swcMetadataMayDiffer says whether SWC could write other decorator metadata for `sourceFile` than the
 * TypeScript compiler. SWC agrees on keywords, literals, arrays, tuples, object and function types, and on
 * a reference to a local class, enum or interface or a global; it writes `Object` for a union
 * (`string | null`, which `tsc` writes as `String` without strictNullChecks), and a runtime guard for a type
 * alias or an import (which `tsc` resolves: `String` for a string enum or a union of strings). And its
 * metadata reads an import through the getter SWC exports it by, even where TypeORM ignores the design type
 * (`@ManyToOne(() => Post) post: Post`): in a cycle of imports, that getter throws (the class is not yet
 * initialized) where `tsc`'s plain property reads as undefined, so such a file is not SWC's either.
 * Under `strictNullChecks`, a union with `null` or `undefined` (`string | null`, `Team | null`) is `Object`
 * for both, and reads nothing.
 */
export function swcMetadataMayDiffer(ts: typeof TypeScript, sourceFile: TypeScript.SourceFile, strictNullChecks: boolean): boolean {
  const imported = importedNames(ts, sourceFile)
  const aliases = typeAliasesOf(ts, sourceFile)
  const bothObject = (type: TypeScript.TypeNode) => strictNullChecks && isNullableUnion(ts, type)
  const agrees = (type: TypeScript.TypeNode | undefined): boolean => type === undefined || bothObject(type) || agreedType(ts, type, imported, aliases)
  const readsImport = (type: TypeScript.TypeNode | undefined) => type !== undefined && !bothObject(type) && mentionsImport(ts, type, imported, aliases, new Set())
  const differs = (node: TypeScript.ClassLikeDeclaration) =>
    !serializedTypesOf(ts, node, sourceFile).every(agrees) || serializedTypesOf(ts, node, sourceFile, true).some(readsImport)
  const visit = (node: TypeScript.Node): boolean =>
    ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && differs(node)) ||
    (ts.forEachChild(node, (child) => visit(child) || undefined) ?? false)
  return visit(sourceFile)
}

/**
 * isNullableUnion says whether `type` is a union of `null`, `undefined` or `void` with something else than those
 * and `never`. With `strictNullChecks`, `tsc` serializes `null` and `undefined` as `void 0`, which makes the
 * union `Object`; SWC always writes `Object` for such a union.
 */
function isNullableUnion(ts: typeof TypeScript, type: TypeScript.TypeNode): boolean {
  const union = skipParentheses(ts, type)
  if (!ts.isUnionTypeNode(union)) return false
  const kinds = union.types.map((t) => skipParentheses(ts, t)).map((t) => (isNullish(ts, t) ? 'nullish' : t.kind === ts.SyntaxKind.NeverKeyword ? 'never' : 'other'))
  return kinds.includes('nullish') && kinds.includes('other')
}

function isNullish(ts: typeof TypeScript, type: TypeScript.TypeNode): boolean {
  return type.kind === ts.SyntaxKind.UndefinedKeyword || type.kind === ts.SyntaxKind.VoidKeyword || (ts.isLiteralTypeNode(type) && type.literal.kind === ts.SyntaxKind.NullKeyword)
}

function skipParentheses(ts: typeof TypeScript, type: TypeScript.TypeNode): TypeScript.TypeNode {
  return ts.isParenthesizedTypeNode(type) ? skipParentheses(ts, type.type) : type
}

function agreedType(
  ts: typeof TypeScript,
  type: TypeScript.TypeNode,
  imported: ReadonlySet<string>,
  aliases: ReadonlyMap<string, TypeScript.TypeNode>,
): boolean {
  // SWC resolves a local enum to its values' type (`String`), but not inside parentheses.
  if (ts.isParenthesizedTypeNode(type)) return !ts.isTypeReferenceNode(skipParentheses(ts, type)) && agreedType(ts, type.type, imported, aliases)
  if (ts.isTypeReferenceNode(type)) {
    const name = leftmostIdentifier(ts, type.typeName).text
    return !imported.has(name) && !aliases.has(name)
  }
  return (
    ts.isLiteralTypeNode(type) || ts.isArrayTypeNode(type) || ts.isTupleTypeNode(type) || ts.isTypeLiteralNode(type) ||
    ts.isFunctionTypeNode(type) || ts.isThisTypeNode(type) || agreedKeywords(ts).has(type.kind)
  )
}

function agreedKeywords(ts: typeof TypeScript): ReadonlySet<TypeScript.SyntaxKind> {
  const k = ts.SyntaxKind
  return new Set([
    k.StringKeyword, k.NumberKeyword, k.BooleanKeyword, k.BigIntKeyword, k.SymbolKeyword, k.AnyKeyword, k.UnknownKeyword,
    k.ObjectKeyword, k.VoidKeyword, k.UndefinedKeyword, k.NeverKeyword,
  ])
}
