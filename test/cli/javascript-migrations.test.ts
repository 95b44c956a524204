import { readFileSync, readdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import { type CliRun, runBuiltCli, runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'

// A plain JavaScript project (a JavaScript config, EntitySchema entities, `migrations: ['migrations/*.js']`)
// gets JavaScript migrations, in the module format Node loads the file as, and every command runs them:
// generate, upgrade, check, the folder's autogen.sum, downgrade. The files' text is snapshotted as generate
// writes it for a real SQLite database: a table, then an edit with hazards and guards.

const users = (columns: string) => `new EntitySchema({ name: 'User', tableName: 'users', columns: { id: { type: Number, primary: true, generated: true }, ${columns} } })`
const firstColumns = 'name: { type: String }'
const editedColumns = 'name: { type: String, unique: true }, email: { type: String, nullable: true }'

interface JavaScriptProject {
  readonly packageType: string
  readonly config: (entity: string) => string
  readonly exported: RegExp
  /** Node keeps an ES module config it imported for the life of the process, so an edit needs a new process. */
  readonly newProcess: boolean
}

const projects: [string, JavaScriptProject][] = [
  ['CommonJS (package.json without "type")', {
    packageType: '',
    config: (entity) => [
      "const { DataSource, EntitySchema } = require('typeorm')",
      `module.exports = new DataSource({ type: 'better-sqlite3', database: 'app.sqlite', entities: [${entity}], migrations: ['migrations/*.js'] })`,
    ].join('\n'),
    exported: /^module\.exports = class Init1700000000000 \{$/m,
    newProcess: false,
  }],
  ['an ES module ("type": "module")', {
    packageType: ', "type": "module"',
    config: (entity) => [
      "import { DataSource, EntitySchema } from 'typeorm'",
      `export default new DataSource({ type: 'better-sqlite3', database: 'app.sqlite', entities: [${entity}], migrations: ['migrations/*.js'] })`,
    ].join('\n'),
    exported: /^export class Init1700000000000 \{$/m,
    newProcess: true,
  }],
]

describe.each(projects)('a JavaScript project, %s', (_kind, shape) => {
  let project: TempProject
  beforeAll(() => {
    project = tempProject({
      'package.json': `{ "name": "js-app", "private": true${shape.packageType} }`,
      'ormconfig.js': shape.config(users(firstColumns)),
    })
  })
  afterAll(() => project.remove())

  const cli = async (...args: string[]): Promise<CliRun> =>
    shape.newProcess ? runBuiltCli(project.dir, [...args, '-c', 'ormconfig.js']) : runCliInProcess(project.dir, [...args, '-c', 'ormconfig.js'])
  const written = (fileName: string) => readFileSync(project.file(`migrations/${fileName}`), 'utf8')
  const rows = () => {
    const db = new Database(project.file('app.sqlite'), { readonly: true })
    try {
      return db.prepare('SELECT * FROM users ORDER BY id').all() as Record<string, unknown>[]
    } finally {
      db.close()
    }
  }

  it('generates .js migrations that upgrade, check and downgrade run, with the rows back', async () => {
    expect(await cli('generate', 'Init', '--timestamp', '1700000000000')).toMatchObject({ code: 0, stderr: '' })
    const init = written('1700000000000-Init.js')
    expect(init).toMatch(shape.exported)
    expect(init).not.toMatch(/QueryRunner|implements|: Promise/)
    expect(init).toMatchSnapshot()
    expect(await cli('upgrade')).toMatchObject({ code: 0, stderr: '' })
    const db = new Database(project.file('app.sqlite'))
    db.exec("INSERT INTO users (name) VALUES ('ann'), ('bob')")
    db.close()
    const before = rows()

    project.write('ormconfig.js', shape.config(users(editedColumns)))
    expect(await cli('generate', 'Edit', '--timestamp', '1700000001000')).toMatchObject({ code: 0 })
    expect(written('1700000001000-Edit.js')).toMatchSnapshot()
    expect(readdirSync(project.file('migrations')).sort()).toEqual(['1700000000000-Init.js', '1700000001000-Edit.js', 'autogen.sum', 'entities.snapshot.json'])
    expect(await cli('upgrade')).toMatchObject({ code: 0 })
    expect(rows()).toEqual(before.map((row) => ({ ...row, email: null })))
    const check = await cli('check')
    expect(check).toMatchObject({ code: 0, stderr: '' })
    expect(check.stdout).toContain('OK: the database matches the entities.')
    expect(await cli('check', '--from-migrations')).toMatchObject({ code: 0, stderr: '' })

    expect(await cli('downgrade')).toMatchObject({ code: 0, stderr: '' })
    expect(rows()).toEqual(before)
  })
})

describe('a .cjs migrations glob in a "type": "module" package', () => {
  let project: TempProject
  beforeAll(() => {
    project = tempProject({
      'package.json': '{ "name": "js-app", "private": true, "type": "module" }',
      'ormconfig.cjs': [
        "const { DataSource, EntitySchema } = require('typeorm')",
        `module.exports = new DataSource({ type: 'better-sqlite3', database: 'app.sqlite', entities: [${users(firstColumns)}], migrations: ['db/*.cjs'] })`,
      ].join('\n'),
    })
  })
  afterAll(() => project.remove())
  const cli = (...args: string[]) => runCliInProcess(project.dir, [...args, '-c', 'ormconfig.cjs'])
  const files = () => readdirSync(project.file('db')).sort()

  it('gets CommonJS files from create, which hash, check, rebase, show, --sql and the runner take', async () => {
    expect(await cli('generate', 'Init', '--timestamp', '1700000000000')).toMatchObject({ code: 0, stderr: '' })
    expect(await cli('create', 'Seed', '--timestamp', '1700000001000')).toMatchObject({ code: 0, stderr: '' })
    const created = readFileSync(project.file('db/1700000001000-Seed.cjs'), 'utf8')
    expect(created).toMatch(/^module\.exports = class Seed1700000001000 \{$/m)
    project.write('db/1700000001000-Seed.cjs', created.replace(/\/\/ Write the change here.*/, "await queryRunner.query(`INSERT INTO users (name) VALUES ('seed')`);"))
    expect((await cli('check')).stderr).toContain('db/1700000001000-Seed.cjs: MIGRATION_CHANGED: filled in since `typeorm-autogen create` wrote it')
    expect(await cli('hash')).toMatchObject({ code: 0, stdout: 'Wrote db/autogen.sum (2 migrations)\n' })
    expect(await cli('rebase', 'Seed', '--timestamp', '1700000002000')).toMatchObject({ code: 0, stderr: '' })
    expect(files()).toEqual(['1700000000000-Init.cjs', '1700000002000-Seed.cjs', 'autogen.sum', 'entities.snapshot.json'])
    expect(readFileSync(project.file('db/1700000002000-Seed.cjs'), 'utf8')).toMatch(/^module\.exports = class Seed1700000002000 \{\n {4}name = 'Seed1700000002000';$/m)
    expect((await cli('show', 'Seed')).stdout).toContain('File: db/1700000002000-Seed.cjs')
    expect((await cli('upgrade', '--sql')).stdout).toContain("INSERT INTO users (name) VALUES ('seed');")
    expect(await cli('upgrade')).toMatchObject({ code: 0, stderr: '' })
    const status = await cli('status')
    expect(status.stdout).toContain('[applied] Init1700000000000\n[applied] Seed1700000002000\n')
    const check = await cli('check')
    expect(check).toMatchObject({ code: 0, stderr: '' })
  })
})

describe('an EntitySchema exported twice, by its file and by an index.js the entities glob also loads', () => {
  let project: TempProject
  beforeAll(() => {
    project = tempProject({
      'package.json': '{ "name": "js-app", "private": true }',
      'ormconfig.js': [
        "const { DataSource } = require('typeorm')",
        "module.exports = new DataSource({ type: 'better-sqlite3', database: 'app.sqlite', entities: ['entity/*.js'], migrations: ['migrations/*.js'] })",
      ].join('\n'),
      'entity/user.js': [
        "const { EntitySchema } = require('typeorm')",
        `const User = ${users(firstColumns)}`,
        'module.exports = { User, default: User }',
      ].join('\n'),
      'entity/index.js': "module.exports = { ...require('./user'), Account: require('./user').User }",
    })
  })
  afterAll(() => project.remove())
  const cli = (...args: string[]) => runCliInProcess(project.dir, [...args, '-c', 'ormconfig.js'])

  it('is one entity, as TypeORM runs it: one table generated, upgraded and checked, also on a scratch database', async () => {
    const generated = await cli('generate', 'Init', '--timestamp', '1700000000000')
    expect(generated).toMatchObject({ code: 0, stderr: '' })
    expect(generated.stdout).toContain('+ table "users" (2 columns)')
    expect(await cli('upgrade')).toMatchObject({ code: 0, stderr: '' })
    expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })
    expect(await cli('check', '--from-migrations')).toMatchObject({ code: 0, stderr: '' })
    expect(await cli('check', '--drift')).toMatchObject({ code: 0, stderr: '' })
  })
})

describe('a syntax error in a file an ES module config imports', () => {
  let project: TempProject
  beforeAll(() => {
    project = tempProject({
      'package.json': '{ "name": "js-app", "private": true, "type": "module" }',
      'data-source.js': [
        "import { DataSource } from 'typeorm'",
        "import { User } from './entity/index.js'",
        "export default new DataSource({ type: 'better-sqlite3', database: 'app.sqlite', entities: [User], migrations: ['migrations/*.js'] })",
      ].join('\n'),
      'entity/index.js': "export * from './user.js'",
      'entity/user.js': "import { EntitySchema } from 'typeorm'\nexport const User = new EntitySchema({ name: 'User', columns: {\n",
    })
  })
  afterAll(() => project.remove())

  it('is named by its file, which Node leaves out of the error of an ES module', () => {
    const run = runBuiltCli(project.dir, ['generate', 'Init', '-c', 'data-source.js'])
    expect(run).toMatchObject({ code: 2, stderr: 'typeorm-autogen: entity/user.js: Unexpected end of input (imported by config file data-source.js): fix it, then run again\n' })
    expect(readdirSync(project.dir).sort()).toEqual(['data-source.js', 'entity', 'node_modules', 'package.json'])
  })

  it('is named by its file where an entity file of the glob imports it', () => {
    project.write('data-source.js', [
      "import { DataSource } from 'typeorm'",
      "export default new DataSource({ type: 'better-sqlite3', database: 'app.sqlite', entities: ['entity/index.js'], migrations: ['migrations/*.js'] })",
    ].join('\n'))
    const run = runBuiltCli(project.dir, ['generate', 'Init', '-c', 'data-source.js'])
    expect(run).toMatchObject({
      code: 2,
      stderr: "typeorm-autogen: entity/user.js: Unexpected end of input (imported by entity/index.js, which the DataSource's entities load): fix it, then run again\n",
    })
  })
})

describe('two EntitySchemas of one table', () => {
  let project: TempProject
  beforeAll(() => {
    project = tempProject({
      'package.json': '{ "name": "js-app", "private": true }',
      'ormconfig.js': [
        "const { DataSource, EntitySchema } = require('typeorm')",
        `const Legacy = new EntitySchema({ name: 'Legacy', tableName: 'users', columns: { id: { type: Number, primary: true } } })`,
        `module.exports = new DataSource({ type: 'better-sqlite3', database: 'app.sqlite', entities: [${users(firstColumns)}, Legacy] })`,
      ].join('\n'),
    })
  })
  afterAll(() => project.remove())

  it('are told to differ by the tableName of their EntitySchema, which has no @Entity()', async () => {
    expect(await runCliInProcess(project.dir, ['diff', '-c', 'ormconfig.js'])).toMatchObject({
      code: 2,
      stderr: 'typeorm-autogen: entities Legacy and User both map to table "users": give one of them another table name (tableName in its EntitySchema), declare the one kept only to be read (as by a data migration) synchronize: false in its EntitySchema, which leaves the table to the other, or remove it from the entities\n',
    })
  })
})
