import * as fs from 'node:fs'
import Module from 'node:module'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as TypeScript from 'typescript'
import { concurrencyLimit } from './concurrency-limit'
import { compileWithExportsReadableEarly } from './exports-read-before-initialization'
import { isInModulePackage } from './module-package'
import { memoizedPackageResolution } from './package-resolution-memo'
import { aliasTargets } from './path-aliases'
import { decoratorMetadataNamesImport } from './imported-metadata-types'
import type { MetadataDeclarations } from './metadata-declarations'
import { type ProjectCompilerOptions, compilerOptionsOf, projectCompilerOptionsFor, transpileSettingsFor } from './project-compiler-options'
import { importsAfterCode } from './swc-import-order'
import { swcMetadataDeclarations } from './swc-metadata-declarations'
import { swcMetadataMayDiffer } from './swc-metadata-differences'
import { metadataNamesImportTscMayDrop } from './dropped-metadata-imports'
import { type SwcTranspiler, isSwcHelperRequest, swcTranspiler, swcTranspilerId } from './swc-transpiler'
import { type CacheableOutput, cachedOutput, cachedTranspile, storeOutput } from './transpile-cache'
import { type TranspileSettings, importInterop, transpileSettingsOf } from './transpile-settings'
import { type EmittedModule, emitWithTypeInformation, planTypeAwareRoots } from './type-aware-emitter'
import { typeScriptMetadataDeclarations } from './typescript-metadata-declarations'
import { loadTypeScript, typeScriptVersion } from './typescript-compiler'
import { describeTypeScriptDiagnostic } from './typescript-diagnostic'
import { UserError } from './user-error'
import { typeScriptExtensions } from './script-extensions'

type ExtensionHandler = (module: CompilableModule, filename: string) => void
interface CompilableModule {
  exports: unknown
  _compile(code: string, filename: string): void
}
interface ModuleInternals {
  _extensions: Record<string, ExtensionHandler | undefined>
  _resolveFilename(request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]): string
}

const moduleInternals = Module as unknown as ModuleInternals
let ours: ExtensionHandler | undefined

/**
 * registerTypeScriptLoader lets `require` load `.ts`, `.cts` and `.mts` files (all as CommonJS) by
 * transpiling each file with the options of the project's tsconfig.json (see transpile): no type-check, so
 * loading stays fast. Decorator metadata is always emitted, so
 * `@Column() name: string` works as TypeORM expects; tsconfig `paths` resolve. Idempotent; when
 * another `.ts` hook is already installed (ts-node, tsx) it is left in charge. Returns whether this hook is
 * the one in charge. The CLI calls it before loading the config. Stack traces point at `.ts` lines only
 * where Node reads source maps (`NODE_OPTIONS=--enable-source-maps`): reading them costs every module
 * loaded, and the CLI prints one line, not a stack.
 */
export function registerTypeScriptLoader(): boolean {
  const handlers = moduleInternals._extensions
  if (ours !== undefined) return handlers['.ts'] === ours
  if (foreignLoaderPresent(handlers['.ts'])) return false
  ours = compileTypeScriptModule
  for (const extension of typeScriptExtensions) handlers[extension] = ours
  resolveTypeScriptRequests()
  return true
}

/**
 * foreignLoaderPresent says whether another `.ts` hook (ts-node, tsx) should stay in charge. Node 22.18+
 * installs its own hook that strips types, but stripping cannot run decorators
 * (https://nodejs.org/api/typescript.html#type-stripping); as its hook cannot be told apart from one
 * installed on top of it, there only ts-node (which marks itself) is left in charge.
 */
function foreignLoaderPresent(handler: ExtensionHandler | undefined): boolean {
  if (handler === undefined) return false
  const nodeStripsTypes = Boolean((process.features as { typescript?: unknown }).typescript)
  if (!nodeStripsTypes) return true
  return (process as unknown as Record<symbol, unknown>)[Symbol.for('ts-node.register.instance')] !== undefined
}

