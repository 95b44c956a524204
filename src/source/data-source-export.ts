import type { DataSource } from 'typeorm'
import { UserError } from './user-error'

/**
 * ConfigExports is what the config file exports, with the DataSource picked out: the default export, or
 * the only exported DataSource; exported Promises are awaited, as TypeORM's own CLI does.
 */
export interface ConfigExports {
  readonly dataSource: DataSource
  /** The `autogen` export, unchecked. */
  readonly autogen: unknown
}

/** pickDataSource finds the DataSource among the exports of the config file `configLabel`. */
export async function pickDataSource(exported: unknown, configLabel: string): Promise<ConfigExports> {
  // CommonJS's `module.exports = dataSource; module.exports.autogen = {...}` hangs the settings on the DataSource.
  if (isDataSource(exported)) return { dataSource: exported, autogen: await (exported as unknown as Record<string, unknown>).autogen }
  if (exported === null || (typeof exported !== 'object' && typeof exported !== 'function')) {
    throw noDataSource(configLabel)
  }
  const named = exported as Record<string, unknown>
  const autogen = await named.autogen
  const fallback = await named.default
  if (isDataSource(fallback)) return { dataSource: fallback, autogen }

  // One DataSource exported under several names is still the only one.
  const namesOf = new Map<DataSource, string[]>()
  for (const key of Object.keys(named)) {
    if (key === 'default' || key === 'autogen') continue
    const value = await named[key]
    if (isDataSource(value)) namesOf.set(value, [...(namesOf.get(value) ?? []), key])
  }
  const [dataSource, ...others] = namesOf.keys()
  if (dataSource === undefined) throw noDataSource(configLabel)
  if (others.length > 0) {
    throw new UserError(
      `${configLabel} exports several DataSources (${[...namesOf.values()].flat().join(', ')}) and no default one: export the one to use as default`,
    )
  }
  return { dataSource, autogen }
}

/** isDataSource recognises a DataSource of any copy of TypeORM, as TypeORM's InstanceChecker does. */
export function isDataSource(value: unknown): value is DataSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)['@instanceof'] === Symbol.for('DataSource')
  )
}

function noDataSource(configLabel: string): UserError {
  return new UserError(
    `${configLabel} exports no TypeORM DataSource: add \`export default new DataSource({...})\` to it`,
  )
}
