import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { planTypeAwareRoots, typeAwareProgramCount } from '../../src/source/type-aware-emitter'
import { transpile } from '../../src/source/typescript-loader'
import { UserError } from '../../src/source/user-error'
import { tempProjectsRemovedAfterEach } from './helpers/temp-projects'

// Decorator metadata of a property typed by an import, as the loader emits it and as `tsc` builds the same file.

const project = tempProjectsRemovedAfterEach()
const tscBin = path.resolve(__dirname, '../../node_modules/typescript/bin/tsc')

const enums = `
export enum Status { Active = 'active', Gone = 'gone' }
export enum Level { Low, High }
export type Kind = 'small' | 'large'
export class Team {}
`
const entity = `
import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Kind, Level, Status, Team } from '../enums'
import * as enums from '../enums'
import type { Status as StatusType } from '../enums'

type LocalKind = Kind | 'medium'

@Entity()
export class Thing {
  @PrimaryGeneratedColumn() id: number
  @Column() status: Status
  @Column() level: Level
  @Column() kind: Kind
  @Column({ nullable: true }) maybe: Status | null
  @Column() qualified: enums.Status
  @Column() local: LocalKind
  @Column() typeOnly: StatusType
  @ManyToOne(() => Team) team: Team
  @Column() name: string
}
`
const tsconfig = JSON.stringify({
  compilerOptions: {
    strict: true, strictPropertyInitialization: false, target: 'ES2021', module: 'commonjs',
    experimentalDecorators: true, emitDecoratorMetadata: true, outDir: 'out', rootDir: '.', skipLibCheck: true,
  },
})

function designTypes(javaScript: string): string[] {
  return [...javaScript.matchAll(/_metadata(?:\._)?\("design:type", (.*)\)/g)].map((m) => m[1])
}

function builtByTsc(dir: string, relative: string): string {
  const run = spawnSync(process.execPath, [tscBin, '-p', dir], { cwd: dir, encoding: 'utf8' })
  expect(run.stdout + run.stderr).toBe('')
  return fs.readFileSync(path.join(dir, 'out', relative.replace(/\.ts$/, '.js')), 'utf8')
}

describe('decorator metadata of imported types is what tsc emits', () => {
  test('string enum, numeric enum, string union alias, `| null` under strict, namespace, local alias, type-only import, class', () => {
    const p = project({ 'tsconfig.json': tsconfig, 'src/enums.ts': enums, 'src/entities/thing.ts': entity })
    const loaded = designTypes(transpile(entity, p.file('src/entities/thing.ts')))
    expect(loaded).toEqual(['Number', 'String', 'Number', 'String', 'Object', 'String', 'String', 'String', 'enums_1.Team', 'String'])
    expect(loaded).toEqual(designTypes(builtByTsc(p.dir, 'src/entities/thing.ts')))
  })

  test('a property typed by a type parameter of its class is what its constraint is, imported or local', () => {
    const source = [
      "import { Column } from 'typeorm'",
      "import { Kind, Level } from './enums'",
      'type Local = keyof { a: 1; b: 2 }',
      "export class Thing<K extends Kind = Kind, L extends Level = Level, M extends Local = 'a', N = unknown> {",
      "  @Column({ default: 'small' }) kind: K",
      '  @Column() level: L',
      '  @Column() local: M',
      '  @Column() free: N',
      '}',
      '',
    ].join('\n')
    const p = project({ 'tsconfig.json': tsconfig, 'src/enums.ts': enums, 'src/thing.ts': source })
    const loaded = designTypes(transpile(source, p.file('src/thing.ts')))
    expect(loaded).toEqual(designTypes(builtByTsc(p.dir, 'src/thing.ts')))
    expect(loaded).toEqual(['String', 'Number', 'String', 'Object'])
  })

  test('without strict, `Status | null` is the enum type, as tsc emits it', () => {
    const loose = tsconfig.replace('"strict":true', '"strict":false')
    const source = "import { Column } from 'typeorm'\nimport { Status } from './enums'\nexport class Thing {\n  @Column() maybe: Status | null\n}\n"
    const p = project({ 'tsconfig.json': loose, 'src/enums.ts': enums, 'src/thing.ts': source })
    const loaded = designTypes(transpile(source, p.file('src/thing.ts')))
    expect(loaded).toEqual(['String'])
    expect(loaded).toEqual(designTypes(builtByTsc(p.dir, 'src/thing.ts')))
  })

  test('constructor parameters of a decorated class and accessors are typed the same way', () => {
    const source = `import { Column, Entity } from 'typeorm'
import { Level, Status } from './enums'
@Entity()
export class Thing {
  constructor(readonly level: Level) {}
  private stored: Status
  @Column() get status(): Status { return this.stored }
  set status(value: Status) { this.stored = value }
}
`
    const p = project({ 'tsconfig.json': tsconfig, 'src/enums.ts': enums, 'src/thing.ts': source })
    const loaded = transpile(source, p.file('src/thing.ts'))
    const metadata = (js: string) => [...js.matchAll(/__metadata\("design:(?:type|paramtypes)", (.*)\)/g)].map((m) => m[1])
    expect(metadata(loaded)).toEqual(['String', '[String]', '[Number]'])
    expect(metadata(loaded)).toEqual(metadata(builtByTsc(p.dir, 'src/thing.ts')))
  })
})

