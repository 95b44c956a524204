import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// Most TypeORM projects still run TypeORM 0.3, whose metadata and migration executor name their DataSource
// `connection` where 1.x names it `dataSource`: the tool read `dataSource` and failed on every command
// (`Cannot read properties of undefined (reading 'driver')`). It works with 0.3 now (checked by hand on 0.3.0,
// 0.3.6, 0.3.12 and 0.3.20 too, whose executor released its query runner early and logged with two spaces). Projects
// that pin the first 1.x releases (Maintainerr's lockfile holds 1.1.0) were refused until the range took 1.0.0 on:
// 1.0.0 is tested here too. The project here is installed as npm installs one: the tool in its node_modules beside
// the project's TypeORM (this repository's devDependency typeorm-0.3 or typeorm-1.0), which the tool uses.

const repoRoot = path.resolve(__dirname, '../..')
const repoModules = path.join(repoRoot, 'node_modules')

describe.each([
  ['0.3', 'typeorm-0.3', /^0\.3\./],
  ['1.0.0', 'typeorm-1.0', /^1\.0\.0$/],
])('TypeORM %s', (label, installed, version) => {
  let dir: string
  let db: TestDatabase

  beforeAll(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'autogen-older-typeorm-')))
    const tool = path.join(dir, 'node_modules', 'typeorm-autogen')
    fs.mkdirSync(tool, { recursive: true })
    for (const part of ['package.json', 'bin', 'dist']) fs.cpSync(path.join(repoRoot, part), path.join(tool, part), { recursive: true })
    fs.symlinkSync(path.join(repoModules, installed), path.join(dir, 'node_modules', 'typeorm'), 'dir')
    db = await createPostgresDatabase('older_typeorm')
    const { host, port, username, database } = db.options as { host: string; port: number; username: string; database: string }
    write('ormconfig.ts', `import 'reflect-metadata'
  import { DataSource } from 'typeorm'
  export default new DataSource({
    type: 'postgres', host: '${host}', port: ${port}, username: '${username}', database: '${database}',
    entities: [__dirname + '/entities/*.ts'], migrations: [__dirname + '/migrations/*.ts'],
  })
  `)
    write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2021', module: 'commonjs', experimentalDecorators: true, emitDecoratorMetadata: true } }))
    write('schema-builder.js', `require('./node_modules/typeorm-autogen/dist/src/source/typescript-loader.js').registerTypeScriptLoader()
  const dataSource = require('./ormconfig.ts').default
  dataSource.initialize().then(async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log()
    console.log(JSON.stringify({ version: JSON.parse(require('node:fs').readFileSync('node_modules/typeorm/package.json', 'utf8')).version, upQueries: upQueries.map((q) => q.query) }))
    await dataSource.destroy()
  })
  `)
  })
  afterAll(async () => {
    await db?.drop()
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true })
  })

  function write(relative: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true })
    fs.writeFileSync(path.join(dir, relative), text)
  }

  /** The entities, with `@Column()`s that take their type from decorator metadata, `title` `length` long. */
  function entities(length: number, extra = ''): string {
    return `import { Column, CreateDateColumn, Entity, ManyToMany, JoinTable, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm'
  @Entity()
  export class Author {
    @PrimaryGeneratedColumn() id: number
    @Column() name: string
    @Column({ default: false }) active: boolean
    @OneToMany(() => Post, (post) => post.author) posts: Post[]
  }
  @Entity()
  export class Post {
    @PrimaryGeneratedColumn('uuid') id: string
    @Column({ length: ${length} }) title: string
    @Column({ type: 'enum', enum: ['draft', 'published'], default: 'draft' }) status: string
    @Column('jsonb', { nullable: true }) meta: object
    @CreateDateColumn() createdAt: Date
    @ManyToOne(() => Author, (author) => author.posts, { onDelete: 'CASCADE' }) author: Author
    @ManyToMany(() => Author) @JoinTable() editors: Author[]
    ${extra}
  }
  `
  }

  function run(command: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [command, ...args], {
      cwd: dir, encoding: 'utf8', timeout: 120_000,
      // The tool's own dependencies (SWC, yargs...) come from this repository, after the project's node_modules.
      env: { ...process.env, NODE_PATH: repoModules, FORCE_COLOR: '0' },
    })
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
  }

  /** proposed is what the project's TypeORM would change to reach the entities (its schema builder's log), and its version. */
  function proposed(): { version: string; upQueries: string[] } {
    const { code, stdout, stderr } = run('schema-builder.js')
    if (code !== 0) throw new Error(`schema-builder.js failed: ${stderr}`)
    return JSON.parse(stdout) as { version: string; upQueries: string[] }
  }

  const cli = (...args: string[]) => run(path.join('node_modules', 'typeorm-autogen', 'bin', 'typeorm-autogen.js'), ...args)

  it(`generates, applies, checks and reverts migrations with the project's TypeORM ${label}, which then proposes nothing`, async () => {
    write('entities/blog.ts', entities(100))
    expect(cli('generate', 'Init', '--timestamp', '1700000000000')).toMatchObject({ code: 0 })
    expect(cli('upgrade')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Applied Init1700000000000 \(\d+\.\d s\)$/m) })
    expect(cli('check')).toMatchObject({ code: 0, stdout: expect.stringContaining('OK: the database matches the entities.') })
    expect(proposed()).toEqual({ version: expect.stringMatching(version), upQueries: [] })
    await db.query(`INSERT INTO author (name) VALUES ('Ada'); INSERT INTO post (title, "authorId") VALUES ('First', 1)`)

    write('entities/blog.ts', entities(150, '@Column({ nullable: true }) subtitle: string'))
    expect(cli('check')).toMatchObject({ code: 1 })
    expect(cli('generate', 'Widen', '--timestamp', '1700000001000')).toMatchObject({ code: 0 })
    expect(cli('upgrade')).toMatchObject({ code: 0 })
    expect(cli('check')).toMatchObject({ code: 0 })
    expect(proposed().upQueries).toEqual([])
    expect(cli('downgrade')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Reverted Widen1700000001000 \(\d+\.\d s\)$/m) })
    write('entities/blog.ts', entities(100))
    expect(cli('check')).toMatchObject({ code: 0 })
    expect(await db.query('SELECT title FROM post')).toEqual([{ title: 'First' }])
  })

  // TypeORM 0.3 writes an object default as its JSON between quotes it does not double (1.x doubles them): the
  // migration failed with a syntax error on `'{"note":"it's"}'`.
  it(`writes an object default holding a quote as a literal the server reads, with the project's TypeORM ${label}`, async () => {
    write('entities/blog.ts', entities(150, `@Column({ nullable: true }) subtitle: string
    @Column('jsonb', { default: { note: "it's" } }) settings: object`))
    expect(cli('upgrade')).toMatchObject({ code: 0 })
    expect(cli('generate', 'Settings', '--timestamp', '1700000002000')).toMatchObject({ code: 0 })
    expect(cli('upgrade')).toMatchObject({ code: 0 })
    expect(cli('check')).toMatchObject({ code: 0 })
    await db.query(`INSERT INTO post (title) VALUES ('Second')`)
    expect(await db.query(`SELECT settings FROM post WHERE title = 'Second'`)).toEqual([{ settings: { note: "it's" } }])
    expect(cli('downgrade')).toMatchObject({ code: 0 })
  })

  // TypeORM 0.3's SQLite driver writes the list default of a simple-enum array bare, DEFAULT (ghost,admin): SQLite
  // refused the migration. 1.x quotes it.
  it(`writes the list default of a simple-enum array on SQLite as a string, with the project's TypeORM ${label}`, () => {
    write('sqlite.config.ts', `import 'reflect-metadata'
  import { DataSource } from 'typeorm'
  export default new DataSource({
    type: 'better-sqlite3', database: __dirname + '/crew.sqlite',
    entities: [__dirname + '/sqlite-entities/*.ts'], migrations: [__dirname + '/sqlite-migrations/*.ts'],
  })
  `)
    write('sqlite-entities/crew.ts', `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
  @Entity()
  export class Crew {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'simple-enum', enum: ['admin', 'editor', 'ghost'], array: true, default: ['ghost', 'admin'] }) roles: string[]
  }
  `)
    expect(cli('generate', 'Crew', '-c', 'sqlite.config.ts', '--timestamp', '1700000000000')).toMatchObject({ code: 0 })
    expect(fs.readFileSync(path.join(dir, 'sqlite-migrations', '1700000000000-Crew.ts'), 'utf8')).toContain(`"roles" varchar NOT NULL DEFAULT 'ghost,admin'`)
    expect(cli('upgrade', '-c', 'sqlite.config.ts')).toMatchObject({ code: 0 })
    expect(cli('check', '-c', 'sqlite.config.ts')).toMatchObject({ code: 0 })
  })

  // TypeORM 0.3 quotes the source of a function default of an enum column before calling it (1.x calls it): the
  // migration wrote DEFAULT '() => "'{b}'"', which PostgreSQL refuses.
  it(`writes what a function default of an enum column returns, with the project's TypeORM ${label}`, async () => {
    write('entities/blog.ts', entities(150, `@Column({ nullable: true }) subtitle: string
    @Column('jsonb', { default: { note: "it's" } }) settings: object
    @Column({ type: 'enum', enum: ['a', 'b'], array: true, default: () => "'{b}'" }) kinds: string[]
    @Column({ type: 'enum', enum: ['x', 'y'], enumName: 'tone', default: () => "'y'" }) tone: string`))
    expect(cli('upgrade')).toMatchObject({ code: 0 })
    expect(cli('generate', 'Kinds', '--timestamp', '1700000003000')).toMatchObject({ code: 0 })
    expect(cli('upgrade')).toMatchObject({ code: 0 })
    expect(cli('check')).toMatchObject({ code: 0 })
    await db.query(`INSERT INTO post (title) VALUES ('Third')`)
    expect(await db.query(`SELECT kinds, tone FROM post WHERE title = 'Third'`)).toEqual([{ kinds: '{b}', tone: 'y' }])
    expect(cli('downgrade')).toMatchObject({ code: 0 })
  })
})
