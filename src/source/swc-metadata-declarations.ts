import type * as Swc from '@swc/core'
import { type DecoratorArgument, type DecoratorCall, type DesignTypeNode, type EnumInitializer, type MetadataDeclarations, type SerializedAnnotation, typedByMembers } from './metadata-declarations'

/** swcMetadataDeclarations reads MetadataDeclarations from SWC's syntax tree, as typeScriptMetadataDeclarations does from TypeScript's. */
export function swcMetadataDeclarations(module: Swc.Module): MetadataDeclarations {
  const imported = new Set<string>()
  const importedFrom = new Map<string, string>()
  const aliases = new Map<string, DesignTypeNode>()
  const untypedEnums = new Set<string>()
  for (const statement of module.body) {
    if (statement.type === 'TsImportEqualsDeclaration') {
      imported.add(statement.id.value)
      const reference = statement.moduleRef
      if (!statement.isTypeOnly && reference.type === 'TsExternalModuleReference') importedFrom.set(statement.id.value, reference.expression.value)
    }
    if (statement.type === 'ImportDeclaration') {
      for (const specifier of statement.specifiers) {
        imported.add(specifier.local.value)
        const typeOnly = statement.typeOnly || (specifier.type === 'ImportSpecifier' && specifier.isTypeOnly)
        if (!typeOnly) importedFrom.set(specifier.local.value, statement.source.value)
      }
    }
    const declaration = statement.type === 'ExportDeclaration' ? statement.declaration : statement
    if (declaration.type === 'TsTypeAliasDeclaration') aliases.set(declaration.id.value, designTypeOf(declaration.typeAnnotation))
    if (declaration.type === 'TsEnumDeclaration' && !typedByMembers(declaration.members.map((m) => enumInitializerOf(m.init)))) untypedEnums.add(declaration.id.value)
  }
  const serialized: SerializedAnnotation[] = []
  const valueNames = new Set<string>()
  // One walk finds the classes and the names read as values, which declarations of imports and types hold none of.
  const visit = (node: object): void => {
    const type = (node as { type?: unknown }).type
    if (typeof type === 'string' && notHoldingValues.has(type)) return
    if (type === 'Identifier') valueNames.add((node as Swc.Identifier).value)
    if (type === 'ClassDeclaration' || type === 'ClassExpression') {
      for (const parameter of (node as Swc.Class).typeParams?.parameters ?? []) {
        aliases.set(parameter.name.value, parameter.constraint == null ? { kind: 'other', children: [] } : designTypeOf(parameter.constraint))
      }
      serialized.push(...serializedOf(node as Swc.Class))
    }
    for (const key in node) {
      // SWC names a constructor with an identifier, TypeScript's tree does not.
      if (type === 'Constructor' && key === 'key') continue
      const value = (node as Record<string, unknown>)[key]
      if (typeof value === 'object' && value !== null && !notHoldingClasses.has(key)) visit(value)
    }
  }
  visit(module.body)
  return { imported, importedFrom, valueNames, aliases, untypedEnums, serialized }
}

const notHoldingValues = new Set(['ImportDeclaration', 'TsImportEqualsDeclaration', 'TsInterfaceDeclaration', 'TsTypeAliasDeclaration'])

// Positions, and types, which hold no class: not walked.
const notHoldingClasses = new Set(['span', 'typeAnnotation', 'typeParams', 'typeParameters', 'typeArguments', 'typeArgs', 'returnType', 'superTypeParams', 'implements'])

type Member = Swc.ClassMember
type Method = Extract<Member, { type: 'ClassMethod' | 'PrivateMethod' }>

/** serializedOf lists what `emitDecoratorMetadata` writes out of `node`, as TypeScript's reading does. */
function serializedOf(node: Swc.Class): SerializedAnnotation[] {
  const isMethod = (m: Member): m is Method => m.type === 'ClassMethod' || m.type === 'PrivateMethod'
  const isAccessor = (m: Member): boolean => isMethod(m) && (m.kind === 'getter' || m.kind === 'setter')
  const decoratedAccessors = new Set(node.body.filter(isMethod).filter((m) => isAccessor(m) && isDecorated(m.function)).map((m) => keyOf(m.key)))
  // SWC's tree writes an absent node as null.
  const typeOf = (annotation: Swc.TsTypeAnnotation | undefined | null): SerializedAnnotation => ({ type: annotation == null ? undefined : designTypeOf(annotation.typeAnnotation) })
  const signature = (fn: Swc.Fn) => [typeOf(fn.returnType), ...fn.params.map((p) => typeOf(annotationOf(p.pat)))]
  const found: SerializedAnnotation[] = []
  for (const member of node.body) {
    if ((member.type === 'ClassProperty' || member.type === 'PrivateProperty') && isDecorated(member)) {
      found.push({ ...typeOf(member.typeAnnotation), decorators: (member.decorators ?? []).map(decoratorCallOf) })
    }
    else if (isMethod(member) && isAccessor(member) && decoratedAccessors.has(keyOf(member.key))) found.push(...signature(member.function))
    else if (isMethod(member) && !isAccessor(member) && (isDecorated(member.function) || member.function.params.some(isDecorated))) found.push(...signature(member.function))
    else if (member.type === 'Constructor' && (isDecorated(node) || member.params.some(isDecorated))) {
      found.push(...member.params.map((p) => typeOf(annotationOf(p.type === 'TsParameterProperty' ? p.param : p.pat))))
    }
  }
  return found
}

