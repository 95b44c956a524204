/**
 * MigrationFormat is the language a new migration file is written in, and so its extension: TypeScript, or
 * JavaScript as the module Node loads the file as (CommonJS, or an ES module).
 */
export interface MigrationFormat {
  /** `.ts`, `.js`, `.cjs` or `.mjs`. */
  readonly extension: string
  readonly module: 'typescript' | 'commonjs' | 'esm'
}

export const typeScriptMigration: MigrationFormat = { extension: '.ts', module: 'typescript' }

/** javaScriptMigration is the format of a `.js`, `.cjs` or `.mjs` migration; a `.js` one is an ES module in a `"type": "module"` package. */
export function javaScriptMigration(extension: string, inModulePackage: boolean): MigrationFormat {
  const esm = extension === '.mjs' || (extension === '.js' && inModulePackage)
  return { extension, module: esm ? 'esm' : 'commonjs' }
}
