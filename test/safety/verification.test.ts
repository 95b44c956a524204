import { runCliInProcess, withoutRunTimes } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { bothDialects, type TestDatabase } from '../support/test-database'

// After an upgrade that leaves nothing pending, the database is compared with the entities as check does: a
// difference is a warning (SCHEMA_DIFFERS), never an error; with migrations left to apply, nothing is said.

const noteEntity = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', nullable: true }) text: string | null
}
`
const migration = (name: string, sql: string[]) => `
import type { MigrationInterface, QueryRunner } from 'typeorm'
export class ${name} implements MigrationInterface {
  name = '${name}'
  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.map((s) => `    await queryRunner.query(${JSON.stringify(s)})`).join('\n')}
  }
  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`

describe.each(bothDialects('verify'))('on %s', (_label, createDatabase) => {
  let db: TestDatabase
  let project: TempProject
  const cli = (...args: string[]) => runCliInProcess(project.dir, args)
  beforeAll(async () => {
    db = await createDatabase()
    project = tempProject({ 'note.ts': noteEntity })
    project.write('ormconfig.ts', [
      "import { DataSource } from 'typeorm'",
      "import { Note } from './note'",
      `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Note], migrations: ['migrations/*.ts'] })`,
    ].join('\n'))
    project.write('migrations/1700000000000-Partial.ts', migration('Partial1700000000000', ['CREATE TABLE note (id integer PRIMARY KEY)']))
    project.write('migrations/1700000001000-Later.ts', migration('Later1700000001000', []))
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })

  it('says nothing while migrations are left to apply', async () => {
    const run = await cli('upgrade', '--steps', '1')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  it('warns when the database differs from the entities with every migration applied', async () => {
    const run = await cli('upgrade')
    expect(withoutRunTimes(run.stdout)).toMatch(/\nApplied Later1700000001000\n$/)
    // Counted as check counts them: the one table that lacks its column, not the statements.
    expect(run.stderr).toBe('warning: SCHEMA_DIFFERS: with every migration applied, the database still differs from the entities (1 table changed, as `typeorm-autogen check` counts them): run it to see the changes, then generate the missing migration\n')
    expect(run.code).toBe(0)
  })

  it('says nothing once the missing migration is generated and applied', async () => {
    expect((await cli('generate', 'Fix', '--timestamp', '1700000002000', '--accept-data-loss')).code).toBe(0)
    const run = await cli('upgrade')
    expect(run.stderr).not.toContain('SCHEMA_DIFFERS')
    expect(run.code).toBe(0)
  })
})

describe('on sqlite, with no entity loaded where the job runs', () => {
  let project: TempProject
  beforeAll(() => {
    project = tempProject()
    project.write('ormconfig.ts', [
      "import { DataSource } from 'typeorm'",
      "export default new DataSource({ type: 'better-sqlite3', database: 'app.sqlite', entities: ['dist/entities/*.js'], migrations: ['migrations/*.ts'] })",
    ].join('\n'))
    project.write('migrations/1700000000000-Notes.ts', migration('Notes1700000000000', ['CREATE TABLE note (id integer PRIMARY KEY)']))
  })
  afterAll(() => project?.remove())

  it('applies the migrations and says why the database could not be compared, exiting 0', async () => {
    const run = await runCliInProcess(project.dir, ['upgrade'])
    expect(withoutRunTimes(run.stdout)).toMatch(/\nApplied Notes1700000000000\n$/)
    expect(run.stderr).toMatch(/^warning: SCHEMA_DIFFERS: the migrations are applied, but the database could not be compared with the entities: no entity was loaded .*\n$/)
    expect(run.code).toBe(0)
  })
})
