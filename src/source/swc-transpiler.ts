import * as fs from 'node:fs'
import type * as Swc from '@swc/core'
import type { TranspileSettings } from './transpile-settings'

/** SwcTranspiler turns one TypeScript file into CommonJS with `@swc/core`, as the loader needs it. */
export interface SwcTranspiler {
  /** Names the transpiler and its version, for the transpile cache's key. */
  readonly id: string
  /** The JavaScript, or where SWC found the first syntax error. */
  transpile(source: string, fileName: string, settings: TranspileSettings): SwcOutput
  /** transpile on SWC's own threads. */
  transpileAsync(source: string, fileName: string, settings: TranspileSettings): Promise<SwcOutput>
  /** The file's syntax tree, or undefined where it has a syntax error. */
  parse(source: string): Swc.Module | undefined
}

export type SwcOutput =
  | { readonly code: string }
  | { readonly syntaxError: { readonly line: number; readonly column: number; readonly message: string } }

/** The variable that makes the loader use the TypeScript compiler even where SWC loads. */
export const transpilerVariable = 'TYPEORM_AUTOGEN_TRANSPILER'

let loaded: { readonly swc: typeof Swc | undefined } | undefined

/**
 * swcTranspiler is SWC, required the first time it is asked for, or undefined where the loader uses the
 * TypeScript compiler: SWC cannot load (no prebuilt binary for this platform), which a note on stderr says
 * once, or TYPEORM_AUTOGEN_TRANSPILER=typescript asks for it.
 */
export function swcTranspiler(): SwcTranspiler | undefined {
  if (process.env[transpilerVariable] === 'typescript') return undefined
  if (loaded === undefined) {
    try {
      loaded = { swc: requireSwcCommittingOnDemand() }
    } catch (err) {
      loaded = { swc: undefined }
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err)
      process.stderr.write(`typeorm-autogen: note: @swc/core did not load (${reason}): .ts files are transpiled with the TypeScript compiler, which is slower\n`)
    }
  }
  const swc = loaded.swc
  if (swc === undefined) return undefined
  return {
    id: idOf(swc.version),
    transpile: (source, fileName, settings) => transpileWith(swc, source, fileName, settings),
    parse: (source) => parseWith(swc, source),
    transpileAsync: (source, fileName, settings) => swc.transform(source, swcOptions(fileName, settings)).then(
      (output) => ({ code: output.code }),
      (err: unknown) => ({ syntaxError: locatedError(String(err)) }),
    ),
  }
}

/**
 * requireSwcCommittingOnDemand loads `@swc/core` with its allocator (mimalloc, which reads its options from the
 * environment as the binary loads) committing memory as it is used rather than ahead: 19 MB less peak RSS in a
 * cold run of 1,000 files, at the same speed (BENCHMARKS.md). A value the user set is left as it is.
 */
function requireSwcCommittingOnDemand(): typeof Swc {
  const option = 'MIMALLOC_ARENA_EAGER_COMMIT'
  if (process.env[option] !== undefined) return require('@swc/core') as typeof Swc
  process.env[option] = '0'
  try {
    return require('@swc/core') as typeof Swc
  } finally {
    delete process.env[option]
  }
}

/**
 * swcTranspilerId is the `id` swcTranspiler gives, read from @swc/core's package.json without loading its
 * binary (a transpile cache hit needs no transpiler); undefined where swcTranspiler gives none, as far as known.
 */
export function swcTranspilerId(): string | undefined {
  if (process.env[transpilerVariable] === 'typescript') return undefined
  if (loaded !== undefined) return loaded.swc === undefined ? undefined : idOf(loaded.swc.version)
  if (installedVersion === undefined) {
    try {
      installedVersion = { version: (JSON.parse(fs.readFileSync(require.resolve('@swc/core/package.json'), 'utf8')) as { version: string }).version }
    } catch {
      installedVersion = { version: undefined }
    }
  }
  return installedVersion.version === undefined ? undefined : idOf(installedVersion.version)
}

let installedVersion: { readonly version: string | undefined } | undefined

const idOf = (version: string) => `swc ${version}`

function transpileWith(swc: typeof Swc, source: string, fileName: string, settings: TranspileSettings): SwcOutput {
  try {
    return { code: swc.transformSync(source, swcOptions(fileName, settings)).code }
  } catch (err) {
    return { syntaxError: locatedError(String(err)) }
  }
}

function parseWith(swc: typeof Swc, source: string): Swc.Module | undefined {
  try {
    return swc.parseSync(source, { syntax: 'typescript', decorators: true })
  } catch {
    return undefined
  }
}

// TypeScript's ScriptTarget numbers, ES3 = 0 to ES2024 = 11; ESNext and Latest are 99.
const targets: readonly Swc.JscTarget[] = ['es3', 'es5', 'es2015', 'es2016', 'es2017', 'es2018', 'es2019', 'es2020', 'es2021', 'es2022', 'es2023', 'es2024']
const es2021 = 8
const es2022 = 9

/**
 * swcOptions say to SWC what the loader's compiler options (loaderCompilerOptions) say to TypeScript:
 * CommonJS, legacy decorators with their metadata, the project's target and class field semantics (define
 * from ES2022 on, as TypeScript's default), import interop where importInterop says, and an inline
 * source map where Node reads them. Helpers are required from `@swc/helpers`, which the loader resolves to
 * the tool's own copy (see isSwcHelperRequest).
 */
function swcOptions(fileName: string, settings: TranspileSettings): Swc.Options {
  const target = settings.target ?? es2021
  const sourceMaps = process.sourceMapsEnabled === true
  return {
    filename: fileName,
    swcrc: false,
    configFile: false,
    sourceMaps: sourceMaps ? 'inline' : false,
    inlineSourcesContent: sourceMaps,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: settings.useDefineForClassFields ?? target >= es2022,
      },
      target: targets[target] ?? 'esnext',
      keepClassNames: true,
      // One copy of each helper (`_ts_decorate`, `_ts_metadata`, ...) for all files, not one per file: V8 then
      // compiles it once and optimizes it, where a thousand entity files each compiled and ran their own.
      externalHelpers: true,
    },
    module: { type: 'commonjs', noInterop: !settings.esModuleInterop },
  }
}

/**
 * locatedError reads the line, column and message of SWC's error text, whose first lines are
 * `  x Expression expected` and `   ,-[/path/file.ts:2:1]`.
 */
function locatedError(text: string): { line: number; column: number; message: string } {
  const message = /^\s*(?:error:\s*)?x\s+(.+)$/im.exec(text)?.[1]?.trim() ?? text.split('\n')[0]
  const place = /,-\[(?:.*):(\d+):(\d+)\]/.exec(text)
  return { line: Number(place?.[1] ?? 1), column: Number(place?.[2] ?? 1), message }
}

/**
 * isSwcHelperRequest says whether a request names one of SWC's helpers, which the files it transpiles require.
 * They come from the tool's own `@swc/helpers` (a dependency, of the version that matches its SWC), so that a
 * project need not install it.
 */
export function isSwcHelperRequest(request: string): boolean {
  return request.startsWith('@swc/helpers/')
}
