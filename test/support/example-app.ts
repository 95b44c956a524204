import { cpSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type TempProject, tempProject } from './temp-project'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from './test-database'

/** exampleAppRoot is the repository's own folder, where the example application's ormconfig.ts and entities/ are. */
export const exampleAppRoot = resolve(__dirname, '../..')

/** ExampleAppDatabase is a fresh database and the environment that points the example's ormconfig.ts at it. */
export interface ExampleAppDatabase {
  readonly db: TestDatabase
  readonly env: Record<string, string>
  /** The folder under migrations/ that ormconfig.ts picks for this database. */
  readonly migrationsFolder: string
}

/**
 * exampleAppDatabases make, per dialect, a database for the example application: its ormconfig.ts reads the
 * SQLite default (migrations/sqlite) unless DATABASE_URL names a PostgreSQL one (migrations/postgres) or a
 * MariaDB one (migrations/mysql).
 */
export const exampleAppDatabases: [dialect: 'sqlite' | 'postgres' | 'mariadb', setup: () => Promise<ExampleAppDatabase>][] = [
  ['sqlite', async () => {
    const db = await createSqliteDatabase()
    return { db, env: { DATABASE_URL: '', AUTOGEN_SQLITE_FILE: (db.options as { database: string }).database }, migrationsFolder: 'sqlite' }
  }],
  ['postgres', async () => {
    const db = await createPostgresDatabase('example')
    const { host, port, username, database } = db.options as { host: string; port: number; username: string; database: string }
    return { db, env: { DATABASE_URL: `postgres://${username}@${host}:${port}/${database}` }, migrationsFolder: 'postgres' }
  }],
  ['mariadb', async () => {
    const db = await createMariaDbDatabase('example')
    const { host, port, username, database } = db.options as { host: string; port: number; username: string; database: string }
    return { db, env: { DATABASE_URL: `mariadb://${username}@${host}:${port}/${database}` }, migrationsFolder: 'mysql' }
  }],
]

/** exampleAppProject is a temp project holding a copy of the example application: ormconfig.ts, entities/, the compiler options. */
export function exampleAppProject(): TempProject {
  const project = tempProject({ 'ormconfig.ts': readFileSync(join(exampleAppRoot, 'ormconfig.ts'), 'utf8') })
  cpSync(join(exampleAppRoot, 'entities'), project.file('entities'), { recursive: true })
  const { compilerOptions } = JSON.parse(readFileSync(join(exampleAppRoot, 'tsconfig.json'), 'utf8')) as { compilerOptions: unknown }
  project.write('tsconfig.json', JSON.stringify({ compilerOptions }))
  return project
}

/** exampleAppEdit is an edit of the example's entities touching one of each common change: add, widen, index, drop. */
export const exampleAppEdit: readonly (readonly [file: string, from: string, to: string])[] = [
  ['entities/author.entity.ts', '  @Column({ default: true })\n', "  @Column({ type: 'varchar', length: 200, nullable: true })\n  website: string | null\n\n  @Column({ default: true })\n"],
  ['entities/tag.entity.ts', "@Column({ type: 'varchar', length: 50 })", "@Column({ type: 'varchar', length: 80 })"],
  ['entities/tag.entity.ts', '  @Column({ default: false })\n  featured: boolean\n\n', ''],
  ['entities/post.entity.ts', '  @Column({ default: 0 })\n  views: number', '  @Index()\n  @Column({ default: 0 })\n  views: number'],
]

/** editExampleApp makes exampleAppEdit in a copy of the example application, failing where its entities no longer hold the text replaced. */
export function editExampleApp(project: TempProject): void {
  for (const [file, from, to] of exampleAppEdit) {
    const text = readFileSync(project.file(file), 'utf8')
    if (!text.includes(from)) throw new Error(`${file} no longer holds ${JSON.stringify(from)}: update exampleAppEdit`)
    project.write(file, text.replace(from, to))
  }
}
