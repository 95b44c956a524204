import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

// `npm run fuzz -- --dialect mysql` ran every case against MariaDB with names quoted for no dialect, and printed
// "mysql: 20 cases, 14 failures" (SQL syntax errors, empty data types) that were the harness's, not the tool's.
it('refuses a dialect it has no cases for, before running any', () => {
  const run = spawnSync(process.execPath, [join(__dirname, 'fuzz-cli.js'), '--cases', '1', '--dialect', 'mysql'], { encoding: 'utf8' })
  expect(run.status).toBe(2)
  expect(run.stderr.trim()).toBe('fuzz: unknown dialect "mysql": use sqlite, postgres or mariadb (MariaDB stands for MySQL too)')
  expect(run.stdout).toBe('')
})
