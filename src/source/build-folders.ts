import { existsSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { nearestAbove } from './nearest-above'
import { readTsconfigChain } from './tsconfig-chain'

// The folders of a TypeScript build: the tsconfig.json above a folder compiles its rootDir into its outDir.

const tsconfigOfFolder = new Map<string, string | undefined>()

/**
 * compiledFolderOf is the folder of the tsconfig's outDir that the build compiles source folder `folder` into
 * (the inverse of sourceFolderOf): the same path under the outDir as `folder` has under the rootDir (the
 * tsconfig's folder by default). Undefined where no tsconfig above it has an outDir, or `folder` is not a
 * source folder of it.
 */
export function compiledFolderOf(folder: string): string | undefined {
  const build = buildAbove(folder)
  if (build === undefined || isWithin(build.outDir, folder) || !isWithin(build.rootDir, folder)) return undefined
  return path.join(build.outDir, path.relative(build.rootDir, folder))
}

/**
 * insideOutDir says whether `folder` is inside the `outDir` of the tsconfig.json above it, where the build
 * writes (and may delete) what it compiles. An outDir that holds the tsconfig itself (`"outDir": "."`) is not
 * told apart from the sources.
 */
export function insideOutDir(folder: string): boolean {
  return buildOf(folder) !== undefined
}

/** buildOf is buildAbove(folder) where `folder` is inside its outDir (see insideOutDir). */
function buildOf(folder: string): Build | undefined {
  const build = buildAbove(folder)
  return build !== undefined && isWithin(build.outDir, folder) ? build : undefined
}

/** Build is where a tsconfig's build compiles to (`outDir`) and from (`rootDir`, the tsconfig's folder where it sets none). */
interface Build {
  readonly outDir: string
  readonly rootDir: string
}

/** buildAbove is the Build of the tsconfig.json above `folder`, where it has an outDir that does not hold the tsconfig itself. */
function buildAbove(folder: string): Build | undefined {
  const tsconfig = nearestAbove(folder, 'tsconfig.json', 'file', tsconfigOfFolder)
  const options = tsconfig === undefined ? undefined : readTsconfigChain(tsconfig)?.merged
  const outDir = options?.outDir
  if (typeof outDir !== 'string' || isWithin(outDir, path.dirname(tsconfig!))) return undefined
  return { outDir, rootDir: typeof options?.rootDir === 'string' ? options.rootDir : path.dirname(tsconfig!) }
}

/**
 * sourceFolderOf is the folder the build compiles into `folder`, where `folder` is inside the `outDir` of the
 * tsconfig.json above it: the same path under its `rootDir` (the tsconfig's folder where it sets none), as
 * `dist/src/database/migrations` is compiled from `src/database/migrations`. Undefined where there is no such
 * folder.
 */
export function sourceFolderOf(folder: string): string | undefined {
  const build = buildOf(folder)
  if (build === undefined) return undefined
  const source = path.join(build.rootDir, path.relative(build.outDir, folder))
  return existsSync(source) && statSync(source).isDirectory() ? source : undefined
}

function isWithin(parent: string, folder: string): boolean {
  const relative = path.relative(parent, folder)
  return !relative.startsWith('..') && !path.isAbsolute(relative)
}
