import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { resolve } from 'node:path'
import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// An entity that imports @RenamedFrom from `typeorm-autogen/decorators`, the entry without dependencies,
// is renamed by the CLI keeping its rows: the decorator and the tool meet in the same records.

const post = (decorator: string, column: string) => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from 'typeorm-autogen/decorators'
void RenamedFrom
@Entity('post')
export class Post {
  @PrimaryGeneratedColumn() id: number
  ${decorator} @Column({ type: 'text', nullable: true }) ${column}: string | null
}
`

let db: TestDatabase
let project: TempProject
beforeAll(async () => {
  db = await createSqliteDatabase()
  project = tempProject({
    'entities/post.ts': post('', 'body'),
    'ormconfig.ts': [
      "import { DataSource } from 'typeorm'",
      "import { Post } from './entities/post'",
      `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Post], migrations: ['migrations/*.ts'] })`,
    ].join('\n'),
  })
  // The app's own copy of the package, found from the entities' folder (the project's node_modules is shared).
  mkdirSync(project.file('entities/node_modules'))
  symlinkSync(resolve(__dirname, '../..'), project.file('entities/node_modules/typeorm-autogen'), 'dir')
})
afterAll(async () => {
  project?.remove()
  await db?.drop()
})

it('renames the column keeping its values', async () => {
  expect(await (await runCliInProcess(project.dir, ['generate', 'Init', '--timestamp', '1700000000000'])).code).toBe(0)
  expect(await (await runCliInProcess(project.dir, ['upgrade'])).code).toBe(0)
  await db.query(`INSERT INTO post (body) VALUES ('kept')`)
  project.write('entities/post.ts', post("@RenamedFrom('body')", 'content'))
  const run = await runCliInProcess(project.dir, ['generate', 'Rename', '--timestamp', '1700000001000'])
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  const file = readdirSync(project.file('migrations')).find((f) => f.endsWith('-Rename.ts'))!
  expect(readFileSync(project.file(`migrations/${file}`), 'utf8')).toMatch(/RENAME COLUMN "body" TO "content"/)
  expect(await (await runCliInProcess(project.dir, ['upgrade'])).code).toBe(0)
  expect(await db.query('SELECT content FROM post')).toEqual([{ content: 'kept' }])
})
