import { scriptBaseName } from './script-extensions'

/** siblingImport finds an import of a file of the same folder (`from './1700000000000-Init'`, `require('./x.js')`): group 2. */
const siblingImport = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])\.\/([^'"/]+)\1/g
const classDeclaration = /\bclass\s+[\w$]/

/**
 * isMigrationIndex says whether `source`, a file of the migrations folder, is an index of its migrations (an
 * `index.ts` that imports them for a DataSource listing them as classes: `migrations: [...]`) rather than a
 * migration: it declares no class and imports one of `migrationFileNames`, the folder's other script files.
 * Such a file changes with every new migration and never runs itself.
 */
export function isMigrationIndex(source: string, migrationFileNames: readonly string[]): boolean {
  if (classDeclaration.test(source)) return false
  const siblings = new Set(migrationFileNames.map(scriptBaseName))
  return [...source.matchAll(siblingImport)].some((match) => siblings.has(scriptBaseName(match[2]!)))
}
