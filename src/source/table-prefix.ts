import type { DataSource } from 'typeorm'

/**
 * TablePrefix is the DataSource's `entityPrefix` as TypeORM puts it before every table name, entity, junction and
 * closure tables alike (the naming strategy's prefixTableName), after deriving the name from the unprefixed
 * names of the tables it comes from.
 */
export interface TablePrefix {
  /** The table name TypeORM makes of `derived`, a name the naming strategy derived. */
  add(derived: string): string
  /** The unprefixed name of table `name` (one that does not begin with the prefix as it is). */
  strip(name: string): string
}

export function tablePrefixOf(dataSource: DataSource): TablePrefix {
  const { options: { entityPrefix }, namingStrategy: naming } = dataSource
  if (!entityPrefix) return { add: (derived) => derived, strip: (name) => name }
  const lead = naming.prefixTableName(entityPrefix, '')
  return {
    add: (derived) => naming.prefixTableName(entityPrefix, derived),
    strip: (name) => (lead !== '' && name.startsWith(lead) ? name.slice(lead.length) : name),
  }
}
