import * as fs from 'node:fs'
import * as path from 'node:path'
import type { DataSource } from 'typeorm'
import { type AutogenSettings, readAutogenSettings } from './autogen-settings'
import { unparsableImport } from './unparsable-import'
import { pickDataSource } from './data-source-export'
import { refuseForeignTypeorm } from './typeorm-copy'
import { loadsMigrationsFromSubfolders, resolveMigrationsDir } from './migrations-dir'
import { entityCacheOn } from './entity-cache'
import { type RecordedInputs, recordInputs } from './input-recorder'
import { importModule, registerTypeScriptLoader } from './typescript-loader'
import { javaScriptSyntaxError } from './javascript-syntax-error'
import { driverLoadFailure } from '../dialect/require-driver'
import { UserError, messageOf } from './user-error'
import { withNodeNavigator } from './node-navigator'
import { withConfigConnectionsClosed } from './config-connections'

/** LoadedProject is a config file loaded: its DataSource (never connected by loading) and the tool's settings. */
export interface LoadedProject {
  readonly dataSource: DataSource
  readonly settings: AutogenSettings
  /** Absolute folder migration files are written to. */
  readonly migrationsDir: string
  /** The DataSource's `migrations` globs load files from the subfolders of `migrationsDir` too (`migrations/**` globs). */
  readonly migrationsInSubfolders: boolean
  /** Absolute path of the config file. */
  readonly configPath: string
  /** What loading the config read, where it was loaded for the entity cache (see entity-cache). */
  readonly configInputs?: RecordedInputs
}

/** LoadOptions say what a command will do with the project. */
export interface LoadOptions {
  /** The comparison may take the entities' reading from the entity cache: what the config reads is recorded. */
  readonly entityCache?: boolean
}

/** Where projects keep the DataSource TypeORM's CLI is given with -d, most usual first. */
const likelyConfigs = [
  'data-source.ts', 'src/data-source.ts', 'src/db/data-source.ts', 'src/database/data-source.ts', 'src/config/data-source.ts',
  'typeorm.config.ts', 'src/typeorm.config.ts', 'src/ormconfig.ts', 'ormconfig.js', 'data-source.js', 'src/data-source.js',
]

/** likelyConfigsText names the files of likelyConfigs the current folder has, for the line that says none was given. */
function likelyConfigsText(): string {
  const found = likelyConfigs.filter((file) => fs.existsSync(path.resolve(file)))
  return found.length === 0 ? '' : ` (this folder has ${found.map((file) => `-c ${file}`).join(', ')})`
}

/**
 * folderAboveWith finds the folder above the current one that holds `configPath` (a relative path), up to the
 * project's folder (where package.json is): the folder to run from, when run from one of its subfolders.
 */
function folderAboveWith(configPath: string): string | undefined {
  if (path.isAbsolute(configPath)) return undefined
  let folder = process.cwd()
  while (!fs.existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder)
    if (parent === folder) return undefined
    folder = parent
    if (fs.existsSync(path.join(folder, configPath))) return folder
  }
  return undefined
}

/** configNotFound is the line for a config file that is not there, saying where it is when run from a subfolder. */
function configNotFound(configPath: string): UserError {
  const above = folderAboveWith(configPath)
  if (above !== undefined) {
    return new UserError(`config file ${configPath} not found here, but in ${above}: run from that folder (cd ${above}), against which ` +
      "the DataSource's relative paths and globs are read")
  }
  return new UserError(`config file ${configPath} not found: pass -c/--config FILE${likelyConfigsText()}`)
}

/**
 * loadProject loads the config file at `configPath` (TypeScript, CommonJS or ESM) that exports a TypeORM
 * DataSource, like TypeORM's own CLI expects, and an optional `autogen` settings object. It never connects:
 * the DataSource is returned uninitialized, with synchronize, migrationsRun and dropSchema switched off.
 * Every failure is a UserError.
 */
export async function loadProject(configPath: string, options: LoadOptions = {}): Promise<LoadedProject> {
  const absolute = path.resolve(configPath)
  if (!fs.existsSync(absolute)) throw configNotFound(configPath)
  if (fs.statSync(absolute).isDirectory()) {
    throw new UserError(`${configPath} is a folder: pass the config file in it with -c/--config FILE, e.g. -c ${path.join(configPath, 'data-source.ts')}`)
  }
  refuseForeignTypeorm(absolute)
  registerTypeScriptLoader()
  const load = async () => {
    const exported = await withConfigConnectionsClosed(() => withNodeNavigator(() => loadConfigModule(absolute, configPath)))
    try {
      return await pickDataSource(exported, configPath)
    } catch (err) {
      if (err instanceof UserError) throw err
      throw failedToLoad(configPath, err)
    }
  }
  const { value: picked, inputs: configInputs } = options.entityCache === true && entityCacheOn() ? await recordInputs(load) : { value: await load(), inputs: undefined }
  const { dataSource } = picked
  const settings = readAutogenSettings(picked.autogen, configPath)
  dataSource.setOptions({ synchronize: false, migrationsRun: false, dropSchema: false })
  const migrationsDir = resolveMigrationsDir(dataSource, settings, process.cwd(), absolute)
  return {
    dataSource,
    settings,
    migrationsDir,
    migrationsInSubfolders: loadsMigrationsFromSubfolders(dataSource, migrationsDir),
    configPath: absolute,
    ...(configInputs !== undefined && { configInputs }),
  }
}

async function loadConfigModule(absolute: string, configPath: string): Promise<unknown> {
  try {
    return await importModule(absolute)
  } catch (err) {
    // A syntax error (in the config or a file it imports) already names its file, line and column.
    if (err instanceof UserError) throw err
    throw failedToLoad(configPath, err)
  }
}

function failedToLoad(configPath: string, err: unknown): UserError {
  const known = javaScriptSyntaxError(err) ?? driverLoadFailure(err)
  if (known !== undefined) return known
  const unparsable = err instanceof SyntaxError ? unparsableImport(path.resolve(configPath)) : undefined
  if (unparsable !== undefined) {
    const file = path.relative(process.cwd(), unparsable) || unparsable
    const via = unparsable === path.resolve(configPath) ? '' : ` (imported by config file ${configPath})`
    return new UserError(`${file}: ${messageOf(err).replace(/\.$/, '')}${via}: fix it, then run again`, { cause: err })
  }
  return new UserError(`config file ${configPath} failed to load: ${messageOf(err)}: fix the config or what it imports`, {
    cause: err,
  })
}
