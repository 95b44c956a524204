import { spawn } from 'node:child_process'
import * as path from 'node:path'
import { type TempProject, tempProject } from '../support/temp-project'

// The project's own modules, loaded with the config and the entities, may keep the event loop busy for good:
// Giveth's entities import a Redis client and cron jobs. The command printed its result and then never ended,
// where TypeORM's own CLI exits after its commands; in CI the job hung until its time limit.

let project: TempProject
afterEach(() => project.remove())

test('the command ends with its exit code once done, whatever the project left running', async () => {
  project = tempProject({
    'thing.js': `const { EntitySchema } = require('typeorm')
setInterval(() => undefined, 1000) // as a client kept connected by a module the entity imports
module.exports = new EntitySchema({ name: 'thing', columns: { id: { type: Number, primary: true, generated: true }, name: { type: String } } })
`,
    'ormconfig.js': `const { DataSource } = require('typeorm')
module.exports = new DataSource({ type: 'better-sqlite3', database: 'missing.sqlite', entities: [require('./thing')] })
`,
  })
  const bin = path.resolve(__dirname, '../../bin/typeorm-autogen.js')
  const child = spawn(process.execPath, [bin, 'check', '-c', 'ormconfig.js'], { cwd: project.dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  const stillRunning = setTimeout(() => child.kill('SIGKILL'), 30_000)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearTimeout(stillRunning)
  expect(code).toBe(1)
  expect(stdout).toContain('+ table "thing"')
}, 60_000)
