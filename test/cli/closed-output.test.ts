import { spawn } from 'node:child_process'
import * as path from 'node:path'
import { type TempProject, tempProject } from '../support/temp-project'

// A reader that closes the pipe early (`typeorm-autogen diff | head -1`) must not crash the command.

let project: TempProject
afterEach(() => project.remove())

test('output to a pipe its reader closed is dropped: no crash, no stack, the exit code of the command', async () => {
  project = tempProject({
    'thing.js': `const { EntitySchema } = require('typeorm')
module.exports = new EntitySchema({ name: 'thing', columns: { id: { type: Number, primary: true, generated: true }, name: { type: String } } })
`,
    'ormconfig.js': `const { DataSource } = require('typeorm')
module.exports = new DataSource({ type: 'better-sqlite3', database: 'missing.sqlite', entities: [require('./thing')] })
`,
  })
  const bin = path.resolve(__dirname, '../../bin/typeorm-autogen.js')
  const child = spawn(process.execPath, [bin, 'diff', '-c', 'ormconfig.js'], { cwd: project.dir, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.destroy()
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  expect(stderr).not.toContain('EPIPE')
  expect(code).toBe(0)
})
