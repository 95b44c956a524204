import * as fs from 'node:fs'
import * as path from 'node:path'
import { Client } from 'pg'
import { type BenchDialect, postgresServer, scratchRoot } from './bench-settings'
import { editPlan } from './edit-plan'
import { entityFileName, entitySource } from './entity-source'

/** BenchProject is one generated project: N entity files, an ormconfig.ts and the database it points at. */
export interface BenchProject {
  readonly dialect: BenchDialect
  readonly size: number
  readonly dir: string
  readonly configPath: string
  /** The PostgreSQL database name or the SQLite file path. */
  readonly database: string
}

/** writeBenchProject (re)creates `.data/bench/<dialect>-<n>/` with its entities and config; no database yet. */
export function writeBenchProject(dialect: BenchDialect, size: number): BenchProject {
  const dir = path.join(scratchRoot, `${dialect}-${size}`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.join(dir, 'entities'), { recursive: true })
  for (let i = 0; i < size; i++) {
    fs.writeFileSync(path.join(dir, 'entities', entityFileName(i)), entitySource(i, dialect))
  }
  const database =
    dialect === 'postgres'
      ? `autogen_bench_${size}_${Math.random().toString(36).slice(2, 10)}`
      : path.join(dir, 'bench.sqlite')
  const configPath = path.join(dir, 'ormconfig.ts')
  fs.writeFileSync(configPath, configSource(dialect, database))
  return { dialect, size, dir, configPath, database }
}

function configSource(dialect: BenchDialect, database: string): string {
  const connection =
    dialect === 'postgres'
      ? `type: 'postgres', host: '${postgresServer.host}', port: ${postgresServer.port}, username: '${postgresServer.user}', database: '${database}',`
      : `type: 'better-sqlite3', database: ${JSON.stringify(database)},`
  return [
    `import 'reflect-metadata'`,
    `import * as path from 'node:path'`,
    `import { DataSource } from 'typeorm'`,
    '',
    'export default new DataSource({',
    `  ${connection}`,
    `  entities: [path.join(__dirname, 'entities', '*.ts')],`,
    '  synchronize: false,',
    '  logging: false,',
    '})',
    '',
  ].join('\n')
}

/** applyEdits rewrites the entity files named by the edit plan; returns how many files changed. */
export function applyEdits(project: BenchProject): number {
  const plan = editPlan(project.size)
  for (const [i, edits] of plan) {
    fs.writeFileSync(path.join(project.dir, 'entities', entityFileName(i)), entitySource(i, project.dialect, edits))
  }
  return plan.size
}

/** createDatabase makes the empty database (PostgreSQL) or removes a stale SQLite file. */
export async function createDatabase(project: BenchProject): Promise<void> {
  if (project.dialect === 'sqlite') {
    fs.rmSync(project.database, { force: true })
    return
  }
  await adminQuery(`CREATE DATABASE "${project.database}"`)
}

/** dropDatabase removes the project's database; the generated entity files stay for inspection. */
export async function dropDatabase(project: BenchProject): Promise<void> {
  if (project.dialect === 'sqlite') {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(project.database + suffix, { force: true })
    return
  }
  await adminQuery(`DROP DATABASE IF EXISTS "${project.database}" WITH (FORCE)`)
}

/** adminQuery runs one statement on the PostgreSQL server's `postgres` database. */
export async function adminQuery<Row = Record<string, unknown>>(sql: string): Promise<Row[]> {
  const client = new Client({ ...postgresServer, database: 'postgres' })
  await client.connect()
  try {
    return (await client.query(sql)).rows as Row[]
  } finally {
    await client.end()
  }
}
