import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const fuzzCli = join(__dirname, 'fuzz-cli.js')

describe('npm run fuzz', () => {
  it('refuses a dialect it has no round trip for, naming the ones it has, before running a case', () => {
    for (const [args, env] of [[['--dialect', 'mysql'], {}], [[], { FUZZ_DIALECTS: 'sqlite,mysql' }]] as const) {
      const run = spawnSync(process.execPath, [fuzzCli, '--cases', '1', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' })
      expect(run.status).toBe(2)
      expect(run.stderr).toBe('fuzz: --dialect mysql is none of sqlite, postgres and mariadb (MySQL\'s cases run on MariaDB: --dialect mariadb)\n')
      expect(run.stdout).toBe('')
    }
  })

  it('names the TypeORM the round trips ran on: the project\'s own, or an older one with --typeorm, and refuses one it does not have', () => {
    const own = spawnSync(process.execPath, [fuzzCli, '--cases', '1', '--seed', '7', '--dialect', 'sqlite'], { encoding: 'utf8' })
    expect(own.stdout).toMatch(/^sqlite: 1 cases, 0 failures \(seed 7, \d+ s, TypeORM 1\.\d+\.\d+\)\n$/)
    expect(own.status).toBe(0)
    const older = spawnSync(process.execPath, [fuzzCli, '--cases', '2', '--seed', '7', '--dialect', 'sqlite', '--typeorm', '0.3'], { encoding: 'utf8' })
    expect(older.stdout).toMatch(/^sqlite: 2 cases, 0 failures \(seed 7, \d+ s, TypeORM 0\.3\.\d+\)\n$/)
    expect(older.status).toBe(0)
    const unknown = spawnSync(process.execPath, [fuzzCli, '--cases', '1', '--typeorm', '0.2'], { encoding: 'utf8' })
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toBe('fuzz: --typeorm 0.2 is neither 0.3 nor 1.0 (the devDependencies typeorm-0.3 and typeorm-1.0; without it, typeorm)\n')
  })
})
