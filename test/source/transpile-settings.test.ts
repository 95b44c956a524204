import * as ts from 'typescript'
import { rawTranspileSettings, transpileSettingsOf } from '../../src/source/transpile-settings'

// SWC's few options, read from a tsconfig as written, are what TypeScript's conversion makes of them.

const converted = (raw: Record<string, unknown>) => transpileSettingsOf(ts.convertCompilerOptionsFromJson(raw, '/project').options)

describe('rawTranspileSettings', () => {
  const targets = ['es5', 'ES6', 'es2015', 'es2016', 'es2017', 'es2018', 'ES2019', 'es2020', 'es2021', 'ES2022', 'es2023', 'es2024', 'ESNext']
  test.each(targets)('target %s is TypeScript\'s ScriptTarget', (target) => {
    const raw = { target }
    expect(ts.convertCompilerOptionsFromJson(raw, '/project').errors).toEqual([])
    expect(rawTranspileSettings(raw, [raw])).toEqual(converted(raw))
  })

  test.each<Record<string, unknown>>([
    {},
    { strict: true },
    { strict: true, strictNullChecks: false },
    { strictNullChecks: true },
    { useDefineForClassFields: false, esModuleInterop: false, target: 'es2022' },
    { experimentalDecorators: true, outDir: 'dist', lib: ['es2022'] },
  ])('%j reads as TypeScript converts it', (raw) => {
    expect(rawTranspileSettings(raw, [raw])).toEqual(converted(raw))
  })

  test.each<[string, Record<string, unknown>]>([
    ['an unknown target', { target: 'es2099' }],
    ['ES3, which TypeScript 5 refuses', { target: 'es3' }],
    ['a boolean written as a string', { strict: 'yes' }],
    ['a target that is no string', { target: 9 }],
    ['an option spelled in other case', { Strict: true }],
  ])('%s is left to TypeScript', (_, raw) => {
    expect(rawTranspileSettings(raw, [raw])).toBeUndefined()
  })

  test('a wrong value in a base is left to TypeScript even where a later tsconfig overrides it', () => {
    expect(rawTranspileSettings({ target: 'es2022' }, [{ target: 'es2099' }, { target: 'es2022' }])).toBeUndefined()
  })
})
