import * as fs from 'node:fs'
import * as path from 'node:path'
import { type BenchDialect, benchDialects } from './bench-dialects'
import { scratchRoot } from './bench-settings'
import { editPlan, wideEdits } from './edit-plan'
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
  const database = benchDialects[dialect].newDatabase(dir, size)
  const configPath = path.join(dir, 'ormconfig.ts')
  fs.writeFileSync(configPath, configSource(dialect, database))
  return { dialect, size, dir, configPath, database }
}

function configSource(dialect: BenchDialect, database: string): string {
  const connection = benchDialects[dialect].connectionSource(database)
  return [
    `import 'reflect-metadata'`,
    `import * as path from 'node:path'`,
    `import { DataSource } from 'typeorm'`,
    '',
    'export default new DataSource({',
    `  ${connection}`,
    // The config's own extension: ormconfig.ts loads entities/*.ts, its build dist/ormconfig.js dist/entities/*.js.
    `  entities: [path.join(__dirname, 'entities', \`*\${path.extname(__filename)}\`)],`,
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

/** applyWideEdits rewrites every entity file with wideEdits. */
export function applyWideEdits(project: BenchProject): void {
  for (let i = 0; i < project.size; i++) {
    fs.writeFileSync(path.join(project.dir, 'entities', entityFileName(i)), entitySource(i, project.dialect, wideEdits))
  }
}

/** createDatabase makes the empty database (or removes a stale database file). */
export async function createDatabase(project: BenchProject): Promise<void> {
  await benchDialects[project.dialect].create(project.database)
}

/** dropDatabase removes the project's database; the generated entity files stay for inspection. */
export async function dropDatabase(project: BenchProject): Promise<void> {
  await benchDialects[project.dialect].drop(project.database)
}
