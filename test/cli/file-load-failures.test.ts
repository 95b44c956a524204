import { existsSync } from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// A file of the DataSource's globs that fails to load is named on the one line, with the option that loads
// it; a syntax error in a `.js` file with its line and column, as in a `.ts` file. TypeORM's own error names
// no file. Errors of the metadata itself keep TypeORM's message.

const note = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
}
`

const migration = `
import type { MigrationInterface, QueryRunner } from 'typeorm'
export class Init1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "text" varchar NOT NULL)')
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "note"')
  }
}
`

let project: TempProject
beforeEach(() => {
  project = tempProject({
    'entities/note.ts': note,
    'migrations/1700000000000-Init.ts': migration,
    'ormconfig.ts': sqliteConfig({ entities: "['entities/*.{ts,js}']", options: "migrations: ['migrations/*.ts']," }),
  })
})
afterEach(() => project.remove())

async function refusal(args: string[]): Promise<string> {
  const run = await runCliInProcess(project.dir, args)
  expect(run.code).toBe(2)
  expect(run.stdout).not.toContain('\n    at ')
  const lines = run.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  return lines[0]!
}

it('names an entity file that throws as it loads', async () => {
  project.write('entities/broken.ts', "throw new Error('boom')\nexport {}\n")
  for (const command of [['diff'], ['check']]) {
    expect(await refusal(command)).toBe(
      "typeorm-autogen: entities/broken.ts: boom (while loading it for the DataSource's entities): fix it, then run again",
    )
  }
  expect(existsSync(project.file('data/app.sqlite'))).toBe(false)
})

// The file that fails, not the entity file that imports it (found by a workflow test).
it('names the file an entity file imports where that one throws, or imports what is not installed', async () => {
  project.write('entities/account.ts', "import { Note } from './note'\nimport { helper } from '../lib/helper'\nexport const linked = [Note, helper]\n")
  project.write('lib/helper.ts', "throw new Error('boom in the helper')\nexport const helper = 1\n")
  expect(await refusal(['diff'])).toBe(
    "typeorm-autogen: lib/helper.ts: boom in the helper (imported by entities/account.ts, which the DataSource's entities load): fix it, then run again",
  )
  project.write('lib/helper.ts', "import 'no-such-package-at-all'\nexport const helper = 1\n")
  expect(await refusal(['diff'])).toBe(
    "typeorm-autogen: lib/helper.ts: Cannot find module 'no-such-package-at-all' (imported by entities/account.ts, which the DataSource's entities load): fix it, then run again",
  )
})

// Zeppelin's migrations import its Redis client, which connects with a top-level await; its environment check
// throws a ZodError, whose message is a JSON array over many lines.
it('says what a top-level await in a TypeScript file the migrations import is, and what to do', async () => {
  project.write('migrations/1700000000001-Encrypt.ts', "import { key } from '../lib/redis'\nexport class Encrypt1700000000001 { async up() { return key } async down() {} }\n")
  project.write('lib/redis.ts', 'const client = { connect: async () => 1 }\nexport const key = await client.connect()\n')
  const advice = 'a top-level await, which this tool cannot run: it loads TypeScript as CommonJS, as ts-node does, where await runs only inside an async function'
  const todo = 'move the await into an async function, or keep that file out of what the entities, migrations and subscribers import, then run again'
  // Node takes the file for an ES module and refuses to require it, without naming it.
  const expected = `typeorm-autogen: migrations/1700000000001-Encrypt.ts: it or a file it imports uses ${advice} (while loading it for the DataSource's migrations): ${todo}\n`
  for (const env of [{}, { TYPEORM_AUTOGEN_TRANSPILER: 'typescript' }]) {
    const run = await runCliInProcess(project.dir, ['status'], env)
    expect(run.stderr).toBe(expected)
    expect(run.code).toBe(2)
  }
})

