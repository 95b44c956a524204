import type * as TypeScript from 'typescript'
import type { RawCompilerOptions } from './tsconfig-chain'

/**
 * TranspileSettings are the few compiler options SWC's output and its choice of files depend on: `target`
 * (TypeScript's ScriptTarget number), `useDefineForClassFields`, whether imports get interop helpers (see
 * importInterop), and whether `strictNullChecks` is on.
 */
export interface TranspileSettings {
  readonly target: number | undefined
  readonly useDefineForClassFields: boolean | undefined
  readonly esModuleInterop: boolean
  readonly strictNullChecks: boolean
}

/** transpileSettingsOf TypeScript's converted options. */
export function transpileSettingsOf(options: TypeScript.CompilerOptions): TranspileSettings {
  return {
    target: options.target,
    useDefineForClassFields: options.useDefineForClassFields,
    esModuleInterop: importInterop(options.esModuleInterop, options.module === commonJsModuleKind),
    strictNullChecks: options.strictNullChecks ?? options.strict ?? false,
  }
}

// TypeScript's ModuleKind.CommonJS.
const commonJsModuleKind = 1

/**
 * importInterop says whether the loader's CommonJS output wraps imports in interop helpers: as the project says
 * (`esModuleInterop`), else as `tsc` does for a tsconfig that says `"module": "commonjs"` and nothing of it, not
 * at all, so that `import * as chalk from 'chalk'` is `require('chalk')` itself, whose prototype's getters
 * (`chalk.yellow`) a helper's copy loses, and `import * as moment from 'moment'` stays callable. Elsewhere (no
 * tsconfig, an ES module build) with them, as Node's ES modules read a CommonJS package.
 */
export function importInterop(esModuleInterop: boolean | undefined, emitsCommonJs: boolean): boolean {
  return esModuleInterop ?? !emitsCommonJs
}

/**
 * rawTranspileSettings reads TranspileSettings from a tsconfig chain's options as written (`merged`), or gives
 * undefined where any tsconfig of the chain (`each`) sets one of them to what it does not read for certain (a
 * target it does not know, `"strict": "yes"`, `Target` spelled in other case, which TypeScript accepts):
 * TypeScript then converts the options and reports what is wrong, as it does even where a later tsconfig
 * overrides it. ES3, which TypeScript 5 refuses, is left to it too.
 */
export function rawTranspileSettings(merged: RawCompilerOptions, each: readonly RawCompilerOptions[]): TranspileSettings | undefined {
  return each.every((options) => settingsOf(options) !== undefined) ? settingsOf(merged) : undefined
}

function settingsOf(raw: RawCompilerOptions): TranspileSettings | undefined {
  const lowerCased = new Map(Object.keys(raw).map((key) => [key.toLowerCase(), key]))
  const read = (name: string): unknown => {
    const key = lowerCased.get(name.toLowerCase())
    return key === name ? raw[key] : key === undefined ? undefined : unreadable
  }
  const target = read('target')
  const targetNumber = target === undefined ? undefined : typeof target === 'string' ? targetNumbers.get(target.toLowerCase()) : undefined
  if (target !== undefined && targetNumber === undefined) return undefined
  const module = read('module')
  if (module !== undefined && typeof module !== 'string') return undefined
  const flags = ['useDefineForClassFields', 'esModuleInterop', 'strictNullChecks', 'strict'].map(read)
  if (!flags.every((flag) => flag === undefined || typeof flag === 'boolean')) return undefined
  const [useDefineForClassFields, esModuleInterop, strictNullChecks, strict] = flags as (boolean | undefined)[]
  return {
    target: targetNumber,
    useDefineForClassFields,
    esModuleInterop: importInterop(esModuleInterop, module?.toLowerCase() === 'commonjs'),
    strictNullChecks: strictNullChecks ?? strict ?? false,
  }
}

const unreadable = Symbol('unreadable')

// TypeScript's ScriptTarget numbers by the names a tsconfig gives them.
const targetNumbers = new Map<string, number>([
  ['es5', 1], ['es6', 2], ['es2015', 2], ['es2016', 3], ['es2017', 4], ['es2018', 5], ['es2019', 6], ['es2020', 7],
  ['es2021', 8], ['es2022', 9], ['es2023', 10], ['es2024', 11], ['esnext', 99],
])
