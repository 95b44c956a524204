import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
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
