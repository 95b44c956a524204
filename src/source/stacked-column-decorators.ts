import { getMetadataArgsStorage } from 'typeorm'
import type { ColumnMetadataArgs } from 'typeorm/metadata-args/ColumnMetadataArgs'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'

/**
 * stackedColumnDecoratorWarnings are the sentences for the properties of the entities' classes that carry two
 * column decorators or more (`@Column({ type: 'bigint', generated: 'increment' })` over `@PrimaryColumn()`): TypeORM
 * keeps the options of the one written nearest the property, which registers first, and drops the others' without a
 * word (a `generated` of theirs still applies), so the table gets a column nobody wrote as a whole.
 */
export function stackedColumnDecoratorWarnings(metadatas: readonly EntityMetadata[]): string[] {
  const byTarget = new Map<unknown, Map<string, ColumnMetadataArgs[]>>()
  for (const args of getMetadataArgsStorage().columns) {
    let properties = byTarget.get(args.target)
    if (properties === undefined) byTarget.set(args.target, (properties = new Map()))
    properties.set(args.propertyName, [...(properties.get(args.propertyName) ?? []), args])
  }
  const classes = new Set(metadatas.flatMap((m) => m.inheritanceTree))
  const warnings: string[] = []
  for (const [target, properties] of byTarget) {
    if (!classes.has(target as never)) continue
    for (const [property, [kept, ...dropped]] of properties) {
      if (kept === undefined || dropped.length === 0) continue
      const given = [...new Set(dropped.flatMap(writtenOptions))]
      // A plain `@Column()` beside another decorator adds nothing TypeORM drops: no warning.
      if (given.length === 0 && dropped.every((d) => d.mode === 'regular')) continue
      const ignored = given.filter((key) => key !== 'generated').join(', ')
      const detail = [ignored, given.includes('generated') ? 'its generated still applies' : ''].filter((part) => part !== '').join('; ')
      warnings.push(
        `property "${property}" of class ${classNameOf(target)} has ${dropped.length + 1} column decorators: TypeORM keeps ${decoratorOf(kept)}, written nearest ` +
        `the property, and ignores the options of ${dropped.map(decoratorOf).join(' and ')}${detail !== '' ? ` (${detail})` : ''}; ` +
        'write one decorator with all the options',
      )
    }
  }
  return warnings
}

/**
 * writtenOptions are the options a column decorator was given: TypeORM's decorators fill a missing `type` with the
 * property's design type (`Date`), which nobody wrote.
 */
function writtenOptions(args: ColumnMetadataArgs): string[] {
  const options = args.options as Record<string, unknown>
  const inferred = (key: string) => key === 'type' && options.type === designTypeOf(args.target, args.propertyName)
  return Object.keys(options).filter((key) => options[key] !== undefined && !inferred(key))
}

function designTypeOf(target: unknown, property: string): unknown {
  const reflect = Reflect as unknown as { getMetadata?: (key: string, target: object, property: string) => unknown }
  return typeof target === 'function' && reflect.getMetadata !== undefined ? reflect.getMetadata('design:type', target.prototype as object, property) : undefined
}

function classNameOf(target: unknown): string {
  return typeof target === 'function' && target.name !== '' ? target.name : String(target)
}

/** decoratorOf names the decorator that registered `args`, as far as its mode and options tell. */
function decoratorOf(args: ColumnMetadataArgs): string {
  if (args.mode !== 'regular') return `@${args.mode[0]!.toUpperCase()}${args.mode.slice(1)}Column`
  return args.options.primary === true ? '@PrimaryColumn' : '@Column'
}