/**
 * importModule loads a config or entity file the way its package expects: `.mjs` files and `.js` files in a
 * `"type": "module"` package through a real dynamic `import()`, everything else (`.ts`, CommonJS `.js`)
 * through `require`.
 */
export async function importModule(file: string): Promise<unknown> {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.mjs' || (extension === '.js' && isInModulePackage(file))) {
    return dynamicImport(pathToFileURL(file).href)
  }
  return require(file)
}

// A Function body is not rewritten to `require` by TypeScript's CommonJS output, so this stays a real import().
const dynamicImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>

function compileTypeScriptModule(module: CompilableModule, filename: string): void {
  const ahead = readAhead.get(filename)
  readAhead.delete(filename)
  const source = ahead?.source ?? fs.readFileSync(filename, 'utf8')
  const code = ahead?.output ?? transpile(source, filename)
  compileWithExportsReadableEarly(module, () => module._compile(code, filename))
}

/**
 * transpile turns one TypeScript file into CommonJS with the options of the project's tsconfig.json (see
 * loaderCompilerOptions), with an inline source map when Node uses them. SWC transpiles it where it loads
 * and writes the decorator metadata `tsc` writes (see swcMetadataMayDiffer), without loading the TypeScript
 * compiler where the tsconfig says SWC's few options plainly (see transpileSettingsFor); otherwise the
 * TypeScript compiler does, each file on its own, except one whose decorator metadata names an imported type
 * (`@Column() status: Status`) or an import of a module Node cannot resolve (types only): that one is emitted
 * with type information, so that its metadata and imports are what `tsc` writes. Outputs are kept in the transpile cache (one emitted with type information with the files it
 * depends on, see dependenciesOf); a file found there loads no transpiler. A syntax error is a UserError
 * worded as `tsc` words it; types are not checked.
 */
export function transpile(source: string, fileName: string): string {
  const project = projectCompilerOptionsFor(fileName)
  const keyOf = (transpiler: string) => cacheKeyParts(project, transpiler)
  // SWC's binary is loaded only when a file is not in the cache.
  const expectedSwc = swcTranspilerId()
  const cached = expectedSwc === undefined ? undefined : cachedOutput(fileName, source, keyOf(expectedSwc))
  if (cached !== undefined) return cached
  const swc = swcTranspiler()
  return cachedTranspile(fileName, source, keyOf(swc?.id ?? 'typescript'), () => emit(swc, source, fileName, project))
}

/** cacheKeyParts is what a file's output depends on besides its path and text; one array per project and transpiler. */
function cacheKeyParts(project: ProjectCompilerOptions, transpiler: string): readonly unknown[] {
  const sourceMaps = process.sourceMapsEnabled === true
  let keys = keyPartsOfProject.get(project)
  if (keys === undefined) keyPartsOfProject.set(project, (keys = new Map()))
  const name = `${transpiler}\0${sourceMaps}`
  let parts = keys.get(name)
  if (parts === undefined) keys.set(name, (parts = [loaderRules, transpiler, typeScriptVersion(), project.cacheKey, sourceMaps]))
  return parts
}

const keyPartsOfProject = new WeakMap<ProjectCompilerOptions, Map<string, readonly unknown[]>>()

// Bump it when what decides a file's transpiler changes, so that no run reads outputs of the old rules.
const loaderRules = 10

/**
 * prefetchTranspiles starts transpiling, on SWC's own threads, each of `files` that SWC transpiles and the
 * cache lacks, so that a large cold load transpiles while this thread decides the next file: the outputs go
 * to the cache, where transpile finds them (wait for prefetchesDone first). A file
 * SWC does not take, or whose transpile fails, is left to transpile, which says why; those SWC does not take
 * are planned as roots of the Program that emits with type information (see planTypeAwareRoots). What it reads
 * of each file (its text, and its JavaScript where the cache has it) is kept for the file's load, which then
 * reads it no more.
 */
