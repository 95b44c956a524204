import { hazardCodes, type Severity, severities } from '../hazards/hazard'
import { warningCodes } from '../hazards/warning'
import { UserError } from './user-error'

/**
 * AutogenSettings are the tool's own settings, exported from the config file as `export const autogen = {...}`
 * next to the DataSource.
 */
export interface AutogenSettings {
  /** Where migration files are written (the source folder); default: see migrationsTarget. */
  readonly migrationsDir?: string
  /** Tables never read or diffed, beyond TypeORM's own. */
  readonly ignoreTables?: readonly string[]
  /**
   * Leave the database's names of indexes, constraints and enum types as they are where the entities keep
   * the same object under another name; default false: they are renamed where the database can do so in place.
   */
  readonly keepDatabaseNames?: boolean
  /** The lowest severity of hazard shown, in files and output: `info` (default, notes too), `warning` or `danger`. */
  readonly minSeverity?: Severity
  /** Codes of hazards, notes or warnings never shown (README, "Hazards" and "Warnings"). */
  readonly ignore?: readonly string[]
  /** `generate` and `diff` write the online forms (as `--online`) unless `--no-online` says otherwise; default false. */
  readonly online?: boolean
  /** Commands run over each new migration file before it is written, its path appended (`prettier --write`). */
  readonly postWrite?: readonly string[]
}

const settingNames: readonly string[] = ['migrationsDir', 'ignoreTables', 'keepDatabaseNames', 'minSeverity', 'ignore', 'online', 'postWrite'] satisfies readonly (keyof AutogenSettings)[]

const knownCodes: ReadonlySet<string> = new Set([...hazardCodes, ...warningCodes])

/** readAutogenSettings checks the `autogen` export of the config file `configLabel` and returns it. */
export function readAutogenSettings(value: unknown, configLabel: string): AutogenSettings {
  if (value === undefined) return {}
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(`the autogen export of ${configLabel} must be an object like { migrationsDir: 'migrations' }`)
  }
  const raw = value as Record<string, unknown>
  const unknown = Object.keys(raw).find((key) => !settingNames.includes(key))
  if (unknown !== undefined) {
    const near = settingNames.find((name) => name.toLowerCase().replace(/s/g, '') === unknown.toLowerCase().replace(/s/g, ''))
    throw new UserError(`autogen.${unknown} in ${configLabel} is no setting${near === undefined ? '' : ` (did you mean ${near}?)`}: the settings are ${settingNames.join(', ')}`)
  }
  const settings: {
    migrationsDir?: string; ignoreTables?: readonly string[]; keepDatabaseNames?: boolean; minSeverity?: Severity; ignore?: readonly string[]; online?: boolean
    postWrite?: readonly string[]
  } = {}
  if (raw.migrationsDir !== undefined) {
    if (typeof raw.migrationsDir !== 'string' || raw.migrationsDir === '') {
      throw new UserError(`autogen.migrationsDir in ${configLabel} must be a non-empty folder path`)
    }
    settings.migrationsDir = raw.migrationsDir
  }
  if (raw.ignoreTables !== undefined) {
    const tables = raw.ignoreTables
    if (!Array.isArray(tables) || tables.some((t) => typeof t !== 'string')) {
      throw new UserError(`autogen.ignoreTables in ${configLabel} must be an array of table names`)
    }
    settings.ignoreTables = [...tables]
  }
  for (const name of ['keepDatabaseNames', 'online'] as const) {
    if (raw[name] === undefined) continue
    if (typeof raw[name] !== 'boolean') throw new UserError(`autogen.${name} in ${configLabel} must be true or false`)
    settings[name] = raw[name]
  }
  if (raw.minSeverity !== undefined) {
    if (!severities.includes(raw.minSeverity as Severity)) {
      throw new UserError(`autogen.minSeverity in ${configLabel} must be one of ${severities.map((s) => `'${s}'`).join(', ')}`)
    }
    settings.minSeverity = raw.minSeverity as Severity
  }
  if (raw.ignore !== undefined) {
    const codes = raw.ignore
    if (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string')) {
      throw new UserError(`autogen.ignore in ${configLabel} must be an array of codes, like ['DROP_INDEX']`)
    }
    const unknown = codes.find((c) => !knownCodes.has(c))
    if (unknown !== undefined) {
      throw new UserError(`autogen.ignore in ${configLabel} names "${unknown}", which is no hazard or warning code: use a code of the README's Hazards or Warnings table`)
    }
    settings.ignore = [...codes]
  }
  if (raw.postWrite !== undefined) {
    const commands = typeof raw.postWrite === 'string' ? [raw.postWrite] : raw.postWrite
    if (!Array.isArray(commands) || commands.some((c) => typeof c !== 'string' || c.trim() === '')) {
      throw new UserError(`autogen.postWrite in ${configLabel} must be a command or an array of commands, like 'prettier --write'`)
    }
    settings.postWrite = [...commands]
  }
  return settings
}
