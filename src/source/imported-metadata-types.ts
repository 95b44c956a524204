import type * as TypeScript from 'typescript'

/**
 * decoratorMetadataNamesImport says whether `sourceFile` has a type annotation that decorator metadata
 * serializes (`design:type`, `design:paramtypes`, `design:returntype`) and that names an imported binding,
 * directly (`Status`, `enums.Status`, `Status | null`) or through a type alias declared in the file. Only
 * there can an emit of the file on its own differ from `tsc`'s: it cannot tell an imported string enum
 * (`String`) from a class, so it writes a runtime guard that yields `Object` for the enum.
 */
export function decoratorMetadataNamesImport(ts: typeof TypeScript, sourceFile: TypeScript.SourceFile): boolean {
  const imported = importedNames(ts, sourceFile)
  if (imported.size === 0) return false
  const aliases = typeAliasesOf(ts, sourceFile)
  const namesImport = (type: TypeScript.TypeNode | undefined): boolean => type !== undefined && mentionsImport(ts, type, imported, aliases, new Set())
  const visit = (node: TypeScript.Node): boolean =>
    ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && serializedTypesOf(ts, node, sourceFile).some(namesImport)) ||
    (ts.forEachChild(node, (child) => visit(child) || undefined) ?? false)
  return visit(sourceFile)
}

export function importedNames(ts: typeof TypeScript, sourceFile: TypeScript.SourceFile): Set<string> {
  const names = new Set<string>()
  for (const statement of sourceFile.statements) {
    if (ts.isImportEqualsDeclaration(statement)) names.add(statement.name.text)
    if (!ts.isImportDeclaration(statement) || statement.importClause === undefined) continue
    const { name, namedBindings } = statement.importClause
    if (name !== undefined) names.add(name.text)
    if (namedBindings === undefined) continue
    if (ts.isNamespaceImport(namedBindings)) names.add(namedBindings.name.text)
    else for (const element of namedBindings.elements) names.add(element.name.text)
  }
  return names
}

export function typeAliasesOf(ts: typeof TypeScript, sourceFile: TypeScript.SourceFile): Map<string, TypeScript.TypeNode> {
  const aliases = new Map<string, TypeScript.TypeNode>()
  for (const statement of sourceFile.statements) {
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement.type)
  }
  return aliases
}

/**
 * serializedTypesOf lists the annotations in `node` that `emitDecoratorMetadata` writes out: decorated
 * properties and accessors, the parameters and return type of decorated methods, and the constructor
 * parameters of a decorated class or of a constructor with a decorated parameter. A property whose
 * decorators do not care what its design type is (see designTypeIgnored) is left out, unless `withIgnored`.
 */
export function serializedTypesOf(
  ts: typeof TypeScript,
  node: TypeScript.ClassLikeDeclaration,
  sourceFile: TypeScript.SourceFile,
  withIgnored = false,
): (TypeScript.TypeNode | undefined)[] {
  const decorated = (n: TypeScript.Node) => ts.canHaveDecorators(n) && ts.getDecorators(n) !== undefined
  const withDecoratedParameter = (n: TypeScript.SignatureDeclarationBase) => n.parameters.some(decorated)
  const parameterTypes = (n: TypeScript.SignatureDeclarationBase) => n.parameters.map((p) => p.type)
  const decoratedAccessors = new Set<string>()
  for (const member of node.members) {
    if (ts.isAccessor(member) && decorated(member)) decoratedAccessors.add(member.name.getText(sourceFile))
  }
  const types: (TypeScript.TypeNode | undefined)[] = []
  for (const member of node.members) {
    if (ts.isPropertyDeclaration(member) && decorated(member)) {
      if (withIgnored || !designTypeIgnored(ts, member)) types.push(member.type)
    }
    else if (ts.isAccessor(member) && decoratedAccessors.has(member.name.getText(sourceFile))) types.push(member.type, ...parameterTypes(member))
    else if (ts.isMethodDeclaration(member) && (decorated(member) || withDecoratedParameter(member))) types.push(member.type, ...parameterTypes(member))
    else if (ts.isConstructorDeclaration(member) && (decorated(node) || withDecoratedParameter(member))) types.push(...parameterTypes(member))
  }
  return types
}

