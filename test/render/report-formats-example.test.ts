import { readFileSync } from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import type { TempProject } from '../support/temp-project'
import { editExampleApp, exampleAppDatabases, exampleAppProject } from '../support/example-app'
import type { TestDatabase } from '../support/test-database'

// The markdown and github reports of `diff` and `check` for an edit of the example application, on a real
// database of each dialect with rows in it: what a pull request shows, from real compiler output.

/** lineOf is the 1-based line of the first line of `file` holding `text`. */
const lineOf = (file: string, text: string) => readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1

describe.each(exampleAppDatabases)('the reports of an edit of the example application on %s', (dialect, setup) => {
  let db: TestDatabase
  let env: Record<string, string>
  let project: TempProject
  beforeAll(async () => {
    ({ db, env } = await setup())
    project = exampleAppProject()
    env = { ...env, GITHUB_WORKSPACE: project.dir }
    expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
    expect((await cli('upgrade')).code).toBe(0)
    await db.query("INSERT INTO tag (name, featured) VALUES ('typeorm', true), ('sql', false)")
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })
  const cli = (...args: string[]) => runCliInProcess(project.dir, args, env)

  it('check reports in sync in markdown and github, exit 0', async () => {
    const reports = await Promise.all([cli('check', '--format', 'markdown'), cli('check', '--format', 'github')])
    expect(reports.map((r) => [r.code, r.stdout])).toEqual([
      [0, '## Schema changes\n\nNo changes. OK: the database matches the entities.\n'],
      [0, 'OK: the database matches the entities.\n'],
    ])
  })

  it('prints these reports for the edit, exit 0 for diff and 1 for check', async () => {
    editExampleApp(project)
    const markdown = await cli('diff', '--format', 'markdown')
    expect(markdown.code).toBe(0)
    expect(markdown.stdout).toMatchSnapshot('diff markdown')
    const github = await cli('diff', '--format', 'github')
    expect(github.code).toBe(0)
    expect(github.stdout).toMatchSnapshot('diff github')
    expect(github.stdout).not.toContain('Migration missing')

    const checkMarkdown = await cli('check', '--format', 'markdown')
    expect(checkMarkdown.code).toBe(1)
    expect(checkMarkdown.stdout).toBe(markdown.stdout.replace(
      /^(\*\*.*\*\*)$/m, '$1 A migration is missing: the entities differ from the database. Run `typeorm-autogen generate <Name>`.',
    ))
    expect(checkMarkdown.stderr).toContain('A migration is missing')
    const checkGithub = await cli('check', '--format', 'github')
    expect(checkGithub.code).toBe(1)
    expect(checkGithub.stdout).toMatchSnapshot('check github')
  })

  it('points a column finding at the property, and a missing migration at the entity class', async () => {
    const github = (await cli('check', '--format', 'github')).stdout
    const tag = project.file('entities/tag.entity.ts')
    const nameLine = lineOf(tag, '  name: string')
    expect(nameLine).toBeGreaterThan(0)
    expect(github).toMatch(new RegExp(`^::(notice|warning) file=entities/tag\\.entity\\.ts,line=${nameLine},title=\\w+ ("public"\\.)?"tag"\\."name"::`, 'm'))
    const classLine = lineOf(tag, 'export class Tag')
    const schema = dialect === 'postgres' ? '"public".' : ''
    expect(github).toContain(`::error file=entities/tag.entity.ts,line=${classLine},title=DROP_COLUMN ${schema}"tag"."featured"::`)
    const authorLine = lineOf(project.file('entities/author.entity.ts'), 'export class Author')
    expect(github).toContain(`::error file=entities/author.entity.ts,line=${authorLine},title=Migration missing%3A table ${schema}"author"::`)
  })
})
