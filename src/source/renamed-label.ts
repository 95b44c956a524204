/** LabelRename is one label of an enum column renamed, as `@RenamedLabel` states it. */
export interface LabelRename {
  readonly from: string
  readonly to: string
}

// On globalThis under a registered symbol, as `@RenamedFrom`'s records are (see renamed-from).
const registryKey = Symbol.for('typeorm-autogen.renamed-label')

function registry(): WeakMap<object, Map<string, LabelRename[]>> {
  const holder = globalThis as unknown as Record<symbol, WeakMap<object, Map<string, LabelRename[]>> | undefined>
  return (holder[registryKey] ??= new WeakMap())
}

/**
 * RenamedLabel states that a label of an enum column was renamed, so that the next migration renames it in
 * place (PostgreSQL: `ALTER TYPE ... RENAME VALUE`), the rows holding it keeping their value, instead of
 * removing the old label and adding the new one. Stack one per label. Once the database has the new label and
 * not the old one the hint is ignored, so it can stay in the code.
 *
 * @example
 * `@Column({ type: 'enum', enum: ['queued', 'done'] }) @RenamedLabel('pending', 'queued') status: string`
 */
export function RenamedLabel(from: string, to: string): (target: object, propertyKey: string | symbol) => void {
  if (typeof from !== 'string' || typeof to !== 'string' || from === to) {
    throw new TypeError('@RenamedLabel needs the old label and the new one, e.g. @RenamedLabel(\'pending\', \'queued\')')
  }
  return (target, propertyKey) => {
    if (propertyKey === undefined) throw new TypeError('@RenamedLabel goes on the enum column\'s property, not on the class')
    // A property decorator receives the prototype: records are kept by class.
    const owner = (target as { constructor: object }).constructor
    const records = registry()
    const properties = records.get(owner) ?? new Map<string, LabelRename[]>()
    records.set(owner, properties)
    // Decorators run bottom-up: each goes first, so that the stack reads top-down.
    properties.set(String(propertyKey), [{ from, to }, ...(properties.get(String(propertyKey)) ?? [])])
  }
}

/** labelsRenamedOn is what `@RenamedLabel` says about property `property` declared on class `target`. */
export function labelsRenamedOn(target: unknown, property: string): readonly LabelRename[] {
  return (typeof target === 'function' && registry().get(target)?.get(property)) || []
}
