import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { cacheWritesDone } from '../../src/source/cache-writes'
import { transpiledCount } from '../../src/source/transpile-cache'
import { transpile } from '../../src/source/typescript-loader'
import { runInNode } from './helpers/run-in-node'
import { cachedEntries } from './helpers/transpile-cache-entries'
import { tempProjectsRemovedAfterEach } from './helpers/temp-projects'

// Which transpiler emits a file, the fallback to the TypeScript compiler, and the transpile cache.

const project = tempProjectsRemovedAfterEach()
/**
 * projectWithOwnCache is a temp project whose node_modules (and so its transpile cache) is its own, its packages
 * linked; not `@swc/helpers`, which SWC's output requires: the tool's own copy serves it.
 */
function projectWithOwnCache() {
  const p = project({})
  fs.rmSync(p.file('node_modules'))
  fs.mkdirSync(p.file('node_modules/@swc'), { recursive: true })
  const ours = path.resolve(__dirname, '../../node_modules')
  const swcPackages = fs.readdirSync(path.join(ours, '@swc')).filter((name) => name !== 'helpers').map((name) => `@swc/${name}`)
  for (const pkg of ['typeorm', 'better-sqlite3', 'reflect-metadata', 'typescript', ...swcPackages]) {
    fs.symlinkSync(path.join(ours, pkg), p.file(`node_modules/${pkg}`), 'dir')
  }
  return p
}

const swcEmitted = /_ts_metadata\._\(/
const tscEmitted = /__metadata\(/

const plainEntity = `import { Column, CreateDateColumn, DeleteDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
enum Status { Active = 'active' }
class Address { @Column() city: string }
@Entity() class Team { @PrimaryGeneratedColumn() id: number }
@Entity()
export class Member {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
  @Column() tags: string[]
  @Column({ type: 'varchar', nullable: true }) nickname: string | null
  @Column('varchar') status: Status
  @CreateDateColumn() created: Date
  @DeleteDateColumn({ nullable: true }) deleted: Date | null
  @Column({ type: Date, nullable: true }) published: Date | null
  @Column(() => Address) address: Address
  @ManyToOne(() => Team) team: Team
}
`

describe('SWC transpiles what it writes the same decorator metadata for', () => {
  test('keywords, arrays, globals, local relations and embedded classes, and unions given an explicit column type', () => {
    const output = transpile(plainEntity, project({}).write('src/member.ts', plainEntity))
    expect(output).toMatch(swcEmitted)
    expect(output).toContain('_ts_metadata._("design:type", String)')
    expect(output).toContain('_ts_metadata._("design:type", Array)')
  })

  test.each([
    ['a nullable union without a column type', '@Column({ nullable: true }) nickname: string | null', 'String)'],
    ['a local type alias', '@Column() name: Name', 'String)'],
    ['a readonly array', '@Column() readonly tags: readonly string[]', 'Array)'],
    // SWC writes Object for the union, where tsc tells a lazy relation by its Promise.
    ['a lazy relation that may be null', '@ManyToOne(() => Team) team: Promise<Team> | null', 'typeof (_a = typeof Promise'],
    // SWC reads T at run time, where it is nothing (Object); tsc writes its constraint's type.
    ['a type parameter of the class', "@Column({ default: 'folder' }) kind: K", 'String)'],
  ])('%s goes to the TypeScript compiler', (_case, column, designType) => {
    const source = `import { Column, ManyToOne } from 'typeorm'\nimport { Team } from './team'\ntype Name = string\nexport class Thing<K extends 'folder' | 'app' = 'folder'> {\n  ${column}\n}\n`
    const output = transpile(source, project({ 'src/team.ts': 'export class Team {}\n' }).write('src/thing.ts', source))
    expect(output).toMatch(tscEmitted)
    expect(output).not.toMatch(swcEmitted)
    expect(output).toContain(`__metadata("design:type", ${designType}`)
  })

  test('with strictNullChecks, nullable unions (columns and relations to imported entities) are SWC\'s: both write Object', () => {
    const source = `import { Column, ManyToOne } from 'typeorm'\nimport { Team } from './team'\nexport class Thing {\n  @Column({ nullable: true }) nickname: string | null\n  @ManyToOne(() => Team) team: Team | null\n}\n`
    const strict = project({ 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }), 'src/team.ts': 'export class Team {}\n' })
    const output = transpile(source, strict.write('src/thing.ts', source))
    expect(output).toMatch(swcEmitted)
    expect(output.match(/_ts_metadata\._\("design:type", Object\)/g)).toHaveLength(2)
  })

  test('TYPEORM_AUTOGEN_TRANSPILER=typescript makes the TypeScript compiler transpile every file', () => {
    process.env.TYPEORM_AUTOGEN_TRANSPILER = 'typescript'
    try {
      expect(transpile(plainEntity, project({}).write('src/member.ts', plainEntity))).toMatch(tscEmitted)
    } finally {
      delete process.env.TYPEORM_AUTOGEN_TRANSPILER
    }
  })

  test('a syntax error only SWC finds is still one line with file, line and column', () => {
    // TypeScript's transpiler reports this one only when type-checking.
    const source = 'export const a = 1\nlabel: label: a\n'
    const file = project({}).write('src/labels.ts', source)
    expect(() => transpile(source, file)).toThrow(
      `${path.relative(process.cwd(), file)}(2,1): error: Label label is already declared. Fix the syntax error, then run again.`,
    )
  })
})

