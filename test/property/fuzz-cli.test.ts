import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

// `--dialect mysql` ran every case on the MariaDB server with PostgreSQL's quoting, so 27 of 30 failed for
// nothing; an unknown dialect now stops the run before it starts.
describe('npm run fuzz', () => {
  it('refuses an unknown dialect with one line naming the ones it takes, exit 2', () => {
    const run = spawnSync(process.execPath, [join(__dirname, 'fuzz-cli.js'), '--cases', '1', '--dialect', 'mysql'], { encoding: 'utf8', timeout: 60_000 })
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toBe("fuzz: unknown dialect mysql: --dialect takes sqlite, postgres or mariadb, or several joined by commas (MySQL's cases run as mariadb)")
  })
})
