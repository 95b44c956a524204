import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { requireDriver } from '../../src/dialect/require-driver'
import { isSupported } from '../../src/source/typeorm-copy'
import { UserError } from '../../src/source/user-error'
import { runCliInProcess } from '../support/run-cli'

// TypeORM and the database drivers are the project's own (peer dependencies): a missing driver is named, a
// second copy of TypeORM is refused, and so is a TypeORM outside the supported range.

it.each([
  ['1.1.1', true], ['1.1.2', true], ['1.2.0', true], ['1.10.0', true], ['1.1.1-beta.1', true],
  ['1.1.0', false], ['1.0.9', false], ['0.3.28', false], ['2.0.0', false], ['x', false],
])('TypeORM %s is supported: %s', (version, supported) => {
  expect(isSupported(version)).toBe(supported)
})

it('names the driver package to install when it is missing', () => {
  expect(() => requireDriver('no-such-database-driver', 'Imaginary')).toThrow(new UserError('the Imaginary driver no-such-database-driver is not installed: install it in the project (npm install no-such-database-driver)'))
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
