import * as path from 'node:path'
import { isInModulePackage } from './module-package'
import { prefetchTranspiles, prefetchesDone } from './typescript-loader'
import { typeScriptExtensions } from './script-extensions'
import { type FileLoader, withFileLoader } from './typeorm-file-loader'

// TypeORM loads each file its entity, migration and subscriber globs name through `importOrRequireFile`,
// which first looks for the file's nearest package.json with asynchronous stats, for every file at once: at
// 1,000 entity files, thousands of stats queue on Node's thread pool, about a third of the loading time. While
// we build, a file that TypeORM would `require` is required without those stats, its package.json read
// synchronously and kept per folder (isInModulePackage); TypeORM's own function still imports what it would import (ESM).

const msBetweenTurns = 10

/** withSynchronousRequires runs `work` with TypeORM's file loader requiring CommonJS files synchronously, then restores it. */
export async function withSynchronousRequires<T>(work: () => Promise<T>): Promise<T> {
  return withFileLoader(synchronousRequires, work)
}

function synchronousRequires(original: FileLoader): FileLoader {
  let previous: Promise<unknown> = Promise.resolve()
  let turned = performance.now()
  const queued: string[] = []
  return (filePath) => {
    queued.push(filePath)
    // One file after the other, in the globs' order; every few milliseconds the event loop turns, so that
    // I/O started before (the database read ahead, SWC's transpiles) moves on while the files load.
    const loaded = previous.then(async (): Promise<[unknown, 'esm' | 'commonjs']> => {
      // The first file waits until all are queued: then the transpiles of the files not cached yet start at
      // once, and every file loads from them.
      if (queued.length > 0) {
        prefetchTranspiles(queued.splice(0))
        await prefetchesDone()
      }
      if (performance.now() - turned > msBetweenTurns) {
        await new Promise((resolve) => setImmediate(resolve))
        turned = performance.now()
      }
      return loadedWithRequire(filePath) ? [require(filePath), 'commonjs'] : original(filePath)
    })
    previous = loaded.catch(() => undefined)
    return loaded
  }
}

/**
 * loadedWithRequire says whether the file is required rather than `import()`ed. TypeScript files are required,
 * through the TypeScript loader that transpiles them to CommonJS, as the config is (see importModule), also in
 * a `"type": "module"` package, where TypeORM would `import()` them and Node knows no `.ts`. Other files load
 * as TypeORM's importOrRequireFile loads them: `.mjs`, and `.js` in a module package, through `import()`.
 */
function loadedWithRequire(filePath: string): boolean {
  const extension = path.extname(filePath)
  if (typeScriptExtensions.includes(extension)) return true
  if (extension === '.mjs') return false
  return extension !== '.js' || !isInModulePackage(filePath)
}
