/** FileLoader is TypeORM's `importOrRequireFile`, which loads each file its entity, migration and subscriber globs name. */
export type FileLoader = (filePath: string) => Promise<[unknown, 'esm' | 'commonjs']>

/**
 * withFileLoader runs `work` with TypeORM's file loader replaced by what `wrap` makes of the one in place, and
 * puts that one back after. Wraps nest: each wraps the loader in place when it starts.
 */
export async function withFileLoader<T>(wrap: (loader: FileLoader) => FileLoader, work: () => Promise<T>): Promise<T> {
  const utils = require('typeorm/util/ImportUtils') as { importOrRequireFile: FileLoader }
  const original = utils.importOrRequireFile
  utils.importOrRequireFile = wrap(original)
  try {
    return await work()
  } finally {
    utils.importOrRequireFile = original
  }
}
