import * as fs from 'node:fs'
import * as path from 'node:path'
import { packagesLoaded } from '../support/packages-loaded'
import { type TempProject, tempProject } from '../support/temp-project'

// Where SWC transpiles every file, no run loads the TypeScript compiler; a warm transpile cache loads neither.
// A tsconfig that is broken where the loader reads it is always reported, warm or cold.

const config = `import { DataSource } from 'typeorm'
import { Thing } from './src/thing'
export default new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Thing] })
`
const entity = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { Label } from '@/label'
@Entity('thing')
export class Thing {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
  @Column() count: number
  @Column({ type: 'varchar', default: Label.Draft }) label: string
}
`
const tsconfig = `{
  // the app's own options, over a shared base
  "extends": ["@acme/tsconfig/base.json", "./tsconfig.paths.json"],
  "compilerOptions": { "strict": true, },
}
`
const files = {
  'ormconfig.ts': config,
  'src/thing.ts': entity,
  'src/label.ts': "export enum Label { Draft = 'draft' }\n",
  'tsconfig.json': tsconfig,
  'tsconfig.paths.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
  'node_modules/@acme/tsconfig/base.json': '{ "compilerOptions": { "target": "ES2022", "useDefineForClassFields": true } }',
}
const createThing =
  'CREATE TABLE "thing" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL, "count" integer NOT NULL, "label" varchar NOT NULL DEFAULT \'draft\')'
const diff = ['diff', '--format', 'sql', '-c', 'ormconfig.ts']

let project: TempProject
beforeEach(() => {
  project = tempProject()
  // Its own node_modules, so that its cache starts cold: typeorm and the drivers through a link each.
  fs.rmSync(project.file('node_modules'))
  for (const [file, text] of Object.entries(files)) project.write(file, text)
  for (const pkg of ['typeorm', 'better-sqlite3', 'reflect-metadata']) {
    fs.symlinkSync(path.resolve(__dirname, '../../node_modules', pkg), project.file(`node_modules/${pkg}`), 'dir')
  }
})
afterEach(() => project.remove())

test('a cold run loads SWC, not TypeScript, and types each column from its metadata; a warm run loads neither', () => {
  const cold = packagesLoaded(project, diff)
  expect(cold.stdout).toContain(createThing)
  expect(cold.code).toBe(0)
  expect(cold.packages).toContain('@swc/core')
  expect(cold.packages).not.toContain('typescript')
  expect(fs.readdirSync(project.file('node_modules/.cache/typeorm-autogen')).length).toBeGreaterThan(0)

  const warm = packagesLoaded(project, diff)
  expect(warm.stdout).toContain(createThing)
  expect(warm.code).toBe(0)
  expect(warm.packages.filter((p) => ['typescript', '@swc/core'].includes(p))).toEqual([])
})

test.each([
  ['a boolean option written as a string in a base tsconfig', 'tsconfig.paths.json', '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] }, "strict": "yes" } }', /^typeorm-autogen: tsconfig\.paths\.json: error TS5024: Compiler option 'strict' requires a value of type boolean\./],
  ['a wrong value overridden by the tsconfig', 'node_modules/@acme/tsconfig/base.json', '{ "compilerOptions": { "target": "ES2099" } }', /^typeorm-autogen: node_modules\/@acme\/tsconfig\/base\.json: error TS6046: Argument for '--target' option must be/],
  ['a JSON syntax error', 'tsconfig.json', tsconfig.replace('"strict": true, },', '"strict": true,, },'), /^typeorm-autogen: tsconfig\.json\(4,\d+\): error TS1136: Property assignment expected\./],
  ['a base that is gone', 'tsconfig.paths.json', undefined, /^typeorm-autogen: tsconfig\.json: error TS5083: Cannot read file '.*tsconfig\.paths\.json'\./],
])('%s is reported on a warm cache as on a cold one, and the fixed tsconfig finds the cache warm again', (_, file, broken, error) => {
  const original = fs.readFileSync(project.file(file), 'utf8')
  expect(packagesLoaded(project, diff).code).toBe(0)
  const cacheEntries = fs.readdirSync(project.file('node_modules/.cache/typeorm-autogen'))
  if (broken === undefined) fs.rmSync(project.file(file))
  else project.write(file, broken)
  const run = packagesLoaded(project, diff)
  expect(run.code).toBe(2)
  expect(run.stdout.trim().split('\n')).toHaveLength(1)
  expect(run.stdout).toMatch(error)
  expect(run.stdout).toContain('Fix it: the loader compiles with the options of tsconfig.json.')
  // Where TypeScript was loaded to report it, its code cache is new.
  expect(fs.readdirSync(project.file('node_modules/.cache/typeorm-autogen')).filter((f) => !f.endsWith('.v8-code-cache'))).toEqual(cacheEntries)
  project.write(file, original)
  const fixed = packagesLoaded(project, diff)
  expect(fixed.stdout).toContain(createThing)
  expect(fixed.packages).not.toContain('typescript')
})

test('an option only TypeScript reads is checked where TypeScript compiles a file; where SWC compiles every file, it is not read', () => {
  project.write('tsconfig.paths.json', '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] }, "strickt": true } }')
  const swcOnly = packagesLoaded(project, diff)
  expect(swcOnly.code).toBe(0)
  expect(swcOnly.stdout).toContain(createThing)
  // A local type alias: SWC's metadata would differ, so the TypeScript compiler transpiles this file.
  project.write('src/thing.ts', entity.replace('@Entity(', 'type Name = string\n@Entity(').replace('@Column() name: string', '@Column() name: Name'))
  const withTypeScript = packagesLoaded(project, diff)
  expect(withTypeScript.code).toBe(2)
  expect(withTypeScript.stdout).toMatch(/^typeorm-autogen: tsconfig\.paths\.json: error TS5025: Unknown compiler option 'strickt'\. Did you mean 'strict'\?/)
})
