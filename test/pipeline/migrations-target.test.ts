import { loadsMigrationsFromSubfolders, migrationsTarget } from '../../src/source/migrations-dir'
import { globPatternRegExp } from '../../src/source/glob-pattern'
import { typeScriptMigration } from '../../src/render/migration-format'
import { type TempProject, tempProject } from '../support/temp-project'

// Which folder generate writes to, for every shape of the DataSource's `migrations` option, and when it refuses.

const cwd = '/work/app'
const dataSourceWith = (migrations: unknown) => ({ options: { migrations } }) as never
const target = (migrations: unknown, migrationsDir?: string) => migrationsTarget(dataSourceWith(migrations), migrationsDir ? { migrationsDir } : {}, cwd)

it('writes into the one folder whose glob loads a new .ts file', () => {
  expect(target(['migrations/*.ts'])).toEqual({ format: typeScriptMigration, dir: '/work/app/migrations' })
  expect(target(['src/db/migrations/*.ts'])).toEqual({ format: typeScriptMigration, dir: '/work/app/src/db/migrations' })
  expect(target(['dist/migrations/*.js', 'src/migrations/*.ts'])).toEqual({ format: typeScriptMigration, dir: '/work/app/src/migrations' })
  expect(target(['src/migrations/*.ts', 'src/migrations/**/*.ts'])).toEqual({ format: typeScriptMigration, dir: '/work/app/src/migrations' })
  expect(target({ a: 'src/db/**/*{.ts,.js}' })).toEqual({ format: typeScriptMigration, dir: '/work/app/src/db' })
  expect(target(undefined)).toEqual({ format: typeScriptMigration, dir: '/work/app/migrations' })
})

it('lets autogen.migrationsDir win over any DataSource shape', () => {
  expect(target(['dist/migrations/*.js'], 'src/migrations')).toEqual({ format: typeScriptMigration, dir: '/work/app/src/migrations' })
  expect(target([class Init1700000000000 {}], 'src/migrations')).toEqual({ format: typeScriptMigration, dir: '/work/app/src/migrations' })
})

it('refuses build output, classes, ambiguous globs and globs that would not load the file', () => {
  expect(target(['dist/migrations/*.js']).refusal).toMatch(/dist\/migrations\/\*\.js, which is build output: set autogen\.migrationsDir/)
  expect(target([class Init1700000000000 {}]).refusal).toMatch(/as classes.*autogen\.migrationsDir/)
  expect(target(['a/*.ts', 'b/*.ts']).refusal).toMatch(/a\/\*\.ts, b\/\*\.ts, and a new migration could go to any of them: set autogen\.migrationsDir/)
  expect(target(['src/**/migrations/*.ts']).refusal).toMatch(/would not load a new .*autogen\.migrationsDir/)
  expect(target(['src/migrations/*.migration.ts']).refusal).toMatch(/only files named \*\.migration\.ts, and generate names a new one/)
  expect(target(['dist/migrations/*.js']).dir).toBe('/work/app/dist/migrations')
})

// HedgeDoc 2 keeps each database's migrations in one folder under a prefix (sqlite-1726271503150-init.ts,
// postgres-..., mariadb-...), and each DataSource loads its own: `**/migrations/sqlite-*.ts`. The refusal said to
// set autogen.migrationsDir to that folder, where upgrade then runs every file of it: the other databases' too
// (status listed postgres' and mariadb's init as pending on SQLite). Where the globs' file names keep out the name
// generate gives, the line says to add a glob for a folder of their own, which then takes the new migrations.
it('refuses globs whose file names keep a new migration out, asking for a folder of its own, not autogen.migrationsDir', () => {
  const prefixed = target(['src/migrations/sqlite-*.ts']).refusal
  expect(prefixed).toBe("the DataSource loads migrations from src/migrations/sqlite-*.ts, only files named sqlite-*.ts, and generate names a new one 1700000000000-Migration.ts: add to the DataSource's migrations a glob that loads the new ones from a folder of their own (as src/migrations/<folder>/*.ts), where generate then writes them")
  expect(target(['**/migrations/sqlite-*.ts']).refusal).toMatch(/only files named sqlite-\*\.ts, .*\(as <folder>\/\*\.ts\)/)
  expect(target(['src/migrations/sqlite-*.ts', 'src/migrations/sqlite/*.ts'])).toEqual({ format: typeScriptMigration, dir: '/work/app/src/migrations/sqlite' })
  expect(target(['src/**/migrations/*.ts']).refusal).toMatch(/set autogen\.migrationsDir/)
})