const isDecorated = (node: { decorators?: Swc.Decorator[] }) => (node.decorators?.length ?? 0) > 0

/** keyOf names a member as far as telling a getter and its setter apart needs; a computed key matches none. */
function keyOf(key: Swc.PropertyName | Swc.PrivateName): string {
  if (key.type === 'Identifier' || key.type === 'StringLiteral') return key.value
  if (key.type === 'NumericLiteral') return String(key.value)
  if (key.type === 'PrivateName') return `#${key.id.value}`
  return `\0${key.span.start}`
}

function annotationOf(pattern: Swc.Pattern | Swc.TsParameterPropertyParameter): Swc.TsTypeAnnotation | undefined {
  if (pattern.type === 'AssignmentPattern') return (pattern as { typeAnnotation?: Swc.TsTypeAnnotation }).typeAnnotation ?? annotationOf(pattern.left)
  return (pattern as { typeAnnotation?: Swc.TsTypeAnnotation }).typeAnnotation
}

function decoratorCallOf(decorator: Swc.Decorator): DecoratorCall {
  const call = decorator.expression.type === 'CallExpression' ? decorator.expression : undefined
  const callee = call?.callee ?? decorator.expression
  const name = callee.type === 'Identifier' ? callee.value : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.value : undefined
  const argument = call?.arguments[0]
  return { name, firstArgument: argument === undefined ? undefined : argument.spread == null ? argumentOf(argument.expression) : { kind: 'other' } }
}

function argumentOf(argument: Swc.Expression): DecoratorArgument {
  if (argument.type === 'StringLiteral') return { kind: 'string', text: argument.value }
  if (argument.type === 'TemplateLiteral' && argument.expressions.length === 0) return { kind: 'string', text: argument.quasis[0]?.cooked ?? '' }
  if (argument.type === 'ArrowFunctionExpression' || argument.type === 'FunctionExpression') return { kind: 'function' }
  if (argument.type !== 'ObjectExpression') return { kind: 'other' }
  const typeProperty = argument.properties
    .filter((p): p is Swc.KeyValueProperty => p.type === 'KeyValueProperty' && p.key.type === 'Identifier' && p.key.value === 'type')
    .at(-1)
  const value = typeProperty?.value
  return { kind: 'object', type: value === undefined ? undefined : value.type === 'Identifier' ? { kind: 'identifier' } : argumentOf(value) }
}

function enumInitializerOf(init: Swc.Expression | undefined | null): EnumInitializer {
  if (init == null) return 'none'
  if (init.type === 'NumericLiteral') return 'number'
  if (init.type === 'StringLiteral') return 'string'
  return init.type === 'UnaryExpression' && init.operator === '-' && init.argument.type === 'NumericLiteral' ? 'negated number' : 'other'
}

function designTypeOf(type: Swc.TsType): DesignTypeNode {
  switch (type.type) {
    case 'TsParenthesizedType':
      return { kind: 'parenthesized', type: designTypeOf(type.typeAnnotation) }
    case 'TsTypeReference':
      return { kind: 'reference', name: leftmostIdentifier(type.typeName), typeArguments: (type.typeParams?.params ?? []).map(designTypeOf) }
    case 'TsUnionType':
      return { kind: 'union', types: type.types.map(designTypeOf) }
    case 'TsArrayType':
      return { kind: 'array', element: designTypeOf(type.elemType) }
    case 'TsKeywordType':
      return { kind: 'keyword', keyword: type.kind }
    case 'TsLiteralType':
      // A template literal type with no substitution is a literal for TypeScript too.
      return type.literal.type !== 'TemplateLiteral' || type.literal.types.length === 0 ? { kind: 'literal' } : { kind: 'other', children: typesWithin(type) }
    case 'TsTupleType':
    case 'TsTypeLiteral':
    case 'TsFunctionType':
    case 'TsThisType':
      return { kind: 'structural', children: typesWithin(type) }
    default:
      return { kind: 'other', children: typesWithin(type) }
  }
}

/** typesWithin are the types nearest below `node`, as TypeScript's reading finds them. */
function typesWithin(node: object): DesignTypeNode[] {
  const found: DesignTypeNode[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (typeof value === 'object' && value !== null) {
      const kind = (value as { type?: unknown }).type
      if (typeof kind === 'string' && typeKinds.has(kind)) found.push(designTypeOf(value as Swc.TsType))
      else Object.values(value).forEach(visit)
    }
  }
  Object.values(node).forEach(visit)
  return found
}

const typeKinds = new Set<string>([
  'TsKeywordType', 'TsThisType', 'TsFunctionType', 'TsConstructorType', 'TsTypeReference', 'TsTypeQuery', 'TsTypeLiteral',
  'TsArrayType', 'TsTupleType', 'TsOptionalType', 'TsRestType', 'TsUnionType', 'TsIntersectionType', 'TsConditionalType',
  'TsInferType', 'TsParenthesizedType', 'TsTypeOperator', 'TsIndexedAccessType', 'TsMappedType', 'TsLiteralType',
  'TsTypePredicate', 'TsImportType',
])

function leftmostIdentifier(name: Swc.TsEntityName): string {
  return name.type === 'Identifier' ? name.value : leftmostIdentifier(name.left)
}
