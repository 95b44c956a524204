import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Gauzy (hunt66): generate, diff and check connect to the database while the entities load. Loading Gauzy's
// entities after an edit holds the event loop for tens of seconds (TypeScript emits them synchronously), longer
// than mysql2's connectTimeout (10 s): the timer fired before the server's answer was read, and the run
// stopped with "cannot connect ... ETIMEDOUT" against a server that was up. Here an entity holds the loop for
// 1.5 s against a connectTimeout of 0.5 s.

const slowEntity = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
const until = Date.now() + 1500
while (Date.now() < until) { /* as a long synchronous compile holds the event loop */ }
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
}
`

function config(database: string, port = 3306): string {
  return [
    "import { DataSource } from 'typeorm'",
    'export default new DataSource({',
    `  type: 'mariadb', host: '127.0.0.1', port: ${port}, username: 'root', database: '${database}', connectTimeout: 500,`,
    "  entities: ['note.ts'], migrations: ['migrations/*.ts'],",
    '})',
  ].join('\n')
}

let db: TestDatabase
let project: TempProject
beforeAll(async () => {
  db = await createMariaDbDatabase('slow_load')
})
afterAll(async () => {
  await db.drop()
})
beforeEach(() => {
  project = tempProject({ 'note.ts': slowEntity })
})
afterEach(() => project.remove())

it.each([['check'], ['diff'], ['generate', 'Init']])('%s connects although loading the entities held the event loop past the connect timeout', async (...args) => {
  project.write('ormconfig.ts', config(String(db.options.database)))
  // A first run transpiles the files (on SWC's threads, while the loop turns); the second loads them from the cache.
  const noEntityCache = { TYPEORM_AUTOGEN_ENTITY_CACHE: 'off' }
  await runCliInProcess(project.dir, ['diff'], noEntityCache)
  const run = await runCliInProcess(project.dir, args, noEntityCache)
  expect(run.stderr).not.toContain('cannot connect')
  expect(run.stdout).toContain('table "note"')
})

it('a server that does not answer is still reported once the entities are loaded', async () => {
  project.write('ormconfig.ts', config(String(db.options.database), 1))
  const run = await runCliInProcess(project.dir, ['check'])
  expect(run.code).toBe(2)
  expect(run.stderr).toMatch(/cannot connect to 127\.0\.0\.1:1\/.* ECONNREFUSED/)
})
