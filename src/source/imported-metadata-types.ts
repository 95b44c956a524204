import { type DecoratorArgument, type DecoratorCall, type DesignTypeNode, type MetadataDeclarations, childrenOf } from './metadata-declarations'

/**
 * decoratorMetadataNamesImport says whether a file has a type annotation that decorator metadata serializes
 * (`design:type`, `design:paramtypes`, `design:returntype`), whose design type matters (see
 * designTypeIgnored), and that names an imported binding, directly (`Status`, `enums.Status`,
 * `Status | null`) or through a type alias declared in the file. Only there can an emit of the file on its own
 * differ from `tsc`'s: it cannot tell an imported string enum (`String`) from a class, so it writes a runtime
 * guard that yields `Object` for the enum.
 */
export function decoratorMetadataNamesImport(file: MetadataDeclarations): boolean {
  if (file.imported.size === 0) return false
  return file.serialized.some(({ type, decorators }) => type !== undefined && !designTypeIgnored(decorators, type) && mentionsImport(type, file))
}

/**
 * TypeORM's relation decorators (and the index and join decorators that go with them) read a property's
 * design type only to tell a lazy `Promise<...>` relation.
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
 * designTypeIgnored says whether every decorator of a property is a relation decorator, a column decorator
 * that never reads the design type (`@CreateDateColumn()`), one given its column type (`@Column('varchar')`,
 * `@Column({ type: 'varchar' })`) or one embedding a class, so that the design type does not change the
 * column: at most whether it is a Promise (a lazy relation) matters. TypeORM still reads it for an `hstore`
 * column. False for what is no property (`decorators` undefined).
 */
export function designTypeIgnored(decorators: readonly DecoratorCall[] | undefined, type: DesignTypeNode | undefined): boolean {
  if (decorators === undefined) return false
  return decorators.every(({ name, firstArgument }) => {
    if (name === undefined) return false
    if (relationDecorators.has(name) || untypedColumnDecorators.has(name)) return true
    return typedColumnDecorators.has(name) && (givesColumnType(firstArgument) || embedsClass(firstArgument, type))
  })
}

/**
 * embedsClass says whether a column embeds a class (`@Column(() => Address) address: Address`), typed by a
 * class or an array of them: TypeORM reads the design type only to tell an array, which SWC, the emit of
 * the file on its own and `tsc` all tell alike there.
 */
function embedsClass(argument: DecoratorArgument | undefined, type: DesignTypeNode | undefined): boolean {
  if (argument?.kind !== 'function' || type === undefined) return false
  return type.kind === 'reference' || (type.kind === 'array' && type.element.kind === 'reference')
}

function givesColumnType(argument: DecoratorArgument | undefined): boolean {
  if (argument?.kind === 'string') return argument.text !== 'hstore'
  if (argument?.kind !== 'object' || argument.type === undefined) return false
  // `type: Date` names a constructor; a string must not be 'hstore'.
  return argument.type.kind === 'identifier' || (argument.type.kind === 'string' && argument.type.text !== 'hstore')
}

/** mentionsImport says whether `type` names an imported binding anywhere in it, or through the file's type aliases. */
export function mentionsImport(type: DesignTypeNode, file: MetadataDeclarations, followed = new Set<string>()): boolean {
  if (type.kind === 'reference') {
    if (file.imported.has(type.name)) return true
    const alias = file.aliases.get(type.name)
    if (alias !== undefined && !followed.has(type.name)) {
      followed.add(type.name)
      if (mentionsImport(alias, file, followed)) return true
    }
  }
  return childrenOf(type).some((child) => mentionsImport(child, file, followed))
}