/**
 * TypeORM's relation decorators (and the index and join decorators that go with them) read a property's
 * design type only to tell a lazy `Promise<...>` relation, a global the emit of the file on its own resolves;
 * for an imported entity class its runtime guard yields the class, as `tsc` does.
 */
const relationDecorators = new Set([
  'ManyToOne', 'OneToMany', 'OneToOne', 'ManyToMany', 'JoinColumn', 'JoinTable', 'RelationId', 'TreeParent', 'TreeChildren', 'Index',
])
/** TypeORM's column decorators that never read the design type: their column type comes from what they are. */
const untypedColumnDecorators = new Set([
  'PrimaryGeneratedColumn', 'CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn', 'VersionColumn', 'ViewColumn', 'Generated',
])
/** TypeORM's column decorators that read the design type only when no column type is given. */
const typedColumnDecorators = new Set(['Column', 'PrimaryColumn'])

/**
 * designTypeIgnored says whether every decorator of `member` is a relation decorator, a column decorator
 * that never reads the design type (`@CreateDateColumn()`), one given its column type (`@Column('varchar')`,
 * `@Column({ type: 'varchar' })`) or one embedding a class, so that what the design
 * type is does not change the column. TypeORM still reads it for an `hstore` column.
 */
function designTypeIgnored(ts: typeof TypeScript, member: TypeScript.PropertyDeclaration): boolean {
  return (ts.getDecorators(member) ?? []).every((decorator) => {
    const call = ts.isCallExpression(decorator.expression) ? decorator.expression : undefined
    const callee = call?.expression ?? decorator.expression
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined
    if (name === undefined) return false
    if (relationDecorators.has(name) || untypedColumnDecorators.has(name)) return true
    return typedColumnDecorators.has(name) && call !== undefined && (givesColumnType(ts, call.arguments[0]) || embedsClass(ts, call.arguments[0], member.type))
  })
}

/**
 * embedsClass says whether a column embeds a class (`@Column(() => Address) address: Address`), typed by a
 * class or an array of them: TypeORM reads the design type only to tell an array, which SWC, the emit of
 * the file on its own and `tsc` all tell alike there.
 */
function embedsClass(ts: typeof TypeScript, argument: TypeScript.Expression | undefined, type: TypeScript.TypeNode | undefined): boolean {
  if (argument === undefined || !(ts.isArrowFunction(argument) || ts.isFunctionExpression(argument))) return false
  return type !== undefined && (ts.isTypeReferenceNode(type) || (ts.isArrayTypeNode(type) && ts.isTypeReferenceNode(type.elementType)))
}

function givesColumnType(ts: typeof TypeScript, argument: TypeScript.Expression | undefined): boolean {
  if (argument === undefined) return false
  if (ts.isStringLiteralLike(argument)) return argument.text !== 'hstore'
  if (!ts.isObjectLiteralExpression(argument)) return false
  // `type: Date` names a constructor; a string must not be 'hstore'.
  const given = (value: TypeScript.Expression) => ts.isIdentifier(value) || (ts.isStringLiteralLike(value) && value.text !== 'hstore')
  return argument.properties.some((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'type' && given(p.initializer))
}

export function mentionsImport(
  ts: typeof TypeScript,
  type: TypeScript.Node,
  imported: ReadonlySet<string>,
  aliases: ReadonlyMap<string, TypeScript.TypeNode>,
  followed: Set<string>,
): boolean {
  if (ts.isTypeReferenceNode(type)) {
    const name = leftmostIdentifier(ts, type.typeName).text
    if (imported.has(name)) return true
    const alias = aliases.get(name)
    if (alias !== undefined && !followed.has(name)) {
      followed.add(name)
      if (mentionsImport(ts, alias, imported, aliases, followed)) return true
    }
  }
  return ts.forEachChild(type, (child) => mentionsImport(ts, child, imported, aliases, followed) || undefined) ?? false
}

export function leftmostIdentifier(ts: typeof TypeScript, name: TypeScript.EntityName): TypeScript.Identifier {
  return ts.isIdentifier(name) ? name : leftmostIdentifier(ts, name.left)
}
