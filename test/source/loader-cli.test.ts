import { existsSync, readdirSync } from 'node:fs'
import { type CliRun, afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'

// The built CLI loads a new user's app: src/data-source.ts, entities by glob, the app's own tsconfig.json.

const dataSource = `
import { DataSource } from 'typeorm'
import * as path from 'node:path'
export default new DataSource({
  type: 'better-sqlite3',
  database: path.join(__dirname, '..', 'data', 'app.sqlite'),
  entities: [path.join(__dirname, 'entities', '*.ts')],
  migrations: [path.join(__dirname, 'migrations', '*.ts')],
})
`
const config = ['-c', 'src/data-source.ts']

function thingEntity(columns: string, imports = ''): string {
  return `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
${imports}
@Entity('thing')
export class Thing {
  @PrimaryGeneratedColumn() id: number
${columns}
}
`
}
const plainColumns = `  @Column() name: string
  @Column() count: number
  @Column() active: boolean
  @Column() born: Date`

let project: TempProject
afterEach(() => project.remove())

function app(files: Record<string, string>): TempProject {
  project = tempProject({ 'src/data-source.ts': dataSource, ...files })
  return project
}

function migrationFiles(): string[] {
  return existsSync(project.file('src/migrations')) ? readdirSync(project.file('src/migrations')) : []
}

/** expectRefusal checks one line on stderr, exit 2 and no migration file written. */
function expectRefusal(run: CliRun, pattern: RegExp): void {
  expect(run.code).toBe(2)
  const lines = run.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(migrationFiles()).toEqual([])
}

// Every behaviour holds on both loaders: SWC, and the TypeScript compiler it falls back to.
const transpilers: [string, NodeJS.ProcessEnv][] = [
  ['SWC', {}],
  ['the TypeScript compiler (TYPEORM_AUTOGEN_TRANSPILER=typescript)', { TYPEORM_AUTOGEN_TRANSPILER: 'typescript' }],
]

describe.each(transpilers)('transpiled by %s', (_transpiler, transpilerEnv) => {
  describe('syntax errors are reported as tsc reports them, never loaded as an empty module', () => {
    test('in the config file', async () => {
      app({ 'src/entities/thing.ts': thingEntity(plainColumns) })
      project.write('src/data-source.ts', dataSource.replace('})\n', ')\n'))
      const pattern = /^typeorm-autogen: src\/data-source\.ts\(9,1\): error TS1136: Property assignment expected\. Fix the syntax error, then run again\.$/
      expectRefusal(await runCliInProcess(project.dir, ['diff', ...config], transpilerEnv), pattern)
      expectRefusal(await runCliInProcess(project.dir, ['generate', 'Init', ...config], transpilerEnv), pattern)
    })

    test('in an entity file loaded by glob: a missing class brace', async () => {
      app({ 'src/entities/thing.ts': thingEntity(plainColumns).replace(/\}\s*$/, '\n'), 'src/entities/other.ts': 'export const other = 1\n' })
      const pattern = /^typeorm-autogen: src\/entities\/thing\.ts\(11,1\): error TS1005: '}' expected\./
      expectRefusal(await runCliInProcess(project.dir, ['diff', ...config], transpilerEnv), pattern)
      expectRefusal(await runCliInProcess(project.dir, ['generate', 'Init', ...config], transpilerEnv), pattern)
      expectRefusal(await runCliInProcess(project.dir, ['check', ...config], transpilerEnv), pattern)
    })

    test('in a migration file that upgrade loads', async () => {
      app({
        'src/entities/thing.ts': thingEntity(plainColumns),
        'src/migrations/1700000000000-Init.ts': 'export class Init1700000000000 {\n  async up() {}\n  async down() {\n}\n',
      })
      for (const command of ['upgrade', 'status']) {
        const run = await runCliInProcess(project.dir, [command, ...config], transpilerEnv)
        expect(run.code).toBe(2)
        expect(run.stderr.trim().split('\n')).toEqual([
          "typeorm-autogen: src/migrations/1700000000000-Init.ts(5,1): error TS1005: '}' expected. Fix the syntax error, then run again.",
        ])
      }
    })
  })

  describe("the loader compiles with the project's tsconfig.json", () => {
    const nullableByInference = '  @Column() nickname: string | null'
    const rejected = /^typeorm-autogen: .*Data type "Object" in "Thing\.nickname" is not supported by "better-sqlite3"/

    test('under strict, `@Column() x: string | null` is rejected as TypeORM rejects it when the app boots', async () => {
      app({ 'tsconfig.json': '{ "compilerOptions": { "strict": true } }', 'src/entities/thing.ts': thingEntity(nullableByInference) })
      expectRefusal(await runCliInProcess(project.dir, ['diff', ...config], transpilerEnv), rejected)
      expectRefusal(await runCliInProcess(project.dir, ['generate', 'Init', ...config], transpilerEnv), rejected)
      expect(existsSync(project.file('data'))).toBe(false)
    })

    test('under strict, an explicit type for the nullable column loads, and inferred types stay inferred', async () => {
      app({
        'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
        'src/entities/thing.ts': thingEntity(`${plainColumns}\n  @Column({ type: 'varchar', nullable: true }) nickname: string | null`),
      })
      const run = await runCliInProcess(project.dir, ['diff', '--format', 'sql', ...config], transpilerEnv)
      expect(afterDatabaseLine(run.stderr)).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(
        'CREATE TABLE "thing" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL, "count" integer NOT NULL, ' +
          '"active" boolean NOT NULL, "born" datetime NOT NULL, "nickname" varchar)',
      )
    })

    test('strictness set in a base tsconfig reached through extends (a file, then a package)', async () => {
      app({
        'tsconfig.json': '{ "extends": "./config/tsconfig.app.json" }',
        'config/tsconfig.app.json': '{ "extends": "@company/tsconfig/strict.json", "compilerOptions": { "target": "ES2022" } }',
        'config/node_modules/@company/tsconfig/strict.json': '{ "compilerOptions": { "strictNullChecks": true } }',
        'src/entities/thing.ts': thingEntity(nullableByInference),
      })
      expectRefusal(await runCliInProcess(project.dir, ['diff', ...config], transpilerEnv), rejected)
    })

    test('`paths` aliases resolve, under target ES2022 where class fields use define semantics', async () => {
      app({
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', paths: { '@/*': ['./src/*'] } } }),
        'src/enums/index.ts': "export { Role } from '@/enums/role.js'\n",
        'src/enums/role.ts': "export enum Role { Admin = 'admin', Member = 'member' }\n",
        'src/entities/thing.ts': thingEntity(`${plainColumns}\n  @Column({ type: 'simple-enum', enum: Role }) role: Role`, "import { Role } from '@/enums'"),
      })
      const run = await runCliInProcess(project.dir, ['diff', '--format', 'sql', ...config], transpilerEnv)
      expect(afterDatabaseLine(run.stderr)).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(
        '"name" varchar NOT NULL, "count" integer NOT NULL, "active" boolean NOT NULL, "born" datetime NOT NULL, ' +
          `"role" varchar CHECK( "role" IN ('admin','member') ) NOT NULL)`,
      )
    })
  })

  test('with `baseUrl` and no `paths`, a bare import resolves under the base folder, as NestJS projects import', async () => {
    app({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: './' } }),
      'src/enums/role.ts': "export enum Role { Admin = 'admin', Member = 'member' }\n",
      'src/entities/thing.ts': thingEntity(`${plainColumns}\n  @Column({ type: 'simple-enum', enum: Role }) role: Role`, "import { Role } from 'src/enums/role'"),
    })
    const run = await runCliInProcess(project.dir, ['diff', '--format', 'sql', ...config], transpilerEnv)
    expect(afterDatabaseLine(run.stderr)).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`"role" varchar CHECK( "role" IN ('admin','member') ) NOT NULL)`)
  })

  test('under node16 resolution, an enum imported from a package that publishes its types only through `exports` is read as tsc reads it', async () => {
    app({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strictNullChecks: true, module: 'Node16', moduleResolution: 'node16' } }),
      'node_modules/exports-only-sdk/package.json': JSON.stringify({ name: 'exports-only-sdk', exports: { '.': { require: { types: './cjs/index.d.ts', default: './cjs/index.js' } } } }),
      'node_modules/exports-only-sdk/cjs/index.d.ts': "export declare enum AccountType { Individual = 'individual', Guest = 'guest' }\n",
      'node_modules/exports-only-sdk/cjs/index.js': "exports.AccountType = { Individual: 'individual', Guest: 'guest' }\n",
      'src/entities/thing.ts': thingEntity(
        '  @Column({ default: AccountType.Individual, enum: Object.values(AccountType) }) type: `${AccountType}` | AccountType',
        "import { AccountType } from 'exports-only-sdk'",
      ),
    })
    const run = await runCliInProcess(project.dir, ['diff', '--format', 'sql', ...config], transpilerEnv)
    expect(afterDatabaseLine(run.stderr)).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`"type" varchar CHECK( "type" IN ('individual','guest') ) NOT NULL DEFAULT 'individual')`)
  })

  test('a column typed by an import of types only (`Point` of `@types/geojson`, no `geojson` package; a `.d.ts` file) loads, as tsc drops the import', async () => {
    app({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
      'src/node_modules/@types/geo-shapes/package.json': JSON.stringify({ name: '@types/geo-shapes', types: 'index.d.ts' }),
      'src/node_modules/@types/geo-shapes/index.d.ts': "export interface Point { type: 'Point'; coordinates: number[] }\nexport type Shape = Point | { type: 'Box' }\n",
      'src/box.d.ts': 'export interface Box { width: number }\n',
      'src/entities/thing.ts': thingEntity(
        "  @Column('simple-json') location: Point\n  @Column('simple-json', { nullable: true }) shape?: Shape\n  @Column('simple-json') box: Box",
        "import { Point, Shape } from 'geo-shapes'\nimport { Box } from '../box'",
      ),
    })
    const run = await runCliInProcess(project.dir, ['diff', '--format', 'sql', ...config], transpilerEnv)
    expect(afterDatabaseLine(run.stderr)).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('"location" text NOT NULL, "shape" text, "box" text NOT NULL)')
  })

  test("a column given its type and typed by a type alias of the app's own module (which needs the app's environment to load) loads, as tsc drops the import", async () => {
    app({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
      'src/utils.ts': "if (!process.env.BOT_TOKEN) throw new Error('BOT_TOKEN is not set')\nexport type MessageContent = { content?: string }\nexport const limit = 2000\n",
      'src/entities/thing.ts': thingEntity(
        "  @Column('simple-json') content: MessageContent\n  @Column({ type: 'simple-json', nullable: true }) draft: MessageContent | null",
        "import { MessageContent } from '../utils'",
      ),
    })
    const run = await runCliInProcess(project.dir, ['diff', '--format', 'sql', ...config], transpilerEnv)
    expect(afterDatabaseLine(run.stderr)).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('"content" text NOT NULL, "draft" text)')
  })

  describe('a column typed by an imported enum or alias gets the design:type a tsc build gives it', () => {
    const enums = "export enum Status { Active = 'active' }\nexport enum Level { Low, High }\nexport type Kind = 'small' | 'large'\n"
    const imports = "import { Kind, Level, Status } from '../enums'"

    test('string enum as varchar, numeric enum as integer, union of strings as varchar', async () => {
      app({ 'src/enums.ts': enums, 'src/entities/thing.ts': thingEntity('  @Column() status: Status\n  @Column() level: Level\n  @Column() kind: Kind', imports) })
      const run = await runCliInProcess(project.dir, ['diff', '--format', 'sql', ...config], transpilerEnv)
      expect(afterDatabaseLine(run.stderr)).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('"status" varchar NOT NULL, "level" integer NOT NULL, "kind" varchar NOT NULL)')
    })

    test('an enum of the same file whose members are computed (1 << 0, as Spacebar writes its flags) is integer, as tsc emits Number', async () => {
      const flags = 'enum Flags {\n  NONE = 0,\n  HAS_INTERACTED = 1 << 0,\n}\nenum Tier { Low = `low` }'
      app({ 'src/entities/thing.ts': thingEntity('  @Column() flags: Flags\n  @Column() tier: Tier', flags) })
      const run = await runCliInProcess(project.dir, ['diff', '--format', 'sql', ...config], transpilerEnv)
      expect(afterDatabaseLine(run.stderr)).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('"flags" integer NOT NULL, "tier" varchar NOT NULL)')
    })

    test('without strict, `@Column() x: string | null` is varchar, as tsc emits String', async () => {
      app({ 'src/entities/thing.ts': thingEntity('  @Column({ nullable: true }) nickname: string | null\n  @Column() size: number | undefined') })
      const run = await runCliInProcess(project.dir, ['diff', '--format', 'sql', ...config], transpilerEnv)
      expect(afterDatabaseLine(run.stderr)).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('"nickname" varchar, "size" integer NOT NULL)')
    })

    test('explicit column types beside nullable unions, an imported enum, a local alias and date columns', async () => {
      const columns = [
        "  @Column({ type: 'varchar', nullable: true }) nickname: string | null",
        "  @Column('integer', { nullable: true }) score: number | null",
        "  @Column({ type: 'varchar' }) status: Status",
        '  @Column() name: Name',
        '  @CreateDateColumn() created: Date',
        '  @DeleteDateColumn({ nullable: true }) deleted: Date | null',
      ].join('\n')
      const imports = "import { CreateDateColumn, DeleteDateColumn } from 'typeorm'\nimport { Status } from '../enums'\ntype Name = string"
      app({ 'src/enums.ts': enums, 'src/entities/thing.ts': thingEntity(columns, imports) })
      const run = await runCliInProcess(project.dir, ['diff', '--format', 'sql', ...config], transpilerEnv)
      expect(afterDatabaseLine(run.stderr)).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(
        '"nickname" varchar, "score" integer, "status" varchar NOT NULL, "name" varchar NOT NULL, ' +
          '"created" datetime NOT NULL DEFAULT (datetime(\'now\')), "deleted" datetime)',
      )
    })

    test('under strict, `Status | null` is Object as tsc emits it, so it is rejected as the app is', async () => {
      app({
        'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
        'src/enums.ts': enums,
        'src/entities/thing.ts': thingEntity('  @Column({ nullable: true }) state: Status | null', imports),
      })
      expectRefusal(await runCliInProcess(project.dir, ['diff', ...config], transpilerEnv), /^typeorm-autogen: .*Data type "Object" in "Thing\.state" is not supported by "better-sqlite3"/)
    })
  })
})
