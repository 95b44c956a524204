/** RenamedFromRecord is what `@RenamedFrom` stored for one class. */
interface RenamedFromRecord {
  table?: readonly string[]
  readonly columns: Map<string, readonly string[]>
}

// The registry lives on globalThis under a registered symbol, so that entities importing the package from
// another copy of it (a project's own node_modules next to a global CLI) reach the same records.
const registryKey = Symbol.for('typeorm-autogen.renamed-from')

function registry(): WeakMap<object, RenamedFromRecord> {
  const holder = globalThis as unknown as Record<symbol, WeakMap<object, RenamedFromRecord> | undefined>
  return (holder[registryKey] ??= new WeakMap())
}

function recordOf(target: object): RenamedFromRecord {
  const records = registry()
  const found = records.get(target)
  if (found !== undefined) return found
  const created: RenamedFromRecord = { columns: new Map() }
  records.set(target, created)
  return created
}

/**
 * RenamedFrom states that a table or column was renamed, so that the next migration renames it (keeping
 * its rows) instead of dropping the old one and adding the new one. On an entity class it names the
 * table's old name (`'crm.client'` for a table moved from schema `crm`, PostgreSQL); on a property, the
 * column's old database name. Several old names may be given, in one decorator or in several stacked, for a
 * table or column renamed more than once; the first the database still has wins. Once the database has the new name
 * the hint is ignored, so it can stay in the code.
 *
 * @example
 * `@Entity('article') @RenamedFrom('post') class Article { @Column() @RenamedFrom('body') content: string }`
 */
export function RenamedFrom(...oldNames: string[]): (target: object, propertyKey?: string | symbol) => void {
  if (oldNames.length === 0 || oldNames.some((name) => typeof name !== 'string' || name === '')) {
    throw new TypeError('@RenamedFrom needs the old table or column name, e.g. @RenamedFrom(\'body\')')
  }
  // Stacked decorators add their names (a name kept from an earlier rename beside the latest one's): they apply
  // from the bottom up, so each goes before those applied already, and the names keep the order they are written in.
  return (target, propertyKey) => {
    if (propertyKey === undefined) {
      const record = recordOf(target)
      record.table = withEarlier(oldNames, record.table)
    } else {
      // A property decorator receives the prototype: records are kept by class.
      const owner = (target as { constructor: object }).constructor
      const columns = recordOf(owner).columns
      columns.set(String(propertyKey), withEarlier(oldNames, columns.get(String(propertyKey))))
    }
  }
}

function withEarlier(names: readonly string[], applied: readonly string[] = []): readonly string[] {
  return [...new Set([...names, ...applied])]
}

/** tableRenamedFrom is what `@RenamedFrom` says about the table of entity class `target`. */
export function tableRenamedFrom(target: unknown): readonly string[] {
  return (typeof target === 'function' && registry().get(target)?.table) || []
}

/** OldTable is a table's old name as `@RenamedFrom` states it: `schema.table` where the table moved from another schema. */
export interface OldTable { readonly schema?: string; readonly name: string }

/** oldTableOf reads one of a class's `@RenamedFrom` names: a name with one dot is `schema.table`. */
export function oldTableOf(old: string): OldTable {
  const [schema, name, ...rest] = old.split('.')
  return name === undefined || rest.length > 0 ? { name: old } : { schema: schema!, name }
}

/** columnRenamedFrom is what `@RenamedFrom` says about property `property` declared on class `target`. */
export function columnRenamedFrom(target: unknown, property: string): readonly string[] {
  return (typeof target === 'function' && registry().get(target)?.columns.get(property)) || []
}