export function prefetchTranspiles(files: readonly string[]): void {
  if (ours === undefined || moduleInternals._extensions['.ts'] !== ours) return
  const typeScriptFiles = files.filter((file) => typeScriptExtensions.includes(path.extname(file)))
  const swcId = swcTranspilerId()
  if (swcId === undefined) return planTypeAwareRoots(typeScriptFiles)
  const leftToTypeScript: string[] = []
  prefetchEach(typeScriptFiles, swcId, leftToTypeScript)
  planTypeAwareRoots(leftToTypeScript)
}

/** prefetchEach starts the transpiles of prefetchTranspiles, listing in `leftToTypeScript` the files SWC does not take. */
function prefetchEach(files: readonly string[], swcId: string, leftToTypeScript: string[]): void {
  for (const [i, fileName] of files.entries()) {
    if (prefetching.has(fileName)) continue
    let source: string
    try {
      source = fs.readFileSync(fileName, 'utf8')
    } catch {
      continue
    }
    const project = projectCompilerOptionsFor(fileName)
    const key = cacheKeyParts(project, swcId)
    const output = cachedOutput(fileName, source, key)
    readAhead.set(fileName, { source, output })
    if (output !== undefined) continue
    const swc = swcTranspiler()
    if (swc === undefined) return void leftToTypeScript.push(...files.slice(i))
    const settings = swcSettingsFor(project, fileName)
    if (!swcTakes(swc, source, fileName, settings)) {
      leftToTypeScript.push(fileName)
      continue
    }
    prefetching.set(fileName, inTurn(() => swc.transpileAsync(source, fileName, settings)).then((output) => {
      if ('code' in output) storeOutput(fileName, source, key, output.code)
    }))
  }
}

/**
 * prefetchesDone resolves once every transpile prefetchTranspiles started is done. Wait for all, not for the
 * file about to load: a file requires others first (an entity, its relations' entities), and one required
 * before its transpile is done was transpiled again, on this thread (6 of 10 files where relations point
 * ahead in the globs' order).
 */
export async function prefetchesDone(): Promise<void> {
  await Promise.all(prefetching.values())
}

const prefetching = new Map<string, Promise<void>>()
// SWC's threads keep each transpile's input and output until this thread takes them: all 1,000 files of a large
// project at once added 20 MB to the peak RSS of a cold run, a few at a time transpile as fast.
const inTurn = concurrencyLimit(16)
/** The text prefetchTranspiles read of each file, and its JavaScript where the cache had it, for its load to take. */
const readAhead = new Map<string, { readonly source: string; readonly output: string | undefined }>()
/** What swcTakes read of a file SWC does not take, for its emit by the TypeScript compiler. */
const declaredAhead = new Map<string, { readonly source: string; readonly declarations: MetadataDeclarations | undefined }>()

/**
 * swcSettingsFor are the project's options for SWC, converted by TypeScript where only it reads them (see
 * transpileSettingsFor); read once per project, not once per file.
 */
function swcSettingsFor(project: ProjectCompilerOptions, fileName: string): TranspileSettings {
  let settings = settingsOfProject.get(project)
  if (settings === undefined) {
    settings = transpileSettingsFor(project) ?? transpileSettingsOf(compilerOptionsOf(loadTypeScript(fileName), project))
    settingsOfProject.set(project, settings)
  }
  return settings
}

const settingsOfProject = new WeakMap<ProjectCompilerOptions, TranspileSettings>()

/**
 * swcTakes says whether SWC transpiles the file: its decorator metadata is what `tsc` writes (see
 * swcMetadataMayDiffer) and names no import that `tsc` drops (see metadataNamesImportTscMayDrop), and it
 * imports nothing after code that runs (see importsAfterCode). A file with
 * neither `@` nor `import` has nothing to check; one SWC cannot parse is SWC's, whose transpile reports the
 * syntax error. What it read of a file it does not take is kept for its emit.
 */