describe('only files whose decorator metadata names an import are emitted with type information', () => {
  test('relations to imported entity classes build no Program (SWC takes them): their runtime guard yields the class, as tsc writes it', () => {
    const p = project({ 'tsconfig.json': tsconfig, 'src/enums.ts': enums })
    const source = `import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Team } from '../enums'
@Entity()
export class Member {
  @PrimaryGeneratedColumn() id: number
  @Index() @ManyToOne(() => Team) @JoinColumn() team: Team
  @Column() name: string
}
`
    const before = typeAwareProgramCount()
    const emitted = transpile(source, p.write('src/entities/member.ts', source))
    expect(typeAwareProgramCount()).toBe(before)
    expect(designTypes(emitted)).toEqual(['Number', expect.stringMatching(/enums(_1)?\.Team/), 'String'])
  })

  test('entities with local and built-in types, a config and a migration build no Program', () => {
    const p = project({ 'tsconfig.json': tsconfig })
    const before = typeAwareProgramCount()
    const files = {
      'src/entities/user.ts': `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { hashed } from '../util'
export enum Role { Admin = 'admin' }
type Name = string
@Entity()
export class User {
  @PrimaryGeneratedColumn() id: number
  @Column({ transformer: hashed }) name: Name
  @Column() role: Role
  @Column() born: Date
}
`,
      'src/data-source.ts': "import { DataSource } from 'typeorm'\nexport default new DataSource({ type: 'better-sqlite3', database: ':memory:' })\n",
      'src/migrations/1-init.ts': "import { MigrationInterface } from 'typeorm'\nexport class Init1 implements MigrationInterface {\n  async up() {}\n  async down() {}\n}\n",
    }
    for (const [relative, source] of Object.entries(files)) {
      expect(transpile(source, p.write(relative, source))).toMatch(/\bexports\b/)
    }
    expect(typeAwareProgramCount()).toBe(before)
  })

  test('one Program serves the entities of a folder', () => {
    const p = project({ 'tsconfig.json': tsconfig, 'src/enums.ts': enums })
    const source = (name: string) => `import { Column } from 'typeorm'\nimport { Status } from '../enums'\nexport class ${name} {\n  @Column() status: Status\n}\n`
    const files = ['a', 'b', 'c'].map((name) => p.write(`src/entities/${name}.ts`, source(name.toUpperCase())))
    const before = typeAwareProgramCount()
    for (const file of files) expect(designTypes(transpile(fs.readFileSync(file, 'utf8'), file))).toEqual(['String'])
    expect(typeAwareProgramCount()).toBe(before + 1)
  })

  test('one Program serves the planned files of many folders, each entity in its own', () => {
    const p = project({ 'tsconfig.json': tsconfig, 'src/enums.ts': enums })
    const source = (name: string) => `import { Column } from 'typeorm'\nimport { Status } from '../enums'\nexport class ${name} {\n  @Column() status: Status\n}\n`
    const files = ['a', 'b', 'c'].map((name) => p.write(`src/${name}/${name}.entity.ts`, source(name.toUpperCase())))
    planTypeAwareRoots(files)
    const before = typeAwareProgramCount()
    for (const file of files) expect(designTypes(transpile(fs.readFileSync(file, 'utf8'), file))).toEqual(['String'])
    expect(typeAwareProgramCount()).toBe(before + 1)
  })

  test('a syntax error in such a file is reported as in any other file', () => {
    const p = project({ 'tsconfig.json': tsconfig, 'src/enums.ts': enums })
    const broken = entity.replace(/\}\s*$/, '\n')
    const file = p.write('src/entities/thing.ts', broken)
    const before = typeAwareProgramCount()
    let thrown: unknown
    try {
      transpile(broken, file)
    } catch (err) {
      thrown = err
    }
    // SWC cannot read the file, so it is SWC's to transpile: no Program is built for it.
    expect(typeAwareProgramCount()).toBe(before)
    expect(thrown).toBeInstanceOf(UserError)
    expect((thrown as UserError).message).toBe(
      `${path.relative(process.cwd(), file)}(${broken.split('\n').length},1): error TS1005: '}' expected. Fix the syntax error, then run again.`,
    )
  })
})
