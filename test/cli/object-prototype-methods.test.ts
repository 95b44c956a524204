import { runBuiltCli } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// Spacebar (hunt76): its entities import lambert-server, whose missing-native-js-functions 1.x defines
// forEach, map, keys, entries, merge and stringify on Object.prototype (non-enumerable), in the process the
// tool loads the entities into. Every plain object then "has" a `keys`: an index model without key options
// read as having some, and on MariaDB `check` stopped with "(index.keys ?? []).every is not a function".
// The runs are processes of their own, as the pollution would outlive an in-process run.

const prototypeMethods = `
for (const name of ['forEach', 'map', 'keys', 'entries', 'merge', 'stringify']) {
  Object.defineProperty(Object.prototype, name, { enumerable: false, configurable: true, writable: true, value: function () { return this } })
}
`

const entities = `
import './prototype-methods'
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, Unique } from 'typeorm'

@Entity('guild')
export class Guild {
  @PrimaryGeneratedColumn() id: number
  @Index({ unique: true }) @Column({ length: 40 }) slug: string
}

@Entity('member')
@Unique(['guild', 'nick'])
export class Member {
  @PrimaryGeneratedColumn() id: number
  @Index() @Column({ length: 40 }) nick: string
  @ManyToOne(() => Guild, { onDelete: 'CASCADE' }) @JoinColumn() guild: Guild
  @OneToOne(() => Guild) @JoinColumn() owned: Guild
}
`

function config(db: TestDatabase): string {
  return [
    "import { DataSource } from 'typeorm'",
    `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: ['entities.ts'], migrations: ['migrations/*.ts'] })`,
  ].join('\n')
}

const databases: [string, () => Promise<TestDatabase>][] = [
  ['sqlite', createSqliteDatabase],
  ['postgres', () => createPostgresDatabase('proto_methods')],
  ['mariadb', () => createMariaDbDatabase('proto_methods')],
]

describe.each(databases)('%s: entities whose imports add methods to Object.prototype', (_label, create) => {
  let db: TestDatabase
  let project: TempProject
  beforeAll(async () => {
    db = await create()
    project = tempProject({ 'prototype-methods.ts': prototypeMethods, 'entities.ts': entities })
    project.write('ormconfig.ts', config(db))
  })
  afterAll(async () => {
    project.remove()
    await db.drop()
  })

  it('generate, upgrade, then check finds the database as the entities declare it', () => {
    const generated = runBuiltCli(project.dir, ['generate', 'Init', '--timestamp', '1700000000000'])
    expect(generated.stderr).toBe('')
    expect(generated.code).toBe(0)
    expect(runBuiltCli(project.dir, ['upgrade']).code).toBe(0)
    const check = runBuiltCli(project.dir, ['check'])
    expect(check.stderr).toBe('')
    expect(check.stdout).toContain('the database matches the entities')
    expect(check.code).toBe(0)
  })
})
