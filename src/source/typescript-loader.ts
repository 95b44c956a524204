import * as fs from 'node:fs'
import Module from 'node:module'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as TypeScript from 'typescript'

type ExtensionHandler = (module: CompilableModule, filename: string) => void
interface CompilableModule {
  _compile(code: string, filename: string): void
}
interface ModuleInternals {
  _extensions: Record<string, ExtensionHandler | undefined>
  _resolveFilename(request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]): string
}

const moduleInternals = Module as unknown as ModuleInternals
const typeScriptExtensions = ['.ts', '.cts', '.mts']
let ours: ExtensionHandler | undefined

/**
 * registerTypeScriptLoader lets `require` load `.ts`, `.cts` and `.mts` files (all as CommonJS) by
 * transpiling each file on its own with `typescript.transpileModule`: no type-check, so loading stays fast.
 * Decorator metadata is emitted, so `@Column() name: string` works as TypeORM expects. Idempotent; when
 * another `.ts` hook is already installed (ts-node, tsx) it is left in charge. Returns whether this hook is
 * the one in charge. The CLI calls it before loading the config.
 */
export function registerTypeScriptLoader(): boolean {
  const handlers = moduleInternals._extensions
  if (ours !== undefined) return handlers['.ts'] === ours
  if (foreignLoaderPresent(handlers['.ts'])) return false
  ours = compileTypeScriptModule
  for (const extension of typeScriptExtensions) handlers[extension] = ours
  resolveJsSpecifiersToTypeScript()
  process.setSourceMapsEnabled(true)
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
  const source = fs.readFileSync(filename, 'utf8')
  module._compile(transpile(source, filename), filename)
}

/** transpile turns one TypeScript file into CommonJS (with an inline source map when Node uses them). */
export function transpile(source: string, fileName: string): string {
  const { ts, compilerOptions } = (compiler ??= loadCompiler())
  return ts.transpileModule(source, { fileName, reportDiagnostics: false, compilerOptions }).outputText
}

let compiler: { ts: typeof TypeScript; compilerOptions: TypeScript.CompilerOptions } | undefined

function loadCompiler(): NonNullable<typeof compiler> {
  const ts = require('typescript') as typeof TypeScript
  const compilerOptions: TypeScript.CompilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2021,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    esModuleInterop: true,
    useDefineForClassFields: false,
    // Node reads inline source maps only with --enable-source-maps; without it they double the transpile time.
    inlineSourceMap: process.sourceMapsEnabled === true,
    inlineSources: process.sourceMapsEnabled === true,
  }
  return { ts, compilerOptions }
}

/**
 * resolveJsSpecifiersToTypeScript lets a TypeScript file import `./user.js` when only `./user.ts` exists,
 * as TypeScript's NodeNext resolution allows. It only acts on relative requests from TypeScript files
 * that Node could not resolve.
 */
function resolveJsSpecifiersToTypeScript(): void {
  const resolve = moduleInternals._resolveFilename
  moduleInternals._resolveFilename = function (request, parent, ...rest) {
    try {
      return resolve.call(this, request, parent, ...rest)
    } catch (err) {
      const fallback = typeScriptTwin(request, parent?.filename)
      if (fallback === undefined || (err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err
      return resolve.call(this, fallback, parent, ...rest)
    }
  }
}

function typeScriptTwin(request: string, parentFile: string | null | undefined): string | undefined {
  if (!parentFile || !typeScriptExtensions.includes(path.extname(parentFile))) return undefined
  if (!request.startsWith('./') && !request.startsWith('../')) return undefined
  const match = /\.(c|m)?js$/.exec(request)
  if (match === null) return undefined
  return `${request.slice(0, -match[0].length)}.${match[1] ?? ''}ts`
}

function isInModulePackage(file: string): boolean {
  let dir = path.dirname(file)
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (fs.existsSync(manifest)) {
      try {
        return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module'
      } catch {
        return false
      }
    }
    const parent = path.dirname(dir)
    if (parent === dir) return false
    dir = parent
  }
}
