import { readFileSync } from 'node:fs'
import { runBuiltCli } from '../support/run-cli'
import { sqliteConfig, tempProject, type TempProject } from '../support/temp-project'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A change made only of safe type widenings carries notes, not hazards: the file writes them as notes, and
// status and upgrade, which repeat the hazards nobody accepted, have nothing to say about it.

const label = (length: number) => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('label')
export class Label {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: ${length} }) text: string
}
`

let db: TestDatabase
let project: TempProject
beforeAll(async () => {
  db = await createPostgresDatabase('notes')
  const { host, port, username, database } = db.options as { host: string; port: number; username: string; database: string }
  project = tempProject({ 'label.ts': label(50) })
  project.write('ormconfig.ts', [
    "import { DataSource } from 'typeorm'",
    "import { Label } from './label'",
    'export default new DataSource({',
    `  type: 'postgres', host: '${host}', port: ${port}, username: '${username}', database: '${database}',`,
    "  entities: [Label], migrations: ['migrations/*.ts'],",
    '})',
  ].join('\n'))
})
afterAll(async () => {
  project?.remove()
  await db?.drop()
})

const cli = (...args: string[]) => runBuiltCli(project.dir, args)

it('writes a widening as a note, which status and upgrade do not repeat', () => {
  expect(cli('generate', 'Init', '--timestamp', '1700000000000').code).toBe(0)
  expect(cli('upgrade').code).toBe(0)
  project.write('label.ts', label(200))

  const generated = cli('generate', 'Widen', '--timestamp', '1700000001000')
  expect(generated.code).toBe(0)
  const source = readFileSync(project.file('migrations/1700000001000-Widen.ts'), 'utf8')
  expect(source).toContain('//   - TYPE_CHANGE_SAFE "public"."label"."text"\n')
  expect(source).toContain('        // note TYPE_CHANGE_SAFE: Changes "public"."label"."text" from varchar(50) to varchar(200)')
  expect(source).not.toMatch(/\/\/ (hazard|accepted) /)

  const status = cli('status')
  expect(status).toMatchObject({ code: 0, stderr: '' })
  expect(status.stdout).toContain('[pending] Widen1700000001000')
  const upgrade = cli('upgrade')
  expect(upgrade).toMatchObject({ code: 0, stderr: '' })
  expect(cli('check').code).toBe(0)
})

describe('on a database that does not enforce declared sizes', () => {
  const tables = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('tag')
export class Tag {
  @PrimaryGeneratedColumn() id: number
  @Column({ length: 40 }) name: string
}
@Entity('link')
export class Link {
  @PrimaryGeneratedColumn() id: number
  @Column({ length: 500 }) url: string
  @Column({ type: 'decimal', precision: 5, scale: 2 }) weight: string
}
`
  let lite: TempProject
  beforeAll(() => {
    lite = tempProject({ 'tables.ts': tables })
    lite.write('ormconfig.ts', sqliteConfig({ imports: "import { Link, Tag } from './tables'", entities: '[Tag, Link]', options: "migrations: ['migrations/*.ts']," }))
  })
  afterAll(() => lite?.remove())

  it('says so once, in diff, and not in the migration file', () => {
    const diff = runBuiltCli(lite.dir, ['diff'])
    expect(diff.code).toBe(0)
    expect(diff.stderr).toBe('note: NO_SCHEMA_EFFECT (info): The database does not enforce declared lengths, precisions and scales ' +
      '(3 columns of the entities declare one, such as "link"."url" varchar(500)); longer or bigger values are stored as they are; ' +
      'add a check constraint where a limit must hold.\n')
    expect(diff.stdout).not.toContain('NO_SCHEMA_EFFECT')
    expect(runBuiltCli(lite.dir, ['generate', 'Init', '--timestamp', '1700000000000']).code).toBe(0)
    expect(readFileSync(lite.file('migrations/1700000000000-Init.ts'), 'utf8')).not.toContain('NO_SCHEMA_EFFECT')
  })
})
