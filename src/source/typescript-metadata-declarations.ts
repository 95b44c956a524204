import type * as TypeScript from 'typescript'
import { type DecoratorArgument, type DecoratorCall, type DesignTypeNode, type EnumInitializer, type MetadataDeclarations, type SerializedAnnotation, typedByMembers } from './metadata-declarations'

/** typeScriptMetadataDeclarations reads MetadataDeclarations from the TypeScript compiler's syntax tree. */
export function typeScriptMetadataDeclarations(ts: typeof TypeScript, sourceFile: TypeScript.SourceFile): MetadataDeclarations {
  const imported = new Set<string>()
  const importedFrom = new Map<string, string>()
  const aliases = new Map<string, DesignTypeNode>()
  const untypedEnums = new Set<string>()
  for (const statement of sourceFile.statements) {
    if (ts.isImportEqualsDeclaration(statement)) {
      imported.add(statement.name.text)
      const reference = statement.moduleReference
      if (!statement.isTypeOnly && ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) importedFrom.set(statement.name.text, reference.expression.text)
    }
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, designTypeOf(ts, statement.type))
    if (ts.isEnumDeclaration(statement) && !typedByMembers(statement.members.map((m) => enumInitializerOf(ts, m.initializer)))) untypedEnums.add(statement.name.text)
    if (!ts.isImportDeclaration(statement) || statement.importClause === undefined) continue
    const { name, namedBindings, isTypeOnly } = statement.importClause
    const from = ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined
    const add = (binding: TypeScript.Identifier, typeOnly: boolean) => {
      imported.add(binding.text)
      if (!isTypeOnly && !typeOnly && from !== undefined) importedFrom.set(binding.text, from)
    }
    if (name !== undefined) add(name, false)
    if (namedBindings === undefined) continue
    if (ts.isNamespaceImport(namedBindings)) add(namedBindings.name, false)
    else for (const element of namedBindings.elements) add(element.name, element.isTypeOnly)
  }
  const serialized: SerializedAnnotation[] = []
  const visit = (node: TypeScript.Node): void => {
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      for (const parameter of node.typeParameters ?? []) {
        aliases.set(parameter.name.text, parameter.constraint === undefined ? { kind: 'other', children: [] } : designTypeOf(ts, parameter.constraint))
      }
      serialized.push(...serializedOf(ts, node, sourceFile))
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return { imported, importedFrom, valueNames: valueNamesOf(ts, sourceFile), aliases, untypedEnums, serialized }
}

