import { extname } from 'node:path'

/** typeScriptExtensions are the extensions the TypeScript loader takes, all as CommonJS. */
export const typeScriptExtensions: readonly string[] = ['.ts', '.cts', '.mts']

/** isTypeScriptSource says whether a file is TypeScript (see typeScriptExtensions), not JavaScript. */
export function isTypeScriptSource(file: string): boolean {
  return typeScriptExtensions.includes(extname(file))
}

/** scriptBaseName is a script's path without its extension, the same for a `.ts` source and the `.js` built beside it. */
export function scriptBaseName(file: string): string {
  return file.replace(/\.[cm]?[jt]s$/, '')
}