it('shows an error whose first line says nothing (a JSON array) on one line', async () => {
  project.write('entities/account.ts', "import { Note } from './note'\nimport { env } from '../lib/env'\nexport const linked = [Note, env]\n")
  project.write('lib/env.ts', 'throw new Error(JSON.stringify([{ code: "invalid_type", path: ["KEY"], message: "Required" }], null, 2))\nexport const env = 1\n')
  expect(await refusal(['diff'])).toBe(
    'typeorm-autogen: lib/env.ts: [ { "code": "invalid_type", "path": [ "KEY" ], "message": "Required" } ] ' +
    "(imported by entities/account.ts, which the DataSource's entities load): fix it, then run again",
  )
})

it('names an entity file that uses a decorator TypeORM 1 no longer has', async () => {
  project.write('entities/counted.ts', `
import { Entity, PrimaryGeneratedColumn, RelationCount } from 'typeorm'
@Entity('counted')
export class Counted {
  @PrimaryGeneratedColumn() id: number
  @RelationCount('notes') noteCount: number
}
`)
  expect(await refusal(['diff'])).toMatch(
    /^typeorm-autogen: entities\/counted\.ts: \(0 , \S+\.RelationCount\) is not a function \(while loading it for the DataSource's entities\): fix it, then run again$/,
  )
})

it('names a migration file that throws as it loads, for every command that loads it', async () => {
  project.write('migrations/1700000000001-Broken.ts', "throw new Error('migration import boom')\nexport {}\n")
  const expected = "typeorm-autogen: migrations/1700000000001-Broken.ts: migration import boom (while loading it for the DataSource's migrations): fix it, then run again"
  for (const command of [['status'], ['upgrade'], ['downgrade'], ['check', '--from-migrations']]) {
    expect(await refusal(command)).toBe(expected)
  }
})

it('gives the line and column of a syntax error in a .js entity file', async () => {
  project.write('entities/broken.js', "'use strict'\nmodule.exports = { x: foo bar }\n")
  expect(await refusal(['diff'])).toBe(
    'typeorm-autogen: entities/broken.js(2,27): error: Unexpected identifier \'bar\'. Fix the syntax error, then run again.',
  )
})

it('gives the line and column of a syntax error in a .js entity file that ends too soon', async () => {
  project.write('entities/broken.js', 'module.exports = { x:\n')
  expect(await refusal(['diff'])).toBe('typeorm-autogen: entities/broken.js(2,1): error: Unexpected end of input. Fix the syntax error, then run again.')
})

it('gives the line and column of a syntax error in a .js config', async () => {
  project.write('bad.js', "const { DataSource } = require('typeorm')\nmodule.exports = new DataSource({ type: 'better-sqlite3' database: ':memory:' })\n")
  expect(await refusal(['diff', '-c', 'bad.js'])).toBe(
    "typeorm-autogen: bad.js(2,58): error: Unexpected identifier 'database'. Fix the syntax error, then run again.",
  )
})

it('keeps TypeORM\'s message for an error of the metadata, which no file loading raises', async () => {
  project.write('entities/owned.ts', `
import { Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
@Entity('owned')
export class Owned {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne('Nobody') owner: unknown
}
`)
  expect(await refusal(['diff'])).toBe(
    "typeorm-autogen: TypeORM cannot build the entity metadata: Entity metadata for Owned#owner was not found. Check if you specified a correct entity object and if it's connected in the connection options; fix the entity or file it names",
  )
})

// A migrations glob takes every function its files export for a migration and constructs it: a helper exported
// beside the class throws there, outside any file loading (OneUptime's getClearQuery(reference)).
it('names the file of a function that throws as TypeORM constructs it', async () => {
  project.write('migrations/1700000000000-Init.ts', `${migration}
export function tableOf(reference: { table: string }): string {
  return reference.table
}
`)
  expect(await refusal(['diff'])).toBe(
    "typeorm-autogen: TypeORM cannot build the entity metadata: Cannot read properties of undefined (reading 'table') (in migrations/1700000000000-Init.ts); fix the entity or file it names",
  )
})
