import type { QualifiedName } from '../model/schema-model'
import type { SnapshotRead } from './entities-snapshot'

/**
 * formerSchemaTables are the tables the entities of the last `generate` (its snapshot) had in schemas no entity
 * uses now: every entity of the schema removed, or moved to another schema. Those tables are read, so that the
 * diff drops them, or asks whether they moved, as it does in a schema still used; the rest of the schema is left
 * alone. Unread, a schema's last tables stayed, and entities moved to another schema got new empty tables there,
 * their rows left behind without a word.
 */
export function formerSchemaTables(snapshot: SnapshotRead, readSchemas: readonly string[]): QualifiedName[] {
  if (snapshot.kind !== 'read') return []
  return snapshot.facts.tables.flatMap((t) => (t.schema !== undefined && !readSchemas.includes(t.schema) ? [{ schema: t.schema, name: t.name }] : []))
}