it('globPatternRegExp reads globs as TypeORM does', () => {
  const matches = (glob: string, file: string) => globPatternRegExp(glob)?.test(file)
  expect(matches('/a/**/*.ts', '/a/1-X.ts')).toBe(true)
  expect(matches('/a/**/*.ts', '/a/b/c/1-X.ts')).toBe(true)
  expect(matches('/a/*.{ts,js}', '/a/1-X.js')).toBe(true)
  expect(matches('/a/*{.ts,.js}', '/a/1-X.mjs')).toBe(false)
  expect(matches('/a/*.ts', '/a/b/1-X.ts')).toBe(false)
  expect(matches('/a/[0-9]*.ts', '/a/1-X.ts')).toBe(true)
  expect(matches('/a.b/?-X.ts', '/a.b/1-X.ts')).toBe(true)
  expect(matches('/a.b/*.ts', '/aXb/1-X.ts')).toBe(false)
  expect(globPatternRegExp('/a/+(x|y).ts')).toBeUndefined()
})

describe('a JavaScript project (a JavaScript config)', () => {
  let app: TempProject
  beforeEach(() => {
    app = tempProject({ 'package.json': '{ "name": "js-app" }' })
  })
  afterEach(() => app.remove())
  const jsTarget = (migrations: unknown, config = 'ormconfig.js', migrationsDir?: string) =>
    migrationsTarget(dataSourceWith(migrations), migrationsDir ? { migrationsDir } : {}, app.dir, app.file(config))

  it('writes a migration in the module format Node loads the file as, where a glob loads .js files', () => {
    expect(jsTarget(['migrations/*.js'])).toEqual({ dir: app.file('migrations'), format: { extension: '.js', module: 'commonjs' } })
    expect(jsTarget(['db/*.cjs'])).toEqual({ dir: app.file('db'), format: { extension: '.cjs', module: 'commonjs' } })
    expect(jsTarget(['db/*.mjs'])).toEqual({ dir: app.file('db'), format: { extension: '.mjs', module: 'esm' } })
    expect(jsTarget(undefined)).toEqual({ dir: app.file('migrations'), format: { extension: '.js', module: 'commonjs' } })
    expect(jsTarget(['migrations/*.js'], 'ormconfig.js', 'migrations').format).toEqual({ extension: '.js', module: 'commonjs' })
    expect(jsTarget(['src/**/migrations/*.js']).refusal).toMatch(/src\/\*\*\/migrations\/\*\.js, which would not load a new 1700000000000-Migration\.js: set autogen\.migrationsDir/)
  })

  it('writes .js where a glob loads .ts too, as TypeORM documents it (`*{.ts,.js}`), unless a tsconfig.json is above', () => {
    expect(jsTarget(['migrations/*{.ts,.js}'])).toEqual({ dir: app.file('migrations'), format: { extension: '.js', module: 'commonjs' } })
    expect(jsTarget(['migrations/*.{js,ts}']).format).toEqual({ extension: '.js', module: 'commonjs' })
    expect(jsTarget(['migrations/*']).format).toEqual({ extension: '.js', module: 'commonjs' })
    app.write('ts/tsconfig.json', '{}')
    expect(jsTarget(['ts/migrations/*.{js,ts}'], 'ts/ormconfig.js').format).toEqual(typeScriptMigration)
    app.write('ts/migrations/1700000000000-Init.js', '')
    expect(jsTarget(['ts/migrations/*.{js,ts}'], 'ts/ormconfig.js').format).toEqual({ extension: '.js', module: 'commonjs' })
  })

  it('writes an ES module .js in a "type": "module" package', () => {
    app.write('esm/package.json', '{ "name": "esm-app", "type": "module" }')
    expect(jsTarget(['esm/migrations/*.js'], 'esm/ormconfig.mjs').format).toEqual({ extension: '.js', module: 'esm' })
  })

  it('still refuses .js compiled from TypeScript: a tsconfig outDir, .ts sources beside, a TypeScript config', () => {
    app.write('tsconfig.json', '{ "compilerOptions": { "outDir": "dist" } }')
    expect(jsTarget(['dist/migrations/*.js']).refusal).toMatch(/which is build output/)
    expect(jsTarget(['migrations/*.js']).format).toEqual({ extension: '.js', module: 'commonjs' })
    app.write('migrations/1700000000000-Init.ts', '')
    expect(jsTarget(['migrations/*.js']).refusal).toMatch(/which is build output/)
    expect(jsTarget(['db/*.js'], 'ormconfig.ts').refusal).toMatch(/which is build output/)
    expect(jsTarget(['db/*.js'], 'ormconfig.ts', 'db').format).toEqual(typeScriptMigration)
  })
})

