import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { allDialects, type TestDatabase } from '../support/test-database'

// A new user's app, as issue 7 found it: `src/data-source.ts` instead of ./ormconfig.ts, strict TypeScript,
// `paths` aliases, a glob of entities, a snake_case naming strategy, `@RenamedFrom` from the dependency-free
// entry, and a DataSource that runs compiled migrations from dist/. The whole lifecycle runs through the
// built CLI; the generated files also compile under the app's own strict tsconfig.

// Each step builds and runs a whole app (tsc, generate, upgrade) and takes most of a minute on a loaded two-core machine.
jest.setTimeout(240_000)

const repoRoot = resolve(__dirname, '../..')

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'new-user-app', private: true }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2021', module: 'commonjs', strict: true, strictPropertyInitialization: false,
      experimentalDecorators: true, emitDecoratorMetadata: true, esModuleInterop: true, skipLibCheck: true,
      outDir: 'dist', rootDir: 'src', baseUrl: '.', paths: { '@/*': ['src/*'] },
    },
    include: ['src'],
  }),
  'src/enums.ts': "export enum Role { Admin = 'admin', Member = 'member' }\n",
  'src/snake-naming.ts': `
import { DefaultNamingStrategy, type NamingStrategyInterface } from 'typeorm'
const snake = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  tableName(className: string, customName?: string): string { return customName ?? snake(className) }
  columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snake([...prefixes, customName ?? propertyName].join('_'))
  }
}
`,
  'src/entities/blog-post.ts': `
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { UserAccount } from './user-account'

@Entity()
export class BlogPost {
  @PrimaryGeneratedColumn() id: number
  @Index() @Column() title: string
  @Column('text') body: string
  @ManyToOne(() => UserAccount, (u) => u.posts, { onDelete: 'CASCADE' }) author: UserAccount
}
`,
}

const userAccount = (nameColumn: string, extra = '') => `
import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from 'typeorm-autogen/decorators'
import { Role } from '@/enums'
import { BlogPost } from './blog-post'

@Entity()
export class UserAccount {
  @PrimaryGeneratedColumn() id: number
  ${nameColumn}
  @Column({ type: 'varchar', nullable: true }) nickName: string | null
  @Column({ type: 'simple-enum', enum: Role, default: Role.Member }) role: Role
  @CreateDateColumn() createdAt: Date
  @OneToMany(() => BlogPost, (p) => p.author) posts: BlogPost[]
  ${extra}
}
void RenamedFrom
`

const dataSource = (db: TestDatabase) => `
import 'reflect-metadata'
import { DataSource } from 'typeorm'
import { SnakeNamingStrategy } from '@/snake-naming'

export const AppDataSource = new DataSource({
  ...${JSON.stringify(db.options)},
  entities: [__dirname + '/entities/*.{ts,js}'],
  migrations: ['dist/migrations/*.js'],
  namingStrategy: new SnakeNamingStrategy(),
})

export const autogen = { migrationsDir: 'src/migrations' }
`

describe.each(allDialects('new_user_app'))('a new user\'s app on %s', (_label, setup) => {
  let db: TestDatabase
  let project: TempProject
  const cli = (...args: string[]) => runCliInProcess(project.dir, [...args, '-c', 'src/data-source.ts'])
  const migrations = () => readdirSync(project.file('src/migrations')).filter((f) => f.endsWith('.ts')).sort()

  beforeAll(async () => {
    db = await setup()
    project = tempProject({
      ...files,
      'src/entities/user-account.ts': userAccount('@Column() displayName: string'),
      'src/data-source.ts': dataSource(db),
    })
    // The app's own copy of the tool, as `npm install -D typeorm-autogen` leaves it.
    mkdirSync(project.file('src/node_modules'))
    symlinkSync(repoRoot, project.file('src/node_modules/typeorm-autogen'), 'dir')
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })

  it('refuses to write into dist/ until autogen.migrationsDir names the source folder', async () => {
    project.write('src/data-source.ts', dataSource(db).replace("export const autogen = { migrationsDir: 'src/migrations' }", ''))
    const run = await cli('generate', 'Init')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/dist\/migrations\/\*\.js.*autogen\.migrationsDir/)
    expect(existsSync(project.file('dist'))).toBe(false)
    project.write('src/data-source.ts', dataSource(db))
  })

  it('generates, upgrades and checks clean, naming the database first', async () => {
    const generated = await cli('generate', 'Init', '--timestamp', '1700000000000')
    expect(generated.stderr).toBe('')
    expect(generated.code).toBe(0)
    expect(generated.stdout).toMatch(/^Database: /)
    expect(migrations()).toEqual(['1700000000000-Init.ts'])
    const source = readFileSync(project.file('src/migrations/1700000000000-Init.ts'), 'utf8')
    expect(source).toMatch(/["`]user_account\\?["`]/)
    expect(source).toMatch(/["`]display_name\\?["`]/)
    expect(source).toMatch(/["`]author_id\\?["`]/)
    expect((await cli('upgrade')).code).toBe(0)
    expect((await cli('check')).code).toBe(0)
    expect(afterDatabaseLine((await cli('status')).stdout).trim()).toBe('[applied] Init1700000000000')
    await db.query(`INSERT INTO user_account (display_name, role) VALUES ('Ada', 'admin')`)
    await db.query(`INSERT INTO blog_post (title, body, author_id) VALUES ('Hello', 'First post', 1)`)
  })

  it('renames through @RenamedFrom and adds a column in one migration, keeping the rows', async () => {
    project.write('src/entities/user-account.ts', userAccount(
      "@RenamedFrom('display_name') @Column() fullName: string",
      "@Column({ type: 'text', nullable: true }) bio: string | null",
    ))
    const generated = await cli('generate', 'RenameAndBio', '--timestamp', '1700000001000')
    expect(generated.stderr).toBe('')
    expect(generated.code).toBe(0)
    const source = readFileSync(project.file('src/migrations/1700000001000-RenameAndBio.ts'), 'utf8')
    expect(source).toMatch(/RENAME COLUMN (IF EXISTS )?\\?["`]display_name\\?["`] TO \\?["`]full_name\\?["`]/)
    expect((await cli('upgrade')).code).toBe(0)
    expect((await cli('check')).code).toBe(0)
    expect(await db.query('SELECT full_name, bio FROM user_account')).toEqual([{ full_name: 'Ada', bio: null }])
  })

  it('writes migrations that compile under the app\'s strict tsconfig into the folder the DataSource runs', () => {
    const tsc = spawnSync(process.execPath, [resolve(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: project.dir, encoding: 'utf8',
    })
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.status).toBe(0)
    expect(readdirSync(project.file('dist/migrations')).filter((f) => f.endsWith('.js')).sort())
      .toEqual(['1700000000000-Init.js', '1700000001000-RenameAndBio.js'])
  })

  it('downgrades step by step, back to the first schema with its rows, then to nothing', async () => {
    expect((await cli('downgrade')).code).toBe(0)
    expect(await db.query('SELECT display_name FROM user_account')).toEqual([{ display_name: 'Ada' }])
    expect((await cli('downgrade')).code).toBe(0)
    project.write('src/entities/user-account.ts', userAccount('@Column() displayName: string'))
    const check = await cli('check')
    expect(check.code).toBe(1)
    expect(afterDatabaseLine(check.stderr)).toMatch(/pending: run `typeorm-autogen upgrade`/)
  })
})
