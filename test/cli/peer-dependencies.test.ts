import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
  ['1.0.0', true], ['1.1.0', true], ['1.1.1', true], ['1.1.4', true], ['1.2.0', true], ['1.10.0', true], ['1.1.1-beta.1', true],
  ['0.3.0', true], ['0.3.12', true], ['0.3.31', true],
  ['0.4.0', false], ['0.2.45', false], ['2.0.0', false], ['x', false],
])('TypeORM %s is supported: %s', (version, supported) => {
  expect(isSupported(version)).toBe(supported)
})

// npm refuses to install the tool (ERESOLVE) beside a TypeORM whose optional peer range for a driver shares no
// version with the tool's, even where the project has no such driver: Jellyseerr's TypeORM 0.3.11 (better-sqlite3
// ^7.1.2 || ^8.0.0) against the tool's ^12.11.1, and its pg 8.11.0 against ^8.23.1. Each TypeORM the tool
// supports must find a common version (all the ranges are carets: they share one where they share a major).
const typeormDriverPeers: ReadonlyArray<readonly [string, Readonly<Record<string, string>>]> = [
  ['0.3.0', { 'better-sqlite3': '^7.1.2', mysql2: '^2.2.5', pg: '^8.5.1' }],
  ['0.3.11', { 'better-sqlite3': '^7.1.2 || ^8.0.0', mysql2: '^2.2.5', pg: '^8.5.1' }],
  ['0.3.20', { 'better-sqlite3': '^7.1.2 || ^8.0.0 || ^9.0.0', mysql2: '^2.2.5 || ^3.0.1', pg: '^8.5.1' }],
  ['0.3 installed here', peerDependenciesOf('typeorm-0.3')],
  ['1.0.0 installed here', peerDependenciesOf('typeorm-1.0')],
  ['1.x installed here', peerDependenciesOf('typeorm')],
  // better-sqlite3 13 needs Node 22: admitted as TypeORM 1.1.4 admits it, so that npm installs the tool beside it.
  ['1.1.4', { 'better-sqlite3': '^12.0.0 || ^13.0.0', mysql2: '^3.15.3', pg: '^8.5.1' }],
]
const toolPeers = peerDependenciesOf('..')

it.each(typeormDriverPeers)('shares a version of each driver with the peer ranges of TypeORM %s', (_version, peers) => {
  for (const driver of ['better-sqlite3', 'mysql2', 'pg']) {
    const common = caretMajors(toolPeers[driver]!).filter((major) => caretMajors(peers[driver]!).includes(major))
    expect({ driver, common: common.length > 0 }).toEqual({ driver, common: true })
  }
})

it.each([['better-sqlite3', '8.7.0'], ['pg', '8.11.0'], ['mysql2', '2.3.3']])('admits %s %s, which the tool ran with on TypeORM 0.3', (driver, version) => {
  expect(admits(driver, version)).toBe(true)
})

// A project on better-sqlite3 13 (Node 22), which TypeORM 1.1.4 admits, could not install the tool (ERESOLVE). The tool
// is not run with 13 here: it needs Node 22, and this machine has Node 20.
it('admits better-sqlite3 13.0.0, which TypeORM 1.1.4 admits', () => {
  expect(admits('better-sqlite3', '13.0.0')).toBe(true)
})

/** admits says whether the tool's peer range of `driver` takes `version`. */
function admits(driver: string, version: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number)
  return toolPeers[driver]!.split('||').some((alternative) => {
    const [lowMajor, lowMinor, lowPatch] = alternative.trim().slice(1).split('.').map(Number)
    return major === lowMajor && (minor! > lowMinor! || (minor === lowMinor && patch! >= lowPatch!))
  })
}

function peerDependenciesOf(folder: string): Record<string, string> {
  const file = folder === '..' ? resolve(__dirname, '../../package.json') : resolve(__dirname, '../../node_modules', folder, 'package.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { peerDependencies: Record<string, string> }).peerDependencies
}

/** caretMajors are the majors of a range of caret alternatives (`^7.1.2 || ^8.0.0`: 7 and 8); anything else fails. */
function caretMajors(range: string): number[] {
  return range.split('||').map((alternative) => {
    const caret = /^\^(\d+)\.\d+\.\d+$/.exec(alternative.trim())
    if (caret === null) throw new Error(`not a caret range: ${alternative}`)
    return Number(caret[1])
  })
}

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

// TypeORM can connect through another MySQL client than the tool's mysql2: TypeORM 0.3 loads the `mysql` package
// first (HedgeDoc 2's backend has only that one), and any TypeORM takes one given as the DataSource's `driver`.
// There TypeORM is content and only the tool's own connection lacks mysql2: that was reported as a failed
// connection ("cannot connect to ...: the MySQL/MariaDB driver mysql2 is not installed ...; check the
// DataSource's url or host, port, database and credentials"), blaming the config.
it.each(['check', 'upgrade'])('%s names mysql2 alone where TypeORM has a MySQL driver of its own but the tool lacks mysql2 (exit 2)', (command) => {
  const project = tempProject({
    'driver-hook.js': driverHook,
    'ormconfig.js': `const { DataSource } = require('typeorm')
const ownDriver = { createPool() { throw new Error('TypeORM connected through its own driver') } }
module.exports = new DataSource({ type: 'mariadb', url: 'mysql://root@127.0.0.1:3306/mysql', driver: ownDriver, entities: [], migrations: ['migrations/*.js'] })
`,
  })
  try {
    const run = runBuiltCli(project.dir, [command, '-c', 'ormconfig.js'], { DRIVER_HOOK: 'mysql2:missing' }, ['--require', project.file('driver-hook.js')])
    expect(run.stderr).toBe('typeorm-autogen: the MySQL/MariaDB driver mysql2 is not installed: install it in the project (npm install mysql2)\n')
    expect(run.code).toBe(2)
  } finally {
    project.remove()
  }
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
