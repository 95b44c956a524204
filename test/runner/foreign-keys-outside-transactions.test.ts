import { afterDatabaseLine, runBuiltCli, runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// TypeORM's runner turns SQLite's foreign keys off (beforeMigration) only where it begins a transaction, so
// with migrationsTransactionMode 'none' a generated rebuild of a parent table ran with them on: its DROP TABLE
// deleted every child row of an ON DELETE CASCADE key, silently (found by a workflow test).

const entities = (nameColumn: string) => `
import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
@Entity('author')
export class Author {
  @PrimaryGeneratedColumn() id: number
  ${nameColumn}
}
@Entity('book')
export class Book {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Author, { onDelete: 'CASCADE' }) author: Author
}
`

let db: TestDatabase
let project: TempProject
const cli = (...args: string[]) => runCliInProcess(project.dir, args)
beforeAll(async () => {
  db = await createSqliteDatabase()
  project = tempProject({ 'entities.ts': entities("@Column({ type: 'varchar' }) name: string") })
  project.write('ormconfig.ts', [
    "import { DataSource } from 'typeorm'",
    "import { Author, Book } from './entities'",
    `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Author, Book], migrations: ['migrations/*.ts'], migrationsTransactionMode: 'none' })`,
  ].join('\n'))
})
afterAll(async () => {
  project?.remove()
  await db?.drop()
})

it('keeps the child rows when a migration run without a transaction rebuilds their parent table', async () => {
  expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
  expect((await cli('upgrade')).code).toBe(0)
  await db.query("INSERT INTO author (name) VALUES ('Ann')")
  await db.query('INSERT INTO book ("authorId") VALUES (1)')
  project.write('entities.ts', entities("@Column({ type: 'varchar', length: 80 }) name: string"))
  expect((await cli('generate', 'LongerName', '--timestamp', '1700000001000')).code).toBe(0)

  const script = await cli('upgrade', '--sql')
  const part = script.stdout.slice(script.stdout.indexOf('-- LongerName1700000001000: up')).split('\n')
  expect(part[1]).toBe('PRAGMA foreign_keys = OFF;')
  expect(part.indexOf('PRAGMA foreign_keys = ON;')).toBeGreaterThan(part.findIndex((line) => line.startsWith('DROP TABLE "author"')))

  const run = await cli('upgrade')
  expect(afterDatabaseLine(run.stdout)).toMatch(/^Applied LongerName1700000001000 /)
  expect(run.code).toBe(0)
  expect(await db.query('SELECT "authorId" FROM book')).toEqual([{ authorId: 1 }])
})

// TypeORM's executePendingMigrations before 0.3.13 (typeorm#9775; Jellyseerr pins 0.3.11) calls neither
// beforeMigration nor afterMigration, in any transaction mode: a generated rebuild of a parent table ran with
// foreign keys on, and its DROP TABLE failed on the child rows (FOREIGN KEY constraint failed), or deleted
// them where the key says ON DELETE CASCADE. A preload makes the runner's calls of the executor do nothing, as
// that executor's are absent.
const executorBefore0313 = `
const { MigrationExecutor } = require('typeorm')
const executePendingMigrations = MigrationExecutor.prototype.executePendingMigrations
MigrationExecutor.prototype.executePendingMigrations = async function (...args) {
  const runner = (this.dataSource ?? this.connection).createQueryRunner()
  const { beforeMigration, afterMigration } = runner
  runner.beforeMigration = runner.afterMigration = async () => {}
  try {
    return await executePendingMigrations.apply(this, args)
  } finally {
    Object.assign(runner, { beforeMigration, afterMigration })
  }
}
`

describe('a runner that frames no pending migration (TypeORM before 0.3.13)', () => {
  let oldDb: TestDatabase
  let oldProject: TempProject
  const oldCli = (...args: string[]) => runBuiltCli(oldProject.dir, args, {}, ['--require', oldProject.file('executor-before-0.3.13.js')])
  beforeAll(async () => {
    oldDb = await createSqliteDatabase()
    oldProject = tempProject({ 'entities.ts': entities("@Column({ type: 'varchar' }) name: string"), 'executor-before-0.3.13.js': executorBefore0313 })
    oldProject.write('ormconfig.ts', [
      "import { DataSource } from 'typeorm'",
      "import { Author, Book } from './entities'",
      `export default new DataSource({ ...${JSON.stringify(oldDb.options)}, entities: [Author, Book], migrations: ['migrations/*.ts'] })`,
    ].join('\n'))
  })
  afterAll(async () => {
    oldProject?.remove()
    await oldDb?.drop()
  })

  it('keeps the child rows when a migration rebuilds their parent table, in its transaction', async () => {
    expect(oldCli('generate', 'Init', '--timestamp', '1700000000000').code).toBe(0)
    expect(oldCli('upgrade').code).toBe(0)
    await oldDb.query("INSERT INTO author (name) VALUES ('Ann')")
    await oldDb.query('INSERT INTO book ("authorId") VALUES (1)')
    oldProject.write('entities.ts', entities("@Column({ type: 'varchar', length: 80 }) name: string"))
    expect(oldCli('generate', 'LongerName', '--timestamp', '1700000001000').code).toBe(0)

    const run = oldCli('upgrade')
    expect(run.stderr).not.toMatch(/failed/)
    expect(afterDatabaseLine(run.stdout)).toMatch(/^Applied LongerName1700000001000 /)
    expect(run.code).toBe(0)
    expect(await oldDb.query('SELECT "authorId" FROM book')).toEqual([{ authorId: 1 }])
    expect(await oldDb.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }])
  })
})
