import * as path from 'node:path'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'

/**
 * entityFileOf finds the file that declares an entity: the loaded CommonJS module (config, entity file or
 * file found by TypeORM's glob) that exports its class, or its EntitySchema, relative to the current folder
 * when inside it. Undefined for an entity nothing exports, or one loaded as ESM.
 */
export function entityFileOf(metadata: EntityMetadata): string | undefined {
  const file = entityModuleOf(metadata)
  return file === undefined ? undefined : shortPath(file)
}

/** entityModuleOf is the absolute path of the file entityFileOf finds. */
export function entityModuleOf(metadata: EntityMetadata): string | undefined {
  return moduleExporting((value) => value === metadata.target || isSchemaOf(value, metadata.target))
}

/**
 * entitySchemaFilesNamed are the files (as entityFileOf gives them) of the loaded modules that export an
 * EntitySchema of this name and no target: TypeORM's metadata of such a schema holds only the name, so two
 * of one name cannot be told apart from it.
 */
export function entitySchemaFilesNamed(name: string): string[] {
  const exporting = [...exportingModules((value) => isSchemaOf(value, name))].map((found) => found.module)
    .filter((module) => !module.filename.split(path.sep).includes('node_modules'))
  return declaringOf(exporting).map((module) => shortPath(module.filename))
}

/** classModuleOf is the absolute path of the loaded CommonJS module that declares (exports) a class. */
export function classModuleOf(target: unknown): string | undefined {
  return moduleExporting((value) => value === target)
}

/**
 * moduleExporting is the absolute path of the module that declares what `matches`, else of one that exports
 * it through a getter and requires no other such module. SWC exports a file's own declarations through
 * getters too, so among the getters the declaring file is the one a barrel file re-exports from.
 */
function moduleExporting(matches: (value: unknown) => boolean): string | undefined {
  const throughGetters: NodeJS.Module[] = []
  for (const { module, kind } of exportingModules(matches)) {
    if (kind === 'declared') return module.filename
    throughGetters.push(module)
  }
  return (declaringOf(throughGetters)[0] ?? throughGetters[0])?.filename
}

/** exportingModules are the loaded modules that export what `matches`, in load order, each with how (see exportKind). */
function* exportingModules(matches: (value: unknown) => boolean): Generator<{ readonly module: NodeJS.Module; readonly kind: 'declared' | 'reexported' }> {
  for (const module of Object.values(require.cache)) {
    if (module === undefined) continue
    // Getters of packages may load modules lazily: only the project's own files are asked through them.
    const readGetters = !module.filename.split(path.sep).includes('node_modules')
    const kind = exportKind(module.exports, readGetters, matches)
    if (kind !== undefined) yield { module, kind }
  }
}

/** declaringOf are the modules that require none of the others: a barrel re-exports what a file it requires declares. */
function declaringOf(modules: readonly NodeJS.Module[]): NodeJS.Module[] {
  return modules.filter((module) => !module.children.some((child) => modules.includes(child)))
}

/**
 * exportKind says how a module exports what `matches`: as a plain property or the whole module (where it is
 * declared), or through a getter only (TypeScript's `export * from`, a barrel file that re-exports it, or any
 * export of a file SWC transpiled).
 */
function exportKind(
  exported: unknown,
  readGetters: boolean,
  matches: (value: unknown) => boolean,
): 'declared' | 'reexported' | undefined {
  if (matches(exported)) return 'declared'
  if (typeof exported !== 'object' || exported === null) return undefined
  let kind: 'reexported' | undefined
  for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(exported))) {
    if ('value' in descriptor) {
      if (matches(descriptor.value)) return 'declared'
    } else if (readGetters && descriptor.get !== undefined && matches(safeGet(() => descriptor.get!.call(exported)))) {
      kind = 'reexported'
    }
  }
  return kind
}

function safeGet(read: () => unknown): unknown {
  try {
    return read()
  } catch {
    return undefined
  }
}

/** isSchemaOf says whether a value is an EntitySchema for the target of TypeORM's metadata (its class, else its name). */
function isSchemaOf(value: unknown, target: EntityMetadata['target']): boolean {
  if (typeof value !== 'object' || value === null) return false
  if ((value as Record<string, unknown>)['@instanceof'] !== Symbol.for('EntitySchema')) return false
  const { options } = value as { options?: { name?: unknown; target?: unknown } }
  return (options?.target ?? options?.name) === target
}

function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative
}