describe('imports after code that runs', () => {
  const config = `import 'reflect-metadata'
import { DataSource } from 'typeorm'
process.env.AMOUNT_TYPE = 'bigint'
import { Item } from './item'
export default new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Item] })
`
  const item = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity() export class Item {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: (process.env.AMOUNT_TYPE as 'bigint') ?? 'integer' }) amount: number
}
`

  test('go to the TypeScript compiler, which keeps each require where its import stands (SWC hoists them all)', () => {
    const output = transpile(config, project({}).write('ormconfig.ts', config))
    expect(output.indexOf('process.env.AMOUNT_TYPE')).toBeGreaterThan(-1)
    expect(output.indexOf('process.env.AMOUNT_TYPE')).toBeLessThan(output.indexOf('require("./item")'))
    const typesOnly = `import type { Item } from './item'\nexport type Items = Item[]\nimport { b } from './b'\nexport const c = b\n`
    expect(transpile(typesOnly, project({}).write('types.ts', typesOnly))).not.toMatch(/b_1 = require/)
  })

  test('run in the order written, from a cold cache and from a warm one', async () => {
    const p = projectWithOwnCache()
    p.write('item.ts', item)
    p.write('ormconfig.ts', config)
    for (const cache of ['cold', 'warm']) {
      const run = await runInNode(p, p.file('ormconfig.ts'))
      expect([cache, run.stderr, run.code]).toEqual([cache, '', 0])
      const { model } = JSON.parse(run.stdout) as { model: { tables: { columns: { name: string; type: string }[] }[] } }
      expect([cache, model.tables[0]?.columns.find((c) => c.name === 'amount')?.type]).toEqual([cache, 'bigint'])
    }
  })
})

describe('entities in a cycle of imports', () => {
  test("are SWC's: a getter of SWC's exports read before its class is declared reads undefined, as tsc's exports do", async () => {
    const p = projectWithOwnCache()
    p.write('entities/author.ts', `import { Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm'\nimport { Post } from './post'\n@Entity() export class Author {\n  @PrimaryGeneratedColumn() id: number\n  @OneToMany(() => Post, (post) => post.author) posts: Post[]\n}\n`)
    p.write('entities/post.ts', `import { Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'\nimport { Author } from './author'\n@Entity() export class Post {\n  @PrimaryGeneratedColumn() id: number\n  @ManyToOne(() => Author, (author) => author.posts) author: Author\n  @ManyToOne(() => Author) editor: Promise<Author>\n}\n`)
    p.write('ormconfig.ts', `import { DataSource } from 'typeorm'\nimport { Author } from './entities/author'\nexport default new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Author, __dirname + '/entities/*.ts'] })\n`)
    const run = await runInNode(p, p.file('ormconfig.ts'))
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const { model } = JSON.parse(run.stdout) as { model: { tables: { name: string; foreignKeys: { columns: string[] }[] }[] } }
    const post = model.tables.find((t) => t.name === 'post')
    expect(post?.foreignKeys.map((fk) => fk.columns).sort()).toEqual([['authorId'], ['editorId']])
    const outputs = cachedEntries(p.file('node_modules/.cache/typeorm-autogen')).map((entry) => entry.output)
    expect(outputs.filter((output) => swcEmitted.test(output))).toHaveLength(2)
    expect(outputs.filter((output) => tscEmitted.test(output))).toHaveLength(0)
  })
})

