import * as path from 'node:path'
import { projectCompilerOptionsFor } from '../../src/source/project-compiler-options'
import { UserError } from '../../src/source/user-error'
import { tempProjectsRemovedAfterEach } from './helpers/temp-projects'

const project = tempProjectsRemovedAfterEach()

describe('projectCompilerOptionsFor', () => {
  test('reads the nearest tsconfig.json above the file', () => {
    const p = project({
      'tsconfig.json': '{ "compilerOptions": { "strict": false } }',
      'app/tsconfig.json': '{ "compilerOptions": { "strict": true } }',
    })
    expect(projectCompilerOptionsFor(p.file('app/src/entities/user.ts'))).toMatchObject({
      configFile: p.file('app/tsconfig.json'),
      options: { strict: true },
    })
    expect(projectCompilerOptionsFor(p.file('other/user.ts')).options.strict).toBe(false)
  })

  test('follows an extends chain through a relative file and a package', () => {
    const p = project({
      'app/node_modules/@tsconfig/strictest/tsconfig.json': '{ "compilerOptions": { "strictNullChecks": true, "target": "ES2022" } }',
      'app/tsconfig.base.json': '{ "extends": "@tsconfig/strictest/tsconfig.json", "compilerOptions": { "esModuleInterop": false } }',
      'app/tsconfig.json': '{ "extends": "./tsconfig.base.json", "compilerOptions": { "target": "ES2020" } }',
    })
    const { options } = projectCompilerOptionsFor(p.file('app/src/user.ts'))
    expect(options).toMatchObject({ strictNullChecks: true, esModuleInterop: false, target: 7 /* ES2020 */ })
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

  test('without a tsconfig, there are no options', () => {
    const p = project({})
    expect(projectCompilerOptionsFor(path.join(p.dir, 'user.ts'))).toEqual({ configFile: undefined, options: {}, pathAliases: undefined })
  })

  test.each([
    ['a JSON syntax error', '{ "compilerOptions": { "strict": true,, } }', /tsconfig\.json\(1,\d+\): error TS1136: Property assignment expected\./],
    ['an unknown option', '{ "compilerOptions": { "strickt": true } }', /tsconfig\.json: error TS5025: Unknown compiler option 'strickt'\. Did you mean 'strict'\?/],
    ['a missing base', '{ "extends": "./nowhere.json" }', /tsconfig\.json: error TS5083: Cannot read file '.*nowhere\.json'\./],
  ])('%s is a UserError naming the tsconfig', (_, text, pattern) => {
    const p = project({ 'tsconfig.json': text })
    let thrown: unknown
    try {
      projectCompilerOptionsFor(p.file('user.ts'))
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(UserError)
    expect((thrown as UserError).message).toMatch(pattern)
    expect((thrown as UserError).message).toContain('the loader compiles with the options of')
  })
})
