/**
 * MetadataDeclarations are what of a file decides the decorator metadata a compiler writes for it, read from
 * either compiler's syntax tree (see typeScriptMetadataDeclarations, swcMetadataDeclarations): the names it
 * imports, its type aliases, and each annotation `emitDecoratorMetadata` serializes.
 */
export interface MetadataDeclarations {
  /** Bindings its imports declare (`import { Team }`, `import * as enums`, `import x = require()`). */
  readonly imported: ReadonlySet<string>
  /**
   * The module each binding of an import that stays in the output is imported from (`'geojson'` for
   * `import { Point } from 'geojson'`): not those of `import type`, nor `import { type Point }`.
   */
  readonly importedFrom: ReadonlyMap<string, string>
  /**
   * The names the file reads as values (outside types and imports), where an emit keeps an import's `require` for
   * them whatever they are. It may hold more (a property name): it only ever sends a file to the slower emit less.
   */
  readonly valueNames: ReadonlySet<string>
  /**
   * Its top-level type aliases, by name, and the type parameters of its classes as aliases of their
   * constraints (`type: T` where `class Item<T extends Kind>`): `tsc` writes what the constraint is.
   */
  readonly aliases: ReadonlyMap<string, DesignTypeNode>
  /**
   * Its top-level enums whose kind SWC does not read off their members (see typedByMembers): `tsc` writes
   * `Number` or `String` for `flags: Flags` where `enum Flags { A = 1 << 0 }`, SWC `Object`.
   */
  readonly untypedEnums: ReadonlySet<string>
  /** In file order, across every class of the file. */
  readonly serialized: readonly SerializedAnnotation[]
}

/**
 * SerializedAnnotation is one annotation decorator metadata writes out: a decorated property's or accessor's
 * type, or a parameter or return type of a decorated method or constructor. `decorators` are those of the
 * property; undefined for the others.
 */
export interface SerializedAnnotation {
  readonly type: DesignTypeNode | undefined
  readonly decorators?: readonly DecoratorCall[]
}

/** DecoratorCall is a decorator as the rules read it: its name (`Column`, or `orm.Column`'s `Column`) and first argument. */
export interface DecoratorCall {
  /** Undefined where the decorator is no identifier or property access (`@(make())`). */
  readonly name: string | undefined
  /** Undefined where the decorator is not called (`@Column`) or is called without arguments. */
  readonly firstArgument: DecoratorArgument | undefined
}

export type DecoratorArgument =
  | { readonly kind: 'string'; readonly text: string }
  /** An object literal; `type` is its `type:` property's value, where it has one. */
  | { readonly kind: 'object'; readonly type: DecoratorArgument | { readonly kind: 'identifier' } | undefined }
  | { readonly kind: 'function' }
  | { readonly kind: 'other' }

/**
 * DesignTypeNode is a type annotation, kept as far as the rules tell types apart. `keyword` holds the keyword's
 * text (`string`, `null`, `never`...); `reference` the leftmost identifier of its name (`enums` for
 * `enums.Status`); `structural` an array, tuple, type literal, function or `this` type, whose metadata is
 * fixed; `other` anything else (an intersection, `keyof T`, `typeof x`...), with the types it holds.
 */
export type DesignTypeNode =
  | { readonly kind: 'keyword'; readonly keyword: string }
  | { readonly kind: 'literal' }
  | { readonly kind: 'reference'; readonly name: string; readonly typeArguments: readonly DesignTypeNode[] }
  | { readonly kind: 'union'; readonly types: readonly DesignTypeNode[] }
  | { readonly kind: 'parenthesized'; readonly type: DesignTypeNode }
  | { readonly kind: 'array'; readonly element: DesignTypeNode }
  | { readonly kind: 'structural'; readonly children: readonly DesignTypeNode[] }
  | { readonly kind: 'other'; readonly children: readonly DesignTypeNode[] }

/** childrenOf are the types `type` holds, for a walk through all of them. */
export function childrenOf(type: DesignTypeNode): readonly DesignTypeNode[] {
  switch (type.kind) {
    case 'keyword':
    case 'literal':
      return []
    case 'reference':
      return type.typeArguments
    case 'union':
      return type.types
    case 'parenthesized':
      return [type.type]
    case 'array':
      return [type.element]
    case 'structural':
    case 'other':
      return type.children
  }
}

/** EnumInitializer is an enum member's initializer as typedByMembers tells them apart. */
export type EnumInitializer = 'none' | 'number' | 'negated number' | 'string' | 'other'

/**
 * typedByMembers says whether SWC writes an enum's design type as `tsc` does: where it has members and each
 * has no initializer, a number, a negated number or a string literal. For any other (`1 << 0`, `+1`, `(1)`,
 * another member, a template or a concatenation) and for an enum without members, it writes `Object` or the
 * enum object, where `tsc` writes `Number` or `String`.
 */
export function typedByMembers(initializers: readonly EnumInitializer[]): boolean {
  return initializers.length > 0 && initializers.every((i) => i !== 'other')
}
