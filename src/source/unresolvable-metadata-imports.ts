import { createRequire } from 'node:module'
import { type DesignTypeNode, type MetadataDeclarations, childrenOf } from './metadata-declarations'

/**
 * metadataNamesUnresolvableImport says whether a file's decorator metadata names a binding imported from a
 * module Node cannot resolve from the file: `location: Point` with `Point` from `'geojson'`, where only
 * `@types/geojson` is installed. `tsc` drops that import, whose bindings are only types; SWC, and the
 * TypeScript compiler given the file alone, keep its `require` for the metadata's runtime guard
 * (`typeof Point === "undefined" ? Object : Point`), which then fails to load although the app builds and runs.
 * It holds whatever the decorators are, a column given its type or a relation: the `require` runs all the same.
 */
export function metadataNamesUnresolvableImport(file: MetadataDeclarations, fileName: string): boolean {
  if (file.importedFrom.size === 0) return false
  const modules = new Set<string>()
  for (const { type } of file.serialized) if (type !== undefined) addImportedModules(type, file, modules)
  if (modules.size === 0) return false
  const resolveFrom = createRequire(fileName)
  return [...modules].some((request) => {
    try {
      resolveFrom.resolve(request)
      return false
    } catch {
      return true
    }
  })
}

function addImportedModules(type: DesignTypeNode, file: MetadataDeclarations, modules: Set<string>): void {
  if (type.kind === 'reference') {
    const from = file.importedFrom.get(type.name)
    if (from !== undefined) modules.add(from)
  }
  for (const child of childrenOf(type)) addImportedModules(child, file, modules)
}
