import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import { tempProjectsRemovedAfterEach } from './helpers/temp-projects'

// A namespace import of a CommonJS module is the module itself where `tsc` writes no interop helper (a tsconfig
// with "module": "commonjs" and no esModuleInterop, as NestJS projects have): a function stays callable, and a
// getter of its prototype (chalk 4's `chalk.yellow`) stays readable. The entity reads both as it loads.

const project = tempProjectsRemovedAfterEach()

const config = `import { DataSource } from 'typeorm'
import { Thing } from './thing'
export default new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Thing] })
`
const thing = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import * as nameLength from './vendor/name-length'
import * as styles from './vendor/styles'
@Entity() export class Thing {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: nameLength() }) name: string
  @Column({ type: styles.bodyType }) body: string
}
`
const vendor = {
  'vendor/name-length.js': 'module.exports = function nameLength() { return 42 }\n',
  'vendor/styles.js': "function Styles() {}\nObject.defineProperty(Styles.prototype, 'bodyType', { get: () => 'text' })\nmodule.exports = new Styles()\n",
}

describe.each([['SWC', {}], ['the TypeScript compiler', { TYPEORM_AUTOGEN_TRANSPILER: 'typescript' }]])('namespace imports of CommonJS modules, transpiled by %s', (_, env) => {
  test.each([
    ['"module": "commonjs" and no esModuleInterop', { module: 'commonjs' }],
    ['"module": "CommonJS", esModuleInterop false', { module: 'CommonJS', esModuleInterop: false }],
  ])('are the module itself under a tsconfig with %s', async (_, compilerOptions) => {
    const p = project({ 'ormconfig.ts': config, 'thing.ts': thing, 'tsconfig.json': JSON.stringify({ compilerOptions }), ...vendor })
    const run = await runCliInProcess(p.dir, ['diff', '--format', 'sql'], env)
    expect(run.stderr).not.toMatch(/typeorm-autogen:/)
    expect(afterDatabaseLine(run.stdout)).toContain('"name" varchar(42) NOT NULL, "body" text NOT NULL')
  })

  test('get interop helpers where the tsconfig says esModuleInterop, as tsc writes them', async () => {
    const defaultImport = thing.replace("import * as nameLength from './vendor/name-length'", "import nameLength from './vendor/name-length'").replace("import * as styles from './vendor/styles'", "const styles = { bodyType: 'text' }")
    const p = project({ 'ormconfig.ts': config, 'thing.ts': defaultImport, 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', esModuleInterop: true } }), ...vendor })
    const run = await runCliInProcess(p.dir, ['diff', '--format', 'sql'], env)
    expect(run.stderr).not.toMatch(/typeorm-autogen:/)
    expect(afterDatabaseLine(run.stdout)).toContain('"name" varchar(42) NOT NULL')
  })
})
