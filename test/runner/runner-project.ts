import { readFileSync, writeFileSync } from 'node:fs'
import { recordedMigrations } from '../support/database-state'
import { type CliRun, runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { type TestDatabase } from '../support/test-database'

/** The migrations of a RunnerProject, in order: three generated, then Backfill, written by hand after `create`. */
export const names = ['Init1700000000000', 'AddViews1700000001000', 'DropText1700000002000', 'Backfill1700000003000'] as const

const noteEntity = (columns: string) => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  ${columns}
}
`
const versions = {
  1: "@Column({ type: 'varchar', nullable: true }) text: string | null",
  2: "@Column({ type: 'varchar', nullable: true }) text: string | null\n  @Column({ type: 'integer', default: 0 }) views: number",
  3: "@Column({ type: 'integer', default: 0 }) views: number",
} as const

/** handWritten are Init, AddViews and DropText as the MySQL dialect writes them: name, up statements, down statements. */
const handWritten: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
  [names[0], ['CREATE TABLE `note` (`id` int NOT NULL AUTO_INCREMENT, `text` varchar(255) NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB'], ['DROP TABLE `note`']],
  [names[1], ['ALTER TABLE `note` ADD `views` int NOT NULL DEFAULT 0'], ['ALTER TABLE `note` DROP COLUMN `views`']],
  [names[2], ['ALTER TABLE `note` DROP COLUMN `text`'], ['ALTER TABLE `note` ADD `text` varchar(255) NULL AFTER `id`']],
]

const migrationClass = (name: string, up: readonly string[], down: readonly string[]) => `import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ${name} implements MigrationInterface {
  name = '${name}'

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map((sql) => `    await queryRunner.query(${JSON.stringify(sql)})`).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down.map((sql) => `    await queryRunner.query(${JSON.stringify(sql)})`).join('\n')}
  }
}
`

/** RunnerProject is a temp project on a test database whose folder holds the four migrations of `names`. */
export interface RunnerProject {
  readonly project: TempProject
  cli(...args: string[]): Promise<CliRun>
  /** The names recorded in the migrations table, oldest first (none when it does not exist). */
  recorded(): Promise<string[]>
  /** The columns of table `note`, sorted. */
  noteColumns(): Promise<string[]>
}

/**
 * runnerProject generates Init (note: id, text), AddViews (+ views) and DropText (- text, a DROP_COLUMN
 * hazard), creates Backfill with `create` and fills it in (`UPDATE note SET views = 7`, down sets 0), all
 * applied on the way; then it reverts them all, leaving an empty history and the entities at version 3.
 */
export async function runnerProject(db: TestDatabase): Promise<RunnerProject> {
  const project = tempProject({ 'note.ts': noteEntity(versions[1]) })
  project.write('ormconfig.ts', [
    "import { DataSource } from 'typeorm'",
    "import { Note } from './note'",
    `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Note], migrations: ['migrations/*.ts'] })`,
  ].join('\n'))
  const cli = (...args: string[]) => runCliInProcess(project.dir, args)
  const succeed = async (...args: string[]) => {
    const run = await cli(...args)
    if (run.code !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`)
  }
  if (db.label === 'mariadb') {
    // Until the MySQL compiler lands, the three migrations generate would write are written by hand.
    for (const [name, up, down] of handWritten) project.write(`migrations/${name.slice(-13)}-${name.slice(0, -13)}.ts`, migrationClass(name, up, down))
    project.write('note.ts', noteEntity(versions[3]))
  } else {
    await succeed('generate', 'Init', '--timestamp', '1700000000000')
    await succeed('upgrade')
    project.write('note.ts', noteEntity(versions[2]))
    await succeed('generate', 'AddViews', '--timestamp', '1700000001000')
    await succeed('upgrade')
    project.write('note.ts', noteEntity(versions[3]))
    await succeed('generate', 'DropText', '--timestamp', '1700000002000', '--accept-data-loss')
  }
  await succeed('create', 'Backfill', '--timestamp', '1700000003000')
  const backfill = project.file('migrations/1700000003000-Backfill.ts')
  writeFileSync(backfill, readFileSync(backfill, 'utf8')
    .replace(/\/\/ Write the change here.*/, 'await queryRunner.query(`UPDATE note SET views = 7`);')
    .replace(/\/\/ Write here what reverts up\(\)\./, 'await queryRunner.query(`UPDATE note SET views = 0`);'))
  await succeed('downgrade', '--all')
  return {
    project,
    cli,
    async recorded() {
      return (await recordedMigrations(db)).map((r) => r.name)
    },
    async noteColumns() {
      const rows = await db.query<{ name: string }>(db.label === 'sqlite'
        ? "SELECT name FROM pragma_table_info('note')"
        : db.label === 'mariadb' ? "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'note'"
        : "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'note'")
      return rows.map((r) => r.name).sort()
    },
  }
}

/** RunnerFixture is a test file's database and RunnerProject, made before its tests and removed after them. */
export interface RunnerFixture {
  readonly db: TestDatabase
  readonly runner: RunnerProject
}

/** runnerFixture makes a RunnerFixture in beforeAll, on a database of `createDatabase`, and removes it in afterAll. */
export function runnerFixture(createDatabase: () => Promise<TestDatabase>): RunnerFixture {
  const fixture = {} as { db: TestDatabase; runner: RunnerProject }
  beforeAll(async () => {
    fixture.db = await createDatabase()
    fixture.runner = await runnerProject(fixture.db)
  })
  afterAll(async () => {
    fixture.runner?.project.remove()
    await fixture.db?.drop()
  })
  return fixture
}
