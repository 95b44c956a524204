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
})
