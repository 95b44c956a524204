import type { TableModel } from '../../model/schema-model'
import { UserError } from '../../source/user-error'

/** The table options an entity's `engine` may carry after the engine's name, and what each sets. */
const tableOptions: readonly { readonly pattern: RegExp; readonly sets: 'charset' | 'collation' }[] = [
  { pattern: /^(?:DEFAULT\s+)?(?:CHARSET|CHARACTER\s+SET)\s*=?\s*(\w+)/i, sets: 'charset' },
  { pattern: /^(?:DEFAULT\s+)?COLLATE\s*=?\s*(\w+)/i, sets: 'collation' },
]

/**
 * withEngineOptions reads an entity's `engine` as TypeORM writes it, after `ENGINE=` as it is: an engine's name,
 * then, as projects use it (Spacebar's `InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`), table
 * options: the table's default charset and collation, which its columns without their own take. Any other
 * option is refused, naming it, as it would be written into the table but never compared.
 */
export function withEngineOptions(table: TableModel): TableModel {
  if (table.engine === undefined) return table
  const name = /^\s*(\w+)/.exec(table.engine)
  if (name === null) return table
  let rest = table.engine.slice(name[0].length).replace(/^[\s,]+/, '')
  const declared: { charset?: string; collation?: string } = {}
  while (rest !== '') {
    const option = tableOptions.find((o) => o.pattern.test(rest))
    if (option === undefined) {
      throw new UserError(`"${table.name}": its engine option "${table.engine}" holds "${rest}", a table option other than ` +
        'the default charset and collation, which TypeORM writes but never compares: remove it from the entity\'s engine, then run again')
    }
    const [matched, value] = option.pattern.exec(rest)!
    declared[option.sets] = value!.toLowerCase()
    rest = rest.slice(matched.length).replace(/^[\s,]+/, '')
  }
  return { ...table, engine: name[1]!, ...declared }
}