function valueNamesOf(ts: typeof TypeScript, sourceFile: TypeScript.SourceFile): Set<string> {
  const names = new Set<string>()
  const visit = (node: TypeScript.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return
    // `extends Base` is a value; `implements Shape` and every other type is not.
    if (ts.isHeritageClause(node)) {
      if (node.token === ts.SyntaxKind.ExtendsKeyword) for (const type of node.types) visit(type.expression)
      return
    }
    if (ts.isTypeNode(node)) return
    if (ts.isIdentifier(node)) names.add(node.text)
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return names
}

function enumInitializerOf(ts: typeof TypeScript, init: TypeScript.Expression | undefined): EnumInitializer {
  if (init === undefined) return 'none'
  if (ts.isNumericLiteral(init)) return 'number'
  if (ts.isStringLiteral(init)) return 'string'
  return ts.isPrefixUnaryExpression(init) && init.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(init.operand) ? 'negated number' : 'other'
}

/**
 * serializedOf lists the annotations in `node` that `emitDecoratorMetadata` writes out: decorated properties
 * and accessors, the parameters and return type of decorated methods, and the constructor parameters of a
 * decorated class or of a constructor with a decorated parameter.
 */
function serializedOf(ts: typeof TypeScript, node: TypeScript.ClassLikeDeclaration, sourceFile: TypeScript.SourceFile): SerializedAnnotation[] {
  const decoratorsOf = (n: TypeScript.Node) => (ts.canHaveDecorators(n) ? ts.getDecorators(n) : undefined)
  const decorated = (n: TypeScript.Node) => decoratorsOf(n) !== undefined
  const withDecoratedParameter = (n: TypeScript.SignatureDeclarationBase) => n.parameters.some(decorated)
  const typeOf = (type: TypeScript.TypeNode | undefined): SerializedAnnotation => ({ type: type === undefined ? undefined : designTypeOf(ts, type) })
  const signature = (n: TypeScript.SignatureDeclarationBase) => [typeOf(n.type), ...n.parameters.map((p) => typeOf(p.type))]
  const decoratedAccessors = new Set<string>()
  for (const member of node.members) {
    if (ts.isAccessor(member) && decorated(member)) decoratedAccessors.add(member.name.getText(sourceFile))
  }
  const found: SerializedAnnotation[] = []
  for (const member of node.members) {
    if (ts.isPropertyDeclaration(member) && decorated(member)) {
      found.push({ ...typeOf(member.type), decorators: (decoratorsOf(member) ?? []).map((d) => decoratorCallOf(ts, d)) })
    }
    else if (ts.isAccessor(member) && decoratedAccessors.has(member.name.getText(sourceFile))) found.push(...signature(member))
    else if (ts.isMethodDeclaration(member) && (decorated(member) || withDecoratedParameter(member))) found.push(...signature(member))
    else if (ts.isConstructorDeclaration(member) && (decorated(node) || withDecoratedParameter(member))) found.push(...signature(member).slice(1))
  }
  return found
}

function decoratorCallOf(ts: typeof TypeScript, decorator: TypeScript.Decorator): DecoratorCall {
  // `@(make())` is `@make()`, as SWC's tree has it.
  let expression: TypeScript.Expression = decorator.expression
  while (ts.isParenthesizedExpression(expression)) expression = expression.expression
  const call = ts.isCallExpression(expression) ? expression : undefined
  const callee = call?.expression ?? expression
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined
  const argument = call?.arguments[0]
  return { name, firstArgument: argument === undefined ? undefined : argumentOf(ts, argument) }
}

function argumentOf(ts: typeof TypeScript, argument: TypeScript.Expression): DecoratorArgument {
  if (ts.isStringLiteralLike(argument)) return { kind: 'string', text: argument.text }
  if (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) return { kind: 'function' }
  if (!ts.isObjectLiteralExpression(argument)) return { kind: 'other' }
  const typeProperty = argument.properties.filter((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'type').at(-1)
  const value = typeProperty !== undefined && ts.isPropertyAssignment(typeProperty) ? typeProperty.initializer : undefined
  return { kind: 'object', type: value === undefined ? undefined : ts.isIdentifier(value) ? { kind: 'identifier' } : argumentOf(ts, value) }
}

function designTypeOf(ts: typeof TypeScript, type: TypeScript.TypeNode): DesignTypeNode {
  if (ts.isParenthesizedTypeNode(type)) return { kind: 'parenthesized', type: designTypeOf(ts, type.type) }
  if (ts.isTypeReferenceNode(type)) {
    return { kind: 'reference', name: leftmostIdentifier(ts, type.typeName).text, typeArguments: (type.typeArguments ?? []).map((t) => designTypeOf(ts, t)) }
  }
  if (ts.isUnionTypeNode(type)) return { kind: 'union', types: type.types.map((t) => designTypeOf(ts, t)) }
  if (ts.isArrayTypeNode(type)) return { kind: 'array', element: designTypeOf(ts, type.elementType) }
  if (ts.isLiteralTypeNode(type)) return type.literal.kind === ts.SyntaxKind.NullKeyword ? { kind: 'keyword', keyword: 'null' } : { kind: 'literal' }
  const keyword = keywordKinds(ts).get(type.kind)
  if (keyword !== undefined) return { kind: 'keyword', keyword }
  const structural = ts.isTupleTypeNode(type) || ts.isTypeLiteralNode(type) || ts.isFunctionTypeNode(type) || ts.isThisTypeNode(type)
  return { kind: structural ? 'structural' : 'other', children: typesWithin(ts, type) }
}

/** typesWithin are the type nodes nearest below `node` (a type literal's member types, a function's parameter types). */
function typesWithin(ts: typeof TypeScript, node: TypeScript.Node): DesignTypeNode[] {
  const found: DesignTypeNode[] = []
  ts.forEachChild(node, (child) => {
    if (ts.isTypeNode(child)) found.push(designTypeOf(ts, child))
    else found.push(...typesWithin(ts, child))
  })
  return found
}

function leftmostIdentifier(ts: typeof TypeScript, name: TypeScript.EntityName): TypeScript.Identifier {
  return ts.isIdentifier(name) ? name : leftmostIdentifier(ts, name.left)
}

function keywordKinds(ts: typeof TypeScript): ReadonlyMap<TypeScript.SyntaxKind, string> {
  let kinds = keywordKindsOf.get(ts)
  if (kinds !== undefined) return kinds
  const k = ts.SyntaxKind
  kinds = new Map([
    [k.StringKeyword, 'string'], [k.NumberKeyword, 'number'], [k.BooleanKeyword, 'boolean'], [k.BigIntKeyword, 'bigint'],
    [k.SymbolKeyword, 'symbol'], [k.AnyKeyword, 'any'], [k.UnknownKeyword, 'unknown'], [k.ObjectKeyword, 'object'],
    [k.VoidKeyword, 'void'], [k.UndefinedKeyword, 'undefined'], [k.NeverKeyword, 'never'], [k.NullKeyword, 'null'],
  ])
  keywordKindsOf.set(ts, kinds)
  return kinds
}

const keywordKindsOf = new WeakMap<typeof TypeScript, ReadonlyMap<TypeScript.SyntaxKind, string>>()