function swcTakes(swc: SwcTranspiler, source: string, fileName: string, settings: TranspileSettings): boolean {
  const decorated = source.includes('@')
  if (!decorated && !source.includes('import')) return true
  if (declaredAhead.get(fileName)?.source === source) return false
  const syntaxTree = swc.parse(source)
  if (syntaxTree === undefined) return true
  const declarations = decorated ? swcMetadataDeclarations(syntaxTree) : undefined
  const takes =
    !importsAfterCode(syntaxTree) &&
    (declarations === undefined || (!swcMetadataMayDiffer(declarations, settings.strictNullChecks) && !metadataNamesImportTscMayDrop(declarations)))
  if (!takes) declaredAhead.set(fileName, { source, declarations })
  return takes
}

function emit(swc: SwcTranspiler | undefined, source: string, fileName: string, project: ProjectCompilerOptions): CacheableOutput {
  const settings = swc === undefined ? undefined : swcSettingsFor(project, fileName)
  if (swc !== undefined && settings !== undefined && swcTakes(swc, source, fileName, settings)) {
    const output = swc.transpile(source, fileName, settings)
    if ('code' in output) return { output: output.code }
    // tsc's words for the error; SWC's where only SWC rejects the file.
    const ts = loadTypeScript(fileName)
    const { syntaxErrors } = transpileAlone(ts, source, fileName, loaderCompilerOptions(ts, project))
    if (syntaxErrors.length > 0) throw syntaxError(ts, syntaxErrors, fileName)
    const { line, column, message } = output.syntaxError
    throw new UserError(`${path.relative(process.cwd(), fileName) || fileName}(${line},${column}): error: ${message}. Fix the syntax error, then run again.`)
  }
  const ts = loadTypeScript(fileName)
  const compilerOptions = loaderCompilerOptions(ts, project)
  const declarations = declarationsFor(ts, source, fileName, compilerOptions)
  const typeAware = declarations !== undefined && (decoratorMetadataNamesImport(declarations) || metadataNamesImportTscMayDrop(declarations))
  const output = typeAware ? emitWithTypeInformation(ts, source, fileName, compilerOptions, compilerOptionsOf(ts, project)) : transpileAlone(ts, source, fileName, compilerOptions)
  if (output.syntaxErrors.length > 0) throw syntaxError(ts, output.syntaxErrors, fileName)
  // The emit with type information depends on the files its Program read too: kept while they are as they were.
  return { output: output.outputText, ...(output.dependencies !== undefined && { dependencies: output.dependencies }) }
}

/** declarationsFor are the file's MetadataDeclarations as swcTakes read them, else as TypeScript reads them; none without `@`. */
function declarationsFor(ts: typeof TypeScript, source: string, fileName: string, compilerOptions: TypeScript.CompilerOptions): MetadataDeclarations | undefined {
  const ahead = declaredAhead.get(fileName)
  declaredAhead.delete(fileName)
  if (ahead?.source === source) return ahead.declarations
  if (!source.includes('@')) return undefined
  return typeScriptMetadataDeclarations(ts, ts.createSourceFile(fileName, source, compilerOptions.target ?? ts.ScriptTarget.ES2021))
}

function transpileAlone(ts: typeof TypeScript, source: string, fileName: string, compilerOptions: TypeScript.CompilerOptions): EmittedModule {
  const output = ts.transpileModule(source, { fileName, reportDiagnostics: true, compilerOptions })
  // Without a file, a diagnostic is about an option (the project's own build reports those), not this file.
  const syntaxErrors = (output.diagnostics ?? []).filter((d) => d.file !== undefined && d.category === ts.DiagnosticCategory.Error)
  return { outputText: output.outputText, syntaxErrors }
}

