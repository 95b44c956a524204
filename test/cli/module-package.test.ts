import { runBuiltCli, withoutRunTimes } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'

// A project whose package.json says "type": "module", with TypeScript entities and migrations named by globs.
// TypeORM import()s such files, which Node cannot do for .ts; they load through the tool's TypeScript loader,
// as the config does, in every command: those that build the metadata and those that run migrations.

let project: TempProject
beforeAll(() => {
  project = tempProject({
    'package.json': '{ "name": "esm-app", "private": true, "type": "module" }',
    'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', experimentalDecorators: true, emitDecoratorMetadata: true } }),
    'ormconfig.ts': [
      "import { DataSource } from 'typeorm'",
      "export default new DataSource({ type: 'better-sqlite3', database: 'app.sqlite', entities: ['entities/*.ts'], migrations: ['migrations/*.ts'] })",
    ].join('\n'),
    'entities/note.ts': [
      "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'",
      "@Entity('note')",
      'export class Note {',
      '  @PrimaryGeneratedColumn() id: number',
      '  @Column() text: string',
      '}',
    ].join('\n'),
  })
})
afterAll(() => project.remove())

const cli = (...args: string[]) => runBuiltCli(project.dir, [...args, '--quiet'])

it('generates, applies, checks, lists and reverts its migrations', () => {
  expect(cli('generate', 'Init', '--timestamp', '1700000000000')).toMatchObject({ code: 0, stderr: '' })
  const upgrade = cli('upgrade')
  expect({ ...upgrade, stdout: withoutRunTimes(upgrade.stdout) }).toEqual({ code: 0, stdout: 'Applied Init1700000000000\n', stderr: '' })
  expect(cli('check')).toMatchObject({ code: 0, stderr: '' })
  expect(cli('current')).toMatchObject({ code: 0, stdout: 'Init1700000000000\n' })
  expect(cli('check', '--from-migrations')).toMatchObject({ code: 0, stderr: '' })
  const downgrade = cli('downgrade')
  expect({ ...downgrade, stdout: withoutRunTimes(downgrade.stdout) }).toEqual({ code: 0, stdout: 'Reverted Init1700000000000\n', stderr: '' })
})
