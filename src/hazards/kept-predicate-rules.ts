import { quoteDoubled } from '../dialect/quote'
import { enumTypeKey } from '../model/enum-type-key'
import { typeText } from '../model/type-text'
import { predicateMentionsColumn } from '../operations/rename-identifier'
import type { HazardFinding } from './hazard-finding'
import { columnText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * keptPredicateFindings: INDEX_PREDICATE_OLD_TYPE where a column goes to, from or between enum types (named
 * database objects, dialect.capabilities.enumTypes) while a partial index still standing when it changes reads
 * it in its WHERE. The database rebuilds that index from its text, whose constants have the old type
 * (`'a'::text` beside an enum, `'a'::mood` beside text), and refuses it, so the migration fails there. The
 * entities' own partial indexes are dropped before such a change and created after (see retypedPredicates);
 * those left standing are the ones whose text is the database's own (`synchronize: false`, made by a
 * migration), which only their author can write for the new type.
 */
export function keptPredicateFindings(context: RuleContext): HazardFinding[] {
  const { changes, dialect } = context.input
  if (!dialect.capabilities.enumTypes) return []
  return changes.ops.flatMap((op, index): HazardFinding[] => {
    if (op.kind !== 'alter_column' || enumTypeKey(op.from) === enumTypeKey(op.to)) return []
    const readers = (changes.tableBefore(index)?.indexes ?? []).filter((x) => x.where !== undefined && predicateMentionsColumn(x, op.from.name))
    if (readers.length === 0) return []
    const names = readers.map((x) => quoteDoubled(x.name)).join(', ')
    const several = readers.length > 1
    return [{
      code: 'INDEX_PREDICATE_OLD_TYPE',
      operation: op,
      what: `Changes ${columnText(op.table, op.from.name)} from ${typeText(op.from)} to ${typeText(op.to)} while ${several ? 'indexes' : 'index'} ${names} ${several ? 'read' : 'reads'} it in ${several ? 'their' : 'its'} WHERE: the database rebuilds ${several ? 'them' : 'it'} from ${several ? 'their' : 'its'} text, whose constants keep the old type, and the migration fails there`,
      advice: `in the migration, drop ${several ? 'them' : 'it'} before the change and create ${several ? 'them' : 'it'} again after with a WHERE written for the new type, in up and in down`,
    }]
  })
}