const optionsOfProject = new WeakMap<ProjectCompilerOptions, TypeScript.CompilerOptions>()

/**
 * loaderCompilerOptions are the project's options with what loading needs forced on: CommonJS output that
 * Node can require, and decorator metadata, which TypeORM reads for `@Column() name: string`.
 */
function loaderCompilerOptions(ts: typeof TypeScript, project: ProjectCompilerOptions): TypeScript.CompilerOptions {
  let options = optionsOfProject.get(project)
  if (options !== undefined) return options
  // Node reads inline source maps only with --enable-source-maps; without it they double the transpile time.
  const sourceMaps = process.sourceMapsEnabled === true
  const projectOptions = compilerOptionsOf(ts, project)
  options = {
    ...projectOptions,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: undefined,
    verbatimModuleSyntax: false,
    target: projectOptions.target ?? ts.ScriptTarget.ES2021,
    esModuleInterop: importInterop(projectOptions.esModuleInterop, projectOptions.module === ts.ModuleKind.CommonJS),
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    noEmit: false,
    declaration: false,
    emitDeclarationOnly: false,
    sourceMap: false,
    inlineSourceMap: sourceMaps,
    inlineSources: sourceMaps,
  }
  optionsOfProject.set(project, options)
  return options
}

function syntaxError(ts: typeof TypeScript, errors: readonly TypeScript.Diagnostic[], fileName: string): UserError {
  const others = errors.length - 1
  const advice = others === 0 ? 'Fix the syntax error' : `Fix it and the ${others} other syntax error${others === 1 ? '' : 's'} in ${path.relative(process.cwd(), fileName)}`
  return new UserError(`${describeTypeScriptDiagnostic(ts, errors[0])} ${advice}, then run again.`)
}

/**
 * resolveTypeScriptRequests resolves, from TypeScript files, what TypeScript resolves and Node does not:
 * `./user.js` when only `./user.ts` exists (NodeNext style), and bare requests that the project's tsconfig
 * `paths` map (`@/enums` to `src/enums.ts`). It only acts on requests Node could not resolve, but for the
 * helpers SWC's output requires, which come from the tool's own copy (the project need not have one).
 */
function resolveTypeScriptRequests(): void {
  const resolve = memoizedPackageResolution(moduleInternals._resolveFilename)
  moduleInternals._resolveFilename = function (request, parent, ...rest) {
    if (isSwcHelperRequest(request) && isTypeScriptFile(parent?.filename)) return resolve.call(this, request, module, ...rest)
    try {
      return resolve.call(this, request, parent, ...rest)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err
      for (const fallback of fallbackRequests(request, parent?.filename)) {
        try {
          return resolve.call(this, fallback, parent, ...rest)
        } catch {
          // try the next one; when none resolves, Node's own error is the one to report
        }
      }
      throw err
    }
  }
}

function isTypeScriptFile(file: string | null | undefined): file is string {
  return typeof file === 'string' && typeScriptExtensions.includes(path.extname(file))
}

function fallbackRequests(request: string, parentFile: string | null | undefined): string[] {
  if (!isTypeScriptFile(parentFile)) return []
  if (request.startsWith('./') || request.startsWith('../')) return withTypeScriptTwin([request]).slice(1)
  if (path.isAbsolute(request) || request.startsWith('node:')) return []
  const { pathAliases } = projectCompilerOptionsFor(parentFile)
  return pathAliases === undefined ? [] : withTypeScriptTwin(aliasTargets(request, pathAliases))
}

/** withTypeScriptTwin follows each request ending in `.js`, `.cjs` or `.mjs` by its `.ts`, `.cts` or `.mts` twin. */
function withTypeScriptTwin(requests: readonly string[]): string[] {
  return requests.flatMap((request) => {
    const match = /\.(c|m)?js$/.exec(request)
    return match === null ? [request] : [request, `${request.slice(0, -match[0].length)}.${match[1] ?? ''}ts`]
  })
}
