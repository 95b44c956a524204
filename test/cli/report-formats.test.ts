import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { noteConfig, noteEntity } from './note-project'

// The markdown and github formats keep stdout for the report (the Database line goes to stderr), keep the
// exit codes of diff and check, and refuse a --direction they would ignore.

let project: TempProject
beforeAll(() => {
  project = tempProject({ 'note.ts': noteEntity('@Column() text: string'), 'ormconfig.ts': noteConfig('note') })
})
afterAll(() => project?.remove())
const cli = (...args: string[]) => runCliInProcess(project.dir, args)

describe.each(['markdown', 'github'])('--format %s', (format) => {
  it('prints only the report on stdout: diff exits 0, check 1 while a migration is missing', async () => {
    const diff = await cli('diff', '--format', format)
    expect(diff.code).toBe(0)
    expect(diff.stderr).toMatch(/^Database: sqlite /)
    expect(diff.stdout).not.toContain('Database:')
    expect(diff.stdout).toContain(format === 'markdown' ? '- `+ table "note" (2 columns)`' : 'typeorm-autogen: 1 table changed\n')
    const check = await cli('check', '--format', format)
    expect(check.code).toBe(1)
    expect(check.stderr).toContain('A migration is missing')
    if (format === 'github') expect(check.stdout).toContain('::error file=note.ts,line=4,title=Migration missing%3A table "note" (2 columns)::A migration is missing')
  })

  it('refuses --direction (exit 2), writing nothing on stdout', async () => {
    for (const command of ['diff', 'check']) {
      const run = await cli(command, '--format', format, '--direction', 'up')
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe(format === 'markdown'
        ? 'typeorm-autogen: --format markdown always holds both up and down: leave --direction out (see --help)\n'
        : 'typeorm-autogen: --format github prints annotations, no SQL: leave --direction out (see --help)\n')
    }
  })
})
