import * as fs from 'node:fs'
import Module from 'node:module'
import type { SchemaModel } from '../../src/model/schema-model'
import * as path from 'node:path'
import { buildEntityMetadata } from '../../src/source/build-metadata'
import { registerTypeScriptLoader, transpile } from '../../src/source/typescript-loader'
import { UserError } from '../../src/source/user-error'
import { runInNode } from './helpers/run-in-node'
import { tempProjectsRemovedAfterEach } from './helpers/temp-projects'

interface Printed {
  readonly settings: Record<string, unknown>
  readonly migrationsDir: string
  readonly model: SchemaModel
  readonly warnings: string[]
}

const userEntity = `
import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Team } from './team.js'

@Entity('users')
export class User {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
  @Column() age: number
  @Column() active: boolean
  @Column() born: Date
  @ManyToOne(() => Team) team: Team
}
`
const teamEntity = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
export enum Size { Small = 's', Large = 'l' }
@Entity('teams')
export class Team {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'simple-enum', enum: Size }) size: Size
}
`

const project = tempProjectsRemovedAfterEach()

function printed(run: { code: number; stdout: string; stderr: string }): Printed {
  if (run.code !== 0) throw new Error(`node exited with ${run.code}: ${run.stderr}`)
  return JSON.parse(run.stdout) as Printed
}

describe('transpile', () => {
  test('emits decorator metadata, so that TypeORM infers a column type from the property type', () => {
    const output = transpile(userEntity, '/project/entities/user.ts')
    // SWC names its helper _ts_metadata, TypeScript __metadata.
    expect(output).toMatch(/_metadata(\._)?\("design:type", String\)/)
    expect(output).toMatch(/_metadata(\._)?\("design:type", Number\)/)
    expect(output).toContain('require("typeorm")')
    // Source maps are inlined only when Node reads them (--enable-source-maps).
    expect(output.includes('//# sourceMappingURL=data:application/json;base64,')).toBe(process.sourceMapsEnabled === true)
  })

  test('does not type-check', () => {
    expect(() => transpile('const x: number = "not a number"\nexport {}\n', '/x.ts')).not.toThrow()
  })

  test('a syntax error is a UserError worded as tsc words it: file relative to cwd, 1-based line and column', () => {
    const p = project({})
    const file = p.file('entities/user.ts')
    const missingBrace = userEntity.replace(/\}\s*$/, '\n')
    let thrown: unknown
    try {
      transpile(missingBrace, file)
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(UserError)
    const line = missingBrace.split('\n').length
    expect((thrown as UserError).message).toBe(
      `${path.relative(process.cwd(), file)}(${line},1): error TS1005: '}' expected. Fix the syntax error, then run again.`,
    )
  })

  test('several syntax errors: the first is shown and the others counted', () => {
    expect(() => transpile('export const a = (\nexport const b = [\n', '/x.ts')).toThrow(/^.*x\.ts\(2,1\): error TS1109: Expression expected\. Fix it and the 1 other syntax error in .*x\.ts, then run again\.$/)
  })

  const nullableEntity = "import { Column } from 'typeorm'\nexport class Thing {\n  @Column() name: string | null\n}\n"

  test('follows the strictness of the nearest tsconfig.json, as the app is compiled', () => {
    const loose = project({ 'tsconfig.json': '{ "compilerOptions": { "strict": false } }' })
    const strict = project({ 'tsconfig.json': '{ "compilerOptions": { "strict": true } }' })
    expect(transpile(nullableEntity, loose.file('src/thing.ts'))).toContain('__metadata("design:type", String)')
    // Strict, the union is Object for tsc and SWC alike, so SWC (`_ts_metadata`) transpiles it.
    expect(transpile(nullableEntity, strict.file('src/thing.ts'))).toContain('_ts_metadata._("design:type", Object)')
  })

  test('always emits CommonJS with decorator metadata, whatever the tsconfig says', () => {
    const p = project({
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          module: 'NodeNext', moduleResolution: 'NodeNext', verbatimModuleSyntax: true,
          experimentalDecorators: false, emitDecoratorMetadata: false, noEmit: true, declaration: true,
        },
      }),
    })
    const output = transpile(userEntity, p.file('src/user.ts'))
    expect(output).toContain('require("typeorm")')
    expect(output).toMatch(/_metadata(\._)?\("design:type", String\)/)
    expect(output).not.toMatch(/^import /m)
  })
})

describe('registerTypeScriptLoader', () => {
  test('installs one hook for .ts, .cts and .mts, once', () => {
    const handlers = (Module as unknown as { _extensions: Record<string, unknown> })._extensions
    const first = registerTypeScriptLoader()
    const hook = handlers['.ts']
    expect(registerTypeScriptLoader()).toBe(first)
    expect(handlers['.ts']).toBe(hook)
    if (first) expect([handlers['.cts'], handlers['.mts']]).toEqual([hook, hook])
  })
})

describe('loading outside Jest, as the CLI does', () => {
  test('a .ts config with .ts entities found by glob, importing each other with .js specifiers', async () => {
    const p = project({
      'entities/user.ts': userEntity,
      'entities/team.ts': teamEntity,
      'ormconfig.ts': `
