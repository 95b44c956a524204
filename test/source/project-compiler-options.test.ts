import * as fs from 'node:fs'
import * as path from 'node:path'
import * as ts from 'typescript'
import { compilerOptionsOf, projectCompilerOptionsFor } from '../../src/source/project-compiler-options'
import { UserError } from '../../src/source/user-error'
import { tempProjectsRemovedAfterEach } from './helpers/temp-projects'

const project = tempProjectsRemovedAfterEach()

/** optionsFor are the options the loader compiles `file` with: read, then converted by TypeScript. */
function optionsFor(file: string): ts.CompilerOptions {
  return compilerOptionsOf(ts, projectCompilerOptionsFor(file))
}

/** typeScriptParse is what TypeScript itself makes of `configFile` and its extends chain. */
function typeScriptParse(configFile: string): ts.CompilerOptions {
  const read = ts.readConfigFile(configFile, ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(read.config, { ...ts.sys, readDirectory: () => [] }, path.dirname(configFile), undefined, configFile)
  expect([read.error, ...parsed.errors.filter((d) => d.code !== 18003)]).toEqual([undefined])
  return parsed.options
}

describe('projectCompilerOptionsFor', () => {
  test('reads the nearest tsconfig.json above the file', () => {
    const p = project({
      'tsconfig.json': '{ "compilerOptions": { "strict": false } }',
      'app/tsconfig.json': '{ "compilerOptions": { "strict": true } }',
    })
    expect(projectCompilerOptionsFor(p.file('app/src/entities/user.ts')).configFile).toBe(p.file('app/tsconfig.json'))
    expect(optionsFor(p.file('app/src/entities/user.ts')).strict).toBe(true)
    expect(optionsFor(p.file('other/user.ts')).strict).toBe(false)
  })

  test('follows an extends chain through a relative file and a package', () => {
    const p = project({
      'app/node_modules/@tsconfig/strictest/tsconfig.json': '{ "compilerOptions": { "strictNullChecks": true, "target": "ES2022" } }',
      'app/tsconfig.base.json': '{ "extends": "@tsconfig/strictest/tsconfig.json", "compilerOptions": { "esModuleInterop": false } }',
      'app/tsconfig.json': '{ "extends": "./tsconfig.base.json", "compilerOptions": { "target": "ES2020" } }',
    })
    expect(optionsFor(p.file('app/src/user.ts'))).toMatchObject({ strictNullChecks: true, esModuleInterop: false, target: 7 /* ES2020 */ })
  })

  test('paths are relative to baseUrl, else to the tsconfig that sets them', () => {
    const p = project({
      'base/tsconfig.paths.json': '{ "compilerOptions": { "paths": { "@/*": ["src/*"] } } }',
      'app/tsconfig.json': '{ "extends": "../base/tsconfig.paths.json" }',
      'web/tsconfig.json': '{ "compilerOptions": { "baseUrl": "./code", "paths": { "@/*": ["src/*"] } } }',
    })
    expect(projectCompilerOptionsFor(p.file('app/user.ts')).pathAliases).toEqual({ baseDir: p.file('base'), paths: { '@/*': ['src/*'] } })
    expect(projectCompilerOptionsFor(p.file('web/user.ts')).pathAliases?.baseDir).toBe(p.file('web/code'))
  })

  test('a baseUrl set in a base tsconfig is relative to that tsconfig, and paths set below it use it; what they do not match is looked for under it', () => {
    const p = project({
      'shared/tsconfig.json': '{ "compilerOptions": { "baseUrl": "./lib" } }',
      'app/tsconfig.json': '{ "extends": "../shared/tsconfig.json", "compilerOptions": { "paths": { "~/*": ["./x/*"] } } }',
    })
    expect(projectCompilerOptionsFor(p.file('app/user.ts')).pathAliases).toEqual({ baseDir: p.file('shared/lib'), paths: { '~/*': ['./x/*'], '*': ['*'] } })
  })

  test('a baseUrl alone looks every bare request up under it; a `*` of the paths\' own stands', () => {
    const alone = project({ 'tsconfig.json': '{ "compilerOptions": { "baseUrl": "." } }' })
    expect(projectCompilerOptionsFor(alone.file('user.ts')).pathAliases).toEqual({ baseDir: alone.dir, paths: { '*': ['*'] } })
    const own = project({ 'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "*": ["types/*"] } } }' })
    expect(projectCompilerOptionsFor(own.file('user.ts')).pathAliases).toEqual({ baseDir: own.dir, paths: { '*': ['types/*'] } })
  })

  test('without a tsconfig, there are no options', () => {
    const p = project({})
    const read = projectCompilerOptionsFor(path.join(p.dir, 'user.ts'))
    expect(read).toMatchObject({ configFile: undefined, pathAliases: undefined })
    expect(compilerOptionsOf(ts, read)).toEqual({})
  })

  test.each([
    ['a JSON syntax error', '{ "compilerOptions": { "strict": true,, } }', /tsconfig\.json\(1,\d+\): error TS1136: Property assignment expected\./],
    ['an unknown option', '{ "compilerOptions": { "strickt": true } }', /tsconfig\.json: error TS5025: Unknown compiler option 'strickt'\. Did you mean 'strict'\?/],
    ['a missing base', '{ "extends": "./nowhere.json" }', /tsconfig\.json: error TS5083: Cannot read file '.*nowhere\.json'\./],
    ['a missing package', '{ "extends": "@tsconfig/nowhere" }', /tsconfig\.json: error TS6053: File '@tsconfig\/nowhere' not found\./],
    ['a circular chain', '{ "extends": "./tsconfig.json" }', /error TS18000: Circularity detected while resolving configuration/],
    ['an `excludes` typo', '{ "excludes": ["dist"] }', /tsconfig\.json: error TS6114: Unknown option 'excludes'\. Did you mean 'exclude'\?/],
    ['a wrong enum value', '{ "compilerOptions": { "target": "ES2099" } }', /tsconfig\.json: error TS6046: Argument for '--target' option must be: /],
  ])('%s is a UserError naming the tsconfig', (_, text, pattern) => {
    const p = project({ 'tsconfig.json': text })
    expectTsconfigError(() => optionsFor(p.file('user.ts')), pattern)
  })

  test("a wrong option in a base tsconfig is reported there, even where the tsconfig overrides it, as TypeScript does", () => {
    const p = project({
      'tsconfig.json': '{ "extends": "./config/base.json", "compilerOptions": { "target": "ES2022" } }',
      'config/base.json': '{ "compilerOptions": { "target": "ES2099" } }',
    })
    expectTsconfigError(() => optionsFor(p.file('user.ts')), /^config\/base\.json: error TS6046: .* Fix it: the loader compiles with the options of tsconfig\.json\.$/, p.dir)
  })
})

describe('the options are what TypeScript makes of the same tsconfig', () => {
  test.each<[string, Record<string, string>]>([
    [
      'comments, trailing commas and strings holding comment and comma characters',
      {
        'tsconfig.json': `// the app's options
{
  /* what the build needs */
  "compilerOptions": {
    "target": "es2021", // trailing comment
    "lib": ["es2021", "dom",],
    "outDir": "./dist//*not a comment*/,",
    "rootDir": "./src // not a comment either",
  },
}
`,
      },
    ],
    [
      'extends as an array (TypeScript 5), later bases winning, relative paths against each base',
      {
        'tsconfig.json': '{ "extends": ["./configs/a.json", "./configs/b"], "compilerOptions": { "strict": true } }',
        'configs/a.json': '{ "compilerOptions": { "target": "ES2019", "outDir": "../out-a", "typeRoots": ["./types"] } }',
        'configs/b.json': '{ "compilerOptions": { "target": "ES2022", "rootDir": "../src", "paths": { "#/*": ["./x/*"] } } }',
      },
    ],
    [
      'a package specifier resolving to its tsconfig.json, and `${configDir}` naming the tsconfig that extends',
      {
        'tsconfig.json': '{ "extends": "@tsconfig/node20" }',
        'node_modules/@tsconfig/node20/package.json': '{ "name": "@tsconfig/node20", "version": "20.1.4" }',
        'node_modules/@tsconfig/node20/tsconfig.json': '{ "compilerOptions": { "target": "es2022", "module": "node16", "outDir": "${configDir}/dist", "paths": { "@/*": ["${configDir}/src/*"] } } }',
      },
    ],
    [
      'a package whose package.json names its tsconfig, a subpath of a package, and a package found further up',
      {
        'app/tsconfig.json': '{ "extends": ["base-config", "@org/configs/strict.json", "far-config/node"] }',
        'app/node_modules/base-config/package.json': '{ "name": "base-config", "tsconfig": "./configs/main.json" }',
        'app/node_modules/base-config/configs/main.json': '{ "compilerOptions": { "experimentalDecorators": true, "baseUrl": "." } }',
        'app/node_modules/@org/configs/strict.json': '{ "compilerOptions": { "strict": true } }',
        'node_modules/far-config/node.json': '{ "compilerOptions": { "useDefineForClassFields": false } }',
      },
    ],
    [
      'a package with a plain `exports` map',
      {
        'tsconfig.json': '{ "extends": "@vue-like/tsconfig/tsconfig.dom.json" }',
        'node_modules/@vue-like/tsconfig/package.json': '{ "name": "@vue-like/tsconfig", "exports": { "./tsconfig.dom.json": "./dom.json" } }',
        'node_modules/@vue-like/tsconfig/dom.json': '{ "compilerOptions": { "lib": ["es2020", "dom"], "jsx": "preserve" } }',
      },
    ],
  ])('%s', (_, files) => {
    const p = project({})
    // The project's own node_modules, not the symlink to this repository's.
    fs.rmSync(p.file('node_modules'))
    for (const [file, text] of Object.entries(files)) p.write(file, text)
    const configFile = p.file(Object.keys(files)[0])
    const ours = projectCompilerOptionsFor(path.join(path.dirname(configFile), 'user.ts'))
    // Read without TypeScript: the key is each tsconfig of the chain with its own options.
    expect(Array.isArray(ours.cacheKey)).toBe(true)
    expect(compilerOptionsOf(ts, ours)).toEqual(typeScriptParse(configFile))
  })

  test('what it does not read for certain, TypeScript reads: a hexadecimal number, a package with conditional exports', () => {
    const p = project({
      'a/tsconfig.json': '{ "compilerOptions": { "maxNodeModuleJsDepth": 0x2 } }',
      'b/tsconfig.json': '{ "extends": "cond" }',
      'b/node_modules/cond/package.json': '{ "name": "cond", "exports": { ".": { "types": "./t.json", "default": "./d.json" } } }',
      'b/node_modules/cond/t.json': '{ "compilerOptions": { "strict": true } }',
      'b/node_modules/cond/d.json': '{ "compilerOptions": { "strict": false } }',
    })
    for (const dir of ['a', 'b']) {
      const file = p.file(`${dir}/user.ts`)
      const parsed = typeScriptParse(p.file(`${dir}/tsconfig.json`))
      expect(optionsFor(file)).toEqual(parsed)
      // Parsed by TypeScript, the options themselves are the key.
      expect(projectCompilerOptionsFor(file).cacheKey).toEqual(parsed)
    }
  })

  test("the loader's lists of path options are TypeScript's", () => {
    const { pathOptions, pathListOptions } = require('../../src/source/tsconfig-chain') as typeof import('../../src/source/tsconfig-chain')
    const declarations = (ts as unknown as { optionDeclarations: { name: string; type: unknown; isFilePath?: boolean; element?: { isFilePath?: boolean } }[] }).optionDeclarations
    expect(declarations.filter((o) => o.type === 'string' && o.isFilePath).map((o) => o.name).sort()).toEqual([...pathOptions].sort())
    expect(declarations.filter((o) => o.type === 'list' && o.element?.isFilePath).map((o) => o.name).sort()).toEqual([...pathListOptions].sort())
  })
})

function expectTsconfigError(read: () => unknown, pattern: RegExp, cwd?: string): void {
  const previous = process.cwd()
  if (cwd !== undefined) process.chdir(cwd)
  let thrown: unknown
  try {
    read()
  } catch (err) {
    thrown = err
  } finally {
    process.chdir(previous)
  }
  expect(thrown).toBeInstanceOf(UserError)
  expect((thrown as UserError).message).toMatch(pattern)
  expect((thrown as UserError).message).toContain('the loader compiles with the options of')
}
