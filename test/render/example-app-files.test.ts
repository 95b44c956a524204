import { cpSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { exampleAppDatabases, exampleAppRoot as root } from '../support/example-app'
import type { TestDatabase } from '../support/test-database'

// The files `generate` writes for the repository's example application, on a real database of each dialect:
// first the migration that creates it all, then, once that is applied, the migration of an edit on top.
// What a reviewer reads is what these snapshots hold, so a change to rendering or compiling shows here.

/** An edit of the example's entities touching one of each common change: add, widen, index, drop. */
const edit: readonly (readonly [file: string, from: string, to: string])[] = [
  ['entities/author.entity.ts', '  @Column({ default: true })\n', "  @Column({ type: 'varchar', length: 200, nullable: true })\n  website: string | null\n\n  @Column({ default: true })\n"],
  ['entities/tag.entity.ts', "@Column({ type: 'varchar', length: 50 })", "@Column({ type: 'varchar', length: 80 })"],
  ['entities/tag.entity.ts', '  @Column({ default: false })\n  featured: boolean\n\n', ''],
  ['entities/post.entity.ts', '  @Column({ default: 0 })\n  views: number', '  @Index()\n  @Column({ default: 0 })\n  views: number'],
]

describe.each(exampleAppDatabases)('the example application on %s', (dialect, setup) => {
  let db: TestDatabase
  let env: Record<string, string>
  let project: TempProject
  beforeAll(async () => {
    ({ db, env } = await setup())
    project = tempProject({ 'ormconfig.ts': readFileSync(join(root, 'ormconfig.ts'), 'utf8') })
    cpSync(join(root, 'entities'), project.file('entities'), { recursive: true })
    const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: unknown }
    project.write('tsconfig.json', JSON.stringify({ compilerOptions }))
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })
  const cli = (...args: string[]) => runCliInProcess(project.dir, args, env)
  const written = (fileName: string) => readFileSync(project.file(join('migrations', dialect, fileName)), 'utf8')

  it('gets this file for its entities on an empty database', async () => {
    const run = await cli('generate', 'Init', '--timestamp', '1700000000000')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(readdirSync(project.file(join('migrations', dialect)))).toContain('1700000000000-Init.ts')
    expect(written('1700000000000-Init.ts')).toMatchSnapshot()
  })

  it('gets this file for an edit on top, once the first is applied', async () => {
    expect((await cli('upgrade')).code).toBe(0)
    for (const [file, from, to] of edit) {
      const text = readFileSync(project.file(file), 'utf8')
      expect(text).toContain(from)
      project.write(file, text.replace(from, to))
    }
    const run = await cli('generate', 'Edit', '--timestamp', '1700000001000')
    expect(run.code).toBe(0)
    expect(written('1700000001000-Edit.ts')).toMatchSnapshot()
    expect((await cli('upgrade')).code).toBe(0)
    const check = await cli('check')
    expect(check.stdout + check.stderr).toContain('OK: the database matches the entities.')
  })
})
