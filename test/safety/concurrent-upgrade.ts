import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import * as path from 'node:path'
import { recordedMigrations } from '../support/database-state'
import { type TempProject, handMigrationsConfig, tempProject } from '../support/temp-project'
import { type TestDatabase } from '../support/test-database'

const bin = path.resolve(__dirname, '../../bin/typeorm-autogen.js')

/** The migrations of a LockProject, in order: Slow holds its run open until the test releases it, Quick does not wait. */
export const slow = 'Slow1700000000000'
export const quick = 'Quick1700000001000'

/** LockProject is a project whose migrations count their runs in table run_log, the first one held open by the test. */
export interface LockProject {
  readonly project: TempProject
  /** Resolves once Slow's `up` has run its insert and waits for `release`. */
  slowStarted(): Promise<void>
  /** Lets Slow's `up` finish. */
  release(): void
  /** Makes Slow's next `up` wait for `release` again. */
  hold(): void
  /** The names each run of a migration wrote into run_log, in order. */
  runs(): Promise<string[]>
  /** The names recorded in the migrations table (none when it does not exist). */
  recorded(): Promise<string[]>
}

const migration = (name: string, wait: string) => `
import type { MigrationInterface, QueryRunner } from 'typeorm'
import { existsSync, writeFileSync } from 'node:fs'
export class ${name} implements MigrationInterface {
  name = '${name}'
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("INSERT INTO run_log (migration) VALUES ('${name}')")
    ${wait}
  }
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM run_log WHERE migration = '${name}'")
  }
}
`

/** lockProject makes a LockProject on `db`, with table run_log made beforehand (no migration makes it). */
export async function lockProject(db: TestDatabase): Promise<LockProject> {
  const project = tempProject()
  const started = project.file('slow-started')
  const released = project.file('slow-released')
  project.write('ormconfig.ts', handMigrationsConfig(db.options, ['run_log']))
  project.write(`migrations/1700000000000-Slow.ts`, migration(slow, `writeFileSync(${JSON.stringify(started)}, '')
    while (!existsSync(${JSON.stringify(released)})) await new Promise((resolve) => setTimeout(resolve, 20))`))
  project.write(`migrations/1700000001000-Quick.ts`, migration(quick, ''))
  await db.query(db.label === 'sqlite'
    ? 'CREATE TABLE run_log (id INTEGER PRIMARY KEY AUTOINCREMENT, migration TEXT NOT NULL)'
    : 'CREATE TABLE run_log (id serial PRIMARY KEY, migration text NOT NULL)')
  return {
    project,
    slowStarted: () => until(() => existsSync(started)),
    release: () => void project.write('slow-released', ''),
    hold: () => {
      for (const file of [started, released]) rmSync(file, { force: true })
    },
    async runs() {
      return (await db.query<{ migration: string }>('SELECT migration FROM run_log ORDER BY id')).map((r) => r.migration)
    },
    async recorded() {
      return (await recordedMigrations(db)).map((r) => r.name)
    },
  }
}

/** CliProcess is the built CLI running in a process of its own, with what it printed so far. */
export interface CliProcess {
  readonly stdout: () => string
  /** Resolves when what it printed on stdout matches `pattern`. */
  printed(pattern: RegExp): Promise<void>
  exited(): Promise<{ code: number; stdout: string; stderr: string }>
}

/** startCli starts `bin/typeorm-autogen.js` in `cwd` without waiting for it (runBuiltCli waits). */
export function startCli(cwd: string, args: readonly string[]): CliProcess {
  const { FORCE_COLOR: _forced, ...env } = process.env
  const child: ChildProcess = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => void (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()))
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)))
  return {
    stdout: () => stdout,
    printed: (pattern) => until(() => pattern.test(stdout)),
    exited: async () => ({ code: await exit, stdout, stderr }),
  }
}

/** until resolves once `condition` holds, asking again every few milliseconds (the test's timeout bounds it). */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20))
}