describe('build output whose source folder the project has', () => {
  let app: TempProject
  afterEach(() => app.remove())
  const tsTarget = (migrations: unknown) => migrationsTarget(dataSourceWith(migrations), {}, app.dir, app.file('src/database/core.datasource.ts'))

  // Twenty's core DataSource loads dist/src/database/typeorm/core/migrations/**/*{.ts,.js}, which its build
  // compiles from src/database/typeorm/core/migrations: the refusal named "e.g. src/migrations".
  it('names that folder for autogen.migrationsDir: the same path under the rootDir (the tsconfig\'s folder by default)', () => {
    app = tempProject({ 'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist" } }', 'src/database/migrations/common/1700000000000-Init.ts': '' })
    expect(tsTarget(['dist/src/database/migrations/**/*{.ts,.js}']).refusal)
      .toMatch(/which is build output: set autogen\.migrationsDir to the source folder \(src\/database\/migrations\), which your build compiles there$/)
    app.write('tsconfig.json', '{ "compilerOptions": { "outDir": "./dist", "rootDir": "./src" } }')
    expect(tsTarget(['dist/database/migrations/*{.ts,.js}']).refusal).toMatch(/to the source folder \(src\/database\/migrations\),/)
  })

  it('keeps the example where no folder matches', () => {
    app = tempProject({ 'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist" } }' })
    expect(tsTarget(['dist/src/database/migrations/*{.ts,.js}']).refusal).toMatch(/to the source folder \(e\.g\. src\/migrations\),/)
  })
})

describe('autogen.migrationsDir, the source of a DataSource loading build output', () => {
  let app: TempProject
  afterEach(() => app.remove())

  // Twenty keeps its migrations in subfolders (common/, billing/) of src/database/typeorm/core/migrations and
  // loads dist/src/database/typeorm/core/migrations/**: with migrationsDir set to the source folder, its
  // subfolders were taken for no part of the migrations (autogen.sum and check saw the top folder alone).
  it('takes the subfolders in where a glob loads the compiled subfolders', () => {
    app = tempProject({ 'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist" } }', 'src/migrations/common/1700000000000-Init.ts': '' })
    const subfolders = (migrations: unknown) => loadsMigrationsFromSubfolders(dataSourceWith(migrations), app.file('src/migrations'), app.dir)
    expect(subfolders(['dist/src/migrations/**/*{.ts,.js}'])).toBe(true)
    expect(subfolders(['dist/src/migrations/*{.ts,.js}'])).toBe(false)
    expect(subfolders(['dist/other/**/*.js'])).toBe(false)
    app.write('tsconfig.json', '{ "compilerOptions": { "outDir": "./dist", "rootDir": "./src" } }')
    expect(subfolders(['dist/migrations/**/*.js'])).toBe(true)
  })
})
