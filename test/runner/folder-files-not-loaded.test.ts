import { handMigration, noteEntity } from '../support/scratch-project'
import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'

// One migrations folder for several databases, each DataSource loading its own by a prefix (HedgeDoc's
// `migrations/${type}-*.ts`): upgrade runs the DataSource's migrations alone, so the other databases' files
// are not pending. check said "1 migration is pending: run `typeorm-autogen upgrade`" and exited 1, while
// upgrade said it was up to date (found on a real project).

const config = `
import { DataSource } from 'typeorm'
import { Note } from './note'
export default new DataSource({ type: 'better-sqlite3', database: 'data/app.sqlite', entities: [Note], migrations: ['migrations/sqlite-*.ts'] })
`

describe('a migrations folder shared by several databases, the DataSource loading its own by a prefix', () => {
  let project: TempProject
  beforeAll(() => {
    project = tempProject({
      'note.ts': noteEntity(),
      'ormconfig.ts': config,
      'migrations/sqlite-1700000000000-init.ts': handMigration('InitSqlite1700000000000',
        ['CREATE TABLE "note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "text" varchar NOT NULL)'], ['DROP TABLE "note"']),
      'migrations/postgres-1700000000001-init.ts': handMigration('InitPostgres1700000000001',
        ['CREATE TABLE "note" ("id" SERIAL NOT NULL, "text" character varying NOT NULL, CONSTRAINT "PK_note" PRIMARY KEY ("id"))'], ['DROP TABLE "note"']),
    })
  })
  afterAll(() => project.remove())

  it('has the other databases\' migrations neither pending nor unknown: after upgrade, check is clean', async () => {
    expect((await runCliInProcess(project.dir, ['upgrade'])).stdout).toContain('Applied InitSqlite1700000000000')
    expect((await runCliInProcess(project.dir, ['status'])).stdout).not.toContain('InitPostgres')
    expect((await runCliInProcess(project.dir, ['hash'])).code).toBe(0)
    const check = await runCliInProcess(project.dir, ['check'])
    expect(check.stdout + check.stderr).not.toMatch(/pending|UNAPPLIED_MIGRATIONS|UNKNOWN_MIGRATIONS/)
    expect(check.code).toBe(0)
  })
})
