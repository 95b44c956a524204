import type { DesignTypeNode, MetadataDeclarations } from './metadata-declarations'

/**
 * metadataNamesImportTscMayDrop says whether a file's decorator metadata names a binding of an import whose bindings
 * the file reads nowhere else as values: `content: MessageContent` with `MessageContent` a type alias of
 * `'../utils'`, or `location: Point` with `Point` from `'geojson'`, where only `@types/geojson` is installed. `tsc`
 * drops that import when the binding is only a type; SWC, and the TypeScript compiler given the file alone, keep
 * its `require` for the metadata's runtime guard (`typeof Point === "undefined" ? Object : Point`), which loads a
 * module the app's build never loads from the entity: one Node cannot find, or one that needs the app's
 * environment, or its Redis, to load. It holds whatever the decorators are, a column given its type or a
 * relation: the `require` runs all the same.
 */
export function metadataNamesImportTscMayDrop(file: MetadataDeclarations): boolean {
  if (file.importedFrom.size === 0) return false
  const readModules = new Set([...file.importedFrom].filter(([binding]) => file.valueNames.has(binding)).map(([, from]) => from))
  return file.serialized.some(({ type }) => {
    const name = type === undefined ? undefined : guardedName(type)
    const from = name === undefined ? undefined : file.importedFrom.get(name)
    return from !== undefined && !readModules.has(from)
  })
}

/** guardedName is the binding the metadata's runtime guard reads for `type`: a reference's, through parentheses. */
function guardedName(type: DesignTypeNode): string | undefined {
  if (type.kind === 'parenthesized') return guardedName(type.type)
  return type.kind === 'reference' ? type.name : undefined
}