describe('where SWC cannot load', () => {
  test('the TypeScript compiler transpiles, and a note says so once', () => {
    const p = project({
      'a.ts': "import { b } from './b'\nexport const a: number = b\n",
      'b.ts': 'export const b: number = 1\n',
    })
    // A preload makes `@swc/core` fail to load, as on a platform it ships no binary for.
    const preload = p.write('no-swc.cjs', `const Module = require('node:module')
const load = Module._load
Module._load = function (request, ...rest) {
  if (request === '@swc/core') throw new Error('Failed to load native binding')
  return load.call(this, request, ...rest)
}
`)
    const loader = path.resolve(__dirname, '../../dist/src/source/typescript-loader.js')
    const script = `require(${JSON.stringify(loader)}).registerTypeScriptLoader(); console.log(require('./a.ts').a)`
    const run = execFileSync(process.execPath, ['--require', preload, '-e', script], { cwd: p.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    expect(run).toBe('1\n')
    const stderr = spawnStderr(['--require', preload, '-e', script], p.dir)
    expect(stderr.trim().split('\n')).toEqual([
      'typeorm-autogen: note: @swc/core did not load (Failed to load native binding): .ts files are transpiled with the TypeScript compiler, which is slower',
    ])
  })
})

describe('the transpile cache', () => {
  test('lives in the nearest node_modules/.cache/typeorm-autogen: a second load transpiles nothing unchanged', async () => {
    const p = project({ 'app/node_modules/.keep': '' })
    const file = p.write('app/src/member.ts', plainEntity)
    const before = transpiledCount()
    const first = transpile(plainEntity, file)
    expect(transpiledCount()).toBe(before + 1)
    await cacheWritesDone()
    expect(cachedEntries(p.file('app/node_modules/.cache/typeorm-autogen')).map((entry) => entry.file)).toEqual([file])
    expect(transpile(plainEntity, file)).toBe(first)
    expect(transpiledCount()).toBe(before + 1)
    const edited = plainEntity.replace('@Column() name: string', '@Column() title: string')
    transpile(edited, p.write('app/src/member.ts', edited))
    expect(transpiledCount()).toBe(before + 2)
  })

  test('keys by the transpiler too: the fallback never reads what SWC wrote', () => {
    const p = project({ 'app/node_modules/.keep': '' })
    const file = p.write('app/src/member.ts', plainEntity)
    transpile(plainEntity, file)
    process.env.TYPEORM_AUTOGEN_TRANSPILER = 'typescript'
    try {
      expect(transpile(plainEntity, file)).toMatch(tscEmitted)
    } finally {
      delete process.env.TYPEORM_AUTOGEN_TRANSPILER
    }
  })

  test('an emit with type information is cached while the files its Program read are as they were', () => {
    const p = project({ 'app/node_modules/.keep': '', 'app/src/enums.ts': "export enum Status { A = 'a' }\n" })
    const source = "import { Column } from 'typeorm'\nimport { Status } from './enums'\nexport class Thing {\n  @Column() status: Status\n}\n"
    const file = p.write('app/src/thing.ts', source)
    const before = transpiledCount()
    expect(transpile(source, file)).toContain('__metadata("design:type", String)')
    expect(transpile(source, file)).toContain('__metadata("design:type", String)')
    expect(transpiledCount()).toBe(before + 1)
  })

  test('a run after an imported file changed emits again with type information (each run is a process)', async () => {
    const p = projectWithOwnCache()
    p.write('entities/status.ts', "export enum Status { A = 'a' }\n")
    p.write('entities/other.ts', "import { Column } from 'typeorm'\nexport class Other {\n  @Column() label: string\n}\n")
    p.write('entities/thing.ts', "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'\nimport { Status } from './status'\n@Entity() export class Thing {\n  @PrimaryGeneratedColumn() id: number\n  @Column() status: Status\n}\n")
    p.write('ormconfig.ts', `import { DataSource } from 'typeorm'\nimport { Thing } from './entities/thing'\nexport default new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Thing] })\n`)
    const statusType = async () => {
      const run = await runInNode(p, p.file('ormconfig.ts'))
      expect(run.stderr).toBe('')
      const model = (JSON.parse(run.stdout) as { model: { tables: { columns: { name: string; type: string }[] }[] } }).model
      return model.tables[0].columns.find((c) => c.name === 'status')?.type
    }
    expect(await statusType()).toBe('varchar')
    const withDependencies = cachedEntries(p.file('node_modules/.cache/typeorm-autogen')).filter((entry) => entry.dependencies !== undefined)
    expect(withDependencies.map((entry) => entry.file)).toEqual([p.file('entities/thing.ts')])
    // What thing.ts imports, not the entity beside it in the same Program.
    const recorded = withDependencies[0].dependencies?.map(([file]) => file)
    expect(recorded).toContain(p.file('entities/status.ts'))
    expect(recorded).not.toContain(p.file('entities/other.ts'))
    expect(await statusType()).toBe('varchar')
    p.write('entities/status.ts', 'export enum Status { A = 1, B = 2 }\n')
    expect(await statusType()).toBe('integer')
  }, 180_000)

  test('a project without node_modules is transpiled without a cache', () => {
    const p = project({})
    fs.rmSync(p.file('node_modules'))
    const file = p.write('src/member.ts', plainEntity)
    const before = transpiledCount()
    transpile(plainEntity, file)
    transpile(plainEntity, file)
    expect(transpiledCount()).toBe(before + 2)
  })
})

function spawnStderr(args: string[], cwd: string): string {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process')
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8' }).stderr
}

describe('transpiles started ahead on SWC\'s threads (a cold load of globbed files)', () => {
  test('write to the cache what the file-by-file transpile writes', async () => {
    const p = projectWithOwnCache()
    p.write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true } }))
    // SWC's (nullable unions under strict) and the TypeScript compiler's (a column typed by a local alias).
    p.write('entities/team.ts', `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'\n@Entity() export class Team {\n  @PrimaryGeneratedColumn() id: number\n  @Column({ type: 'varchar', nullable: true }) name: string | null\n}\n`)
    p.write('entities/member.ts', `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'\nimport { Team } from './team'\ntype Nick = string\n@Entity() export class Member {\n  @PrimaryGeneratedColumn() id: number\n  @Column() nick: Nick\n  @ManyToOne(() => Team) team: Team | null\n}\n`)
    p.write('entities/plain.ts', `export const answer = 42\n`)
    p.write('ormconfig.ts', `import { DataSource } from 'typeorm'\nexport default new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [__dirname + '/entities/*.ts'] })\n`)
    const cache = p.file('node_modules/.cache/typeorm-autogen')
    const entries = () => Object.fromEntries(cachedEntries(cache).map((entry) => [entry.file, entry.output]))

    const run = await runInNode(p, p.file('ormconfig.ts'))
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const ahead = entries()
    // SWC's output requires its helpers, which the project lacks: they came from the tool's own @swc/helpers.
    expect(Object.values(ahead).filter((output) => output.includes('require("@swc/helpers/_/_ts_decorate")'))).toHaveLength(1)
    expect(fs.existsSync(p.file('node_modules/@swc/helpers'))).toBe(false)
    fs.rmSync(cache, { recursive: true })
    for (const file of ['ormconfig.ts', 'entities/team.ts', 'entities/member.ts', 'entities/plain.ts']) transpile(fs.readFileSync(p.file(file), 'utf8'), p.file(file))
    await cacheWritesDone()
    expect(ahead).toEqual(entries())
    expect(Object.keys(ahead)).toHaveLength(4)
  })
})