import { DataSource } from 'typeorm'
import * as path from 'node:path'
export const autogen = { ignoreTables: ['sessions'] }
export default new DataSource({
  type: 'better-sqlite3',
  database: path.join(__dirname, 'data', 'app.sqlite'),
  entities: [path.join(__dirname, 'entities', '*.ts')],
  migrations: ['db/migrations/*.ts'],
})
`,
    })
    const result = printed(await runInNode(p, p.file('ormconfig.ts')))
    expect(result.settings).toEqual({ ignoreTables: ['sessions'] })
    expect(result.migrationsDir).toBe(p.file('db/migrations'))
    const users = result.model.tables.find((t) => t.name === 'users')
    expect(users?.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'integer'],
      ['name', 'varchar'],
      ['age', 'integer'],
      ['active', 'boolean'],
      ['born', 'datetime'],
      ['teamId', 'integer'],
    ])
    expect(users?.foreignKeys.map((fk) => fk.referencedTable)).toEqual(['teams'])
    expect(result.model.tables.find((t) => t.name === 'teams')?.columns[1]).toEqual({
      name: 'size',
      type: 'varchar',
      nullable: false,
      enumValues: ['s', 'l'],
    })
    expect(fs.existsSync(p.file('data'))).toBe(false)
  })

  test('an .mjs ESM config, loaded with a real import()', async () => {
    const p = project({
      'entities/user.ts': userEntity,
      'entities/team.ts': teamEntity,
      'ormconfig.mjs': `
import { DataSource } from 'typeorm'
import { fileURLToPath } from 'node:url'
import * as path from 'node:path'
const here = path.dirname(fileURLToPath(import.meta.url))
export const autogen = { migrationsDir: 'esm-migrations' }
export const dataSource = new DataSource({
  type: 'better-sqlite3',
  database: path.join(here, 'data', 'app.sqlite'),
  entities: [path.join(here, 'entities', '*.ts')],
})
`,
    })
    const result = printed(await runInNode(p, p.file('ormconfig.mjs')))
    expect(result.settings).toEqual({ migrationsDir: 'esm-migrations' })
    expect(result.migrationsDir).toBe(p.file('esm-migrations'))
    expect(result.model.tables.map((t) => t.name)).toEqual(['teams', 'users'])
  })

  test('a .js config in a "type": "module" package, with EntitySchema entities', async () => {
    const p = project({
      'package.json': '{ "type": "module" }',
      'ormconfig.js': `
import { DataSource, EntitySchema } from 'typeorm'
const Tag = new EntitySchema({
  name: 'Tag',
  tableName: 'tags',
  columns: { id: { type: Number, primary: true, generated: true }, label: { type: String, length: 20 } },
})
export default new DataSource({ type: 'better-sqlite3', database: 'never.sqlite', entities: [Tag] })
`,
    })
    const result = printed(await runInNode(p, p.file('ormconfig.js')))
    expect(result.model.tables).toHaveLength(1)
    expect(result.model.tables[0].columns[1]).toEqual({ name: 'label', type: 'varchar', length: 20, nullable: false })
    expect(fs.existsSync(p.file('never.sqlite'))).toBe(false)
  })

  test('entity globs over ESM and CommonJS folders: each file imported or required as TypeORM would', async () => {
    const schema = (name: string) => `new EntitySchema({ name: '${name}', columns: { id: { type: Number, primary: true, generated: true } } })`
    const p = project({
      'package.json': '{ "type": "module" }',
      'entities/esm/tag.js': `import { EntitySchema } from 'typeorm'\nexport const Tag = ${schema('tag')}\n`,
      'entities/cjs/package.json': '{ "type": "commonjs" }',
      'entities/cjs/note.js': `const { EntitySchema } = require('typeorm')\nexports.Note = ${schema('note')}\n`,
      'ormconfig.js': `
import { DataSource } from 'typeorm'
import { fileURLToPath } from 'node:url'
import * as path from 'node:path'
const here = path.dirname(fileURLToPath(import.meta.url))
export default new DataSource({ type: 'better-sqlite3', database: 'never.sqlite', entities: [path.join(here, 'entities', '**', '*.js')] })
`,
    })
    const result = printed(await runInNode(p, p.file('ormconfig.js')))
    expect(result.model.tables.map((t) => t.name).sort()).toEqual(['note', 'tag'])
  })

  test('TypeORM\'s own file loader is back once the metadata is built', async () => {
    const utils = require('typeorm/util/ImportUtils') as { importOrRequireFile: unknown }
    const before = utils.importOrRequireFile
    const { DataSource } = require('typeorm') as typeof import('typeorm')
    const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [] })
    await buildEntityMetadata(dataSource)
    expect(utils.importOrRequireFile).toBe(before)
  })

  test('a failing config gives a UserError', async () => {
    const p = project({ 'ormconfig.ts': "import './nowhere'\nexport {}\n" })
    const run = await runInNode(p, p.file('ormconfig.ts'))
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/^UserError: config file .*ormconfig.ts failed to load: Cannot find module '.\/nowhere'/)
  })
})
