import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import Database from 'better-sqlite3'
import { renderReport } from '../../src/render/report'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'
import { samplePlan } from './fixtures/sample-plan'

// docs/report.schema.json documents `--format json`: real documents of diff and check (in sync, and with
// changes, hazards whose data was counted, and warnings) must validate against it.

const schema = JSON.parse(readFileSync(join(__dirname, '../../docs/report.schema.json'), 'utf8')) as object
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema)
const errorsOf = (doc: unknown) => (validate(doc) ? [] : validate.errors)

const entities = (columns: string) => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
  ${columns}
}
@Entity({ name: 'draft', synchronize: false })
export class Draft {
  @PrimaryGeneratedColumn() id: number
}
`

describe('the json report', () => {
  let project: TempProject
  const cli = (...args: string[]) => runCliInProcess(project.dir, args)
  const useEntities = (file: string) =>
    project.write('ormconfig.ts', sqliteConfig({ imports: `import { Draft, Note } from './${file}'`, entities: '[Note, Draft]', options: "migrations: ['migrations/*.ts']," }))
  beforeAll(async () => {
    project = tempProject({
      'v1.ts': entities("@Column({ type: 'varchar', length: 40, nullable: true }) legacy: string | null"),
      'v2.ts': entities(''),
    })
    useEntities('v1')
    expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
    expect((await cli('upgrade')).code).toBe(0)
    const db = new Database(project.file('data/app.sqlite'))
    db.prepare("INSERT INTO note (text, legacy) VALUES ('a', 'old'), ('b', NULL)").run()
    db.close()
  })
  afterAll(() => project?.remove())

  it('validates in sync, with a warning', async () => {
    const check = await cli('check', '--format', 'json')
    expect(check.code).toBe(0)
    const doc = JSON.parse(check.stdout)
    expect(doc.version).toBe(1)
    expect(doc.warnings.map((w: { code: string }) => w.code)).toEqual(['NOT_DIFFED'])
    expect(errorsOf(doc)).toEqual([])
  })

  it('validates diff and check with changes, counted hazards and warnings', async () => {
    useEntities('v2')
    for (const [command, code] of [['diff', 0], ['check', 1]] as const) {
      const run = await cli(command, '--format', 'json')
      expect(run.code).toBe(code)
      const doc = JSON.parse(run.stdout)
      expect(doc.hazards.find((h: { code: string }) => h.code === 'DROP_COLUMN').measurement).toMatchObject({ count: 1, complete: true })
      expect(doc.warnings.length).toBeGreaterThan(0)
      expect(errorsOf(doc)).toEqual([])
    }
  })

  it('validates problems, and rejects what the schema does not describe', () => {
    const withProblems = JSON.parse(renderReport(samplePlan, 'json', 'up', undefined, {
      problems: [{ code: 'DRIFT', message: 'an index was added by hand', severity: 'warning', file: 'migrations/1-Init.ts', line: 3 }, { code: 'SUM_MISSING', message: 'no autogen.sum' }],
    }))
    expect(errorsOf(withProblems)).toEqual([])
    expect(errorsOf({ ...withProblems, extra: true })).not.toEqual([])
    expect(errorsOf({ ...withProblems, version: 2 })).not.toEqual([])
    expect(errorsOf({ ...withProblems, problems: [{ code: 'DRIFT' }] })).not.toEqual([])
  })
})
