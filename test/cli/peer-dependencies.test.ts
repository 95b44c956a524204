import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { requireDriver } from '../../src/dialect/require-driver'
import { isSupported } from '../../src/source/typeorm-copy'
import { UserError } from '../../src/source/user-error'
import { runBuiltCli, runCliInProcess } from '../support/run-cli'
import { tempProject } from '../support/temp-project'

// TypeORM and the database drivers are the project's own (peer dependencies): a missing driver is named, a
// second copy of TypeORM is refused, and so is a TypeORM outside the supported range.

it.each([
  ['1.1.1', true], ['1.1.2', true], ['1.2.0', true], ['1.10.0', true], ['1.1.1-beta.1', true],
  ['0.3.0', true], ['0.3.12', true], ['0.3.31', true],
  ['1.1.0', false], ['1.0.9', false], ['0.4.0', false], ['0.2.45', false], ['2.0.0', false], ['x', false],
])('TypeORM %s is supported: %s', (version, supported) => {
  expect(isSupported(version)).toBe(supported)
})

it('names the driver package to install when it is missing', () => {
  expect(() => requireDriver('no-such-database-driver/promise')).toThrow(new UserError('the database driver no-such-database-driver is not installed: install it in the project (npm install no-such-database-driver)'))
})

// A preload that makes one package unresolvable (as where it is not installed) or makes it throw as it loads (a
// native module built for another Node version), as TypeORM and the tool require it: by name, and from the
// current folder's node_modules.
const driverHook = `
const Module = require('node:module')
const resolve = Module._resolveFilename
const [driver, how] = process.env.DRIVER_HOOK.split(':')
Module._resolveFilename = function (request, ...rest) {
  if (request === driver || request.startsWith(driver + '/') || request.endsWith('/node_modules/' + driver)) {
    if (how === 'broken') throw new Error("The module '" + driver + ".node' was compiled against a different Node.js version")
    const err = new Error("Cannot find module '" + request + "'")
    err.code = 'MODULE_NOT_FOUND'
    throw err
  }
  return resolve.call(this, request, ...rest)
}
`

describe.each([
  ['postgres', "type: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/postgres'", 'pg', 'PostgreSQL'],
  ['mariadb', "type: 'mariadb', url: 'mysql://root@127.0.0.1:3306/mysql'", 'mysql2', 'MySQL/MariaDB'],
  ['better-sqlite3', "type: 'better-sqlite3', database: 'app.sqlite'", 'better-sqlite3', 'SQLite'],
])('a %s project', (_type, options, driver, database) => {
  it.each(['check', 'upgrade'])('%s names the driver to install when it is missing, or that it fails to load (exit 2)', (command) => {
    const project = tempProject({
      'driver-hook.js': driverHook,
      'ormconfig.js': `const { DataSource } = require('typeorm')\nmodule.exports = new DataSource({ ${options}, entities: [], migrations: ['migrations/*.js'] })\n`,
    })
    try {
      const missing = runBuiltCli(project.dir, [command, '-c', 'ormconfig.js'], { DRIVER_HOOK: `${driver}:missing` }, ['--require', project.file('driver-hook.js')])
      expect(missing.stderr).toBe(`typeorm-autogen: the ${database} driver ${driver} is not installed: install it in the project (npm install ${driver})\n`)
      expect(missing.code).toBe(2)
      const broken = runBuiltCli(project.dir, [command, '-c', 'ormconfig.js'], { DRIVER_HOOK: `${driver}:broken` }, ['--require', project.file('driver-hook.js')])
      expect(broken.stderr).toBe(`typeorm-autogen: the ${database} driver ${driver} is installed but fails to load (The module '${driver}.node' was compiled against a different Node.js version): reinstall it in the project (npm rebuild ${driver})\n`)
      expect(broken.code).toBe(2)
      expect(existsSync(project.file('app.sqlite'))).toBe(false)
    } finally {
      project.remove()
    }
  })
})

it('refuses a project that resolves another copy of TypeORM than the tool (exit 2), before loading its config', async () => {
  const project = mkdtempSync(join(tmpdir(), 'autogen-two-typeorms-'))
  try {
    mkdirSync(join(project, 'node_modules'))
    cpSync(resolve(__dirname, '../../node_modules/typeorm'), join(project, 'node_modules/typeorm'), { recursive: true })
    writeFileSync(join(project, 'ormconfig.js'), "throw new Error('the config must not be loaded')\n")
    const run = await runCliInProcess(project, ['check', '-c', 'ormconfig.js'])
    expect(run.stderr).toMatch(/^typeorm-autogen: two copies of TypeORM: the project's at \S+node_modules\/typeorm and typeorm-autogen's at \S+node_modules\/typeorm; install typeorm-autogen into the project \(npm install --save-dev typeorm-autogen\), so that both use the project's TypeORM\n$/)
    expect(run.code).toBe(2)
  } finally {
    rmSync(project, { recursive: true, force: true })
  }
})
