import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const repoRoot = path.resolve(__dirname, '../..')

/** TempProject is a throwaway folder with files in it that can import `typeorm` like a real project. */
export interface TempProject {
  readonly dir: string
  /** file is the absolute path of a file in the project. */
  file(relative: string): string
  write(relative: string, text: string): string
  remove(): void
}

/** tempProject makes a folder under the OS temp dir whose node_modules is this repository's. */
export function tempProject(files: Record<string, string> = {}): TempProject {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'autogen-project-')))
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  const project: TempProject = {
    dir,
    file: (relative) => path.join(dir, relative),
    write(relative, text) {
      const target = path.join(dir, relative)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.writeFileSync(target, text)
      return target
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  }
  for (const [relative, text] of Object.entries(files)) project.write(relative, text)
  return project
}

/** ConfigParts are the pieces of a generated ormconfig.ts around its DataSource. */
export interface ConfigParts {
  /** The `entities` option, as source text. */
  readonly entities: string
  readonly imports?: string
  /** More DataSource options, as source text ending in a comma. */
  readonly options?: string
  /** More exports after the DataSource. */
  readonly extra?: string
}

/**
 * sqliteConfig is an ormconfig.ts whose default export is a better-sqlite3 DataSource over a database file
 * `data/app.sqlite` next to it (which loading must not create).
 */
export function sqliteConfig(parts: ConfigParts): string {
  return [
    "import { DataSource } from 'typeorm'",
    "import * as path from 'node:path'",
    parts.imports ?? '',
    'export default new DataSource({',
    "  type: 'better-sqlite3',",
    "  database: path.join(__dirname, 'data', 'app.sqlite'),",
    `  entities: ${parts.entities},`,
    parts.options ?? '',
    '})',
    parts.extra ?? '',
  ].join('\n')
}

/**
 * handMigrationsConfig is an ormconfig.ts over `options` with no entities and the migrations of `migrations/`,
 * written by hand: the tables they make are `ignoreTables`, so that no comparison with the entities drops them.
 */
export function handMigrationsConfig(options: object, ignoreTables: readonly string[]): string {
  return [
    "import { DataSource } from 'typeorm'",
    `export default new DataSource({ ...${JSON.stringify(options)}, entities: [], migrations: ['migrations/*.ts'] })`,
    `export const autogen = { ignoreTables: ${JSON.stringify(ignoreTables)} }`,
  ].join('\n')
}
