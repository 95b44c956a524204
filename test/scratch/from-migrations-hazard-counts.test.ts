import { runCliInProcess } from '../support/run-cli'
import type { TempProject } from '../support/temp-project'
import { noteEntity, scratchProject } from '../support/scratch-project'

// check --from-migrations compares the entities with a scratch database that holds no row of the real
// database, only what the migrations wrote: a count taken there ("the table is empty", "no non-null value")
// would tell the reviewer of a pull request that a drop loses nothing. Its hazards are listed without counts.

describe('check --from-migrations', () => {
  let project: TempProject
  const devEnv = { DATABASE_URL: '', SQLITE_FILE: 'dev/app.sqlite' }
  beforeAll(async () => {
    project = scratchProject()
    project.write('note.ts', noteEntity('@Column({ nullable: true }) title: string'))
    const generate = await runCliInProcess(project.dir, ['generate', 'Init', '--timestamp', '1700000000000'], devEnv)
    expect(generate.code).toBe(0)
    project.write('note.ts', noteEntity())
  })
  afterAll(() => project.remove())

  it('lists the hazards of the missing migration without counts taken on the scratch database', async () => {
    const text = await runCliInProcess(project.dir, ['check', '--from-migrations'], { DATABASE_URL: '' })
    expect(text.stdout).toContain('  - DROP_COLUMN (danger): Deletes every value in "note"."title"; copy the values elsewhere first if they are still needed.\n')
    expect(text.code).toBe(1)
    const json = await runCliInProcess(project.dir, ['check', '--from-migrations', '--format', 'json'], { DATABASE_URL: '' })
    const hazards = (JSON.parse(json.stdout) as { hazards: Array<{ code: string; measurement?: unknown }> }).hazards
    expect(hazards.map((h) => [h.code, h.measurement])).toEqual([['DROP_COLUMN', undefined]])
    expect(json.code).toBe(1)
  })
})
