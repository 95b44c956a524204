import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stableData } from '../render/stable-json'
import type { DeclaredFacts } from '../source/declared-facts'

/** entitiesSnapshotFileName is the snapshot's name in the migrations folder. */
export const entitiesSnapshotFileName = 'entities.snapshot.json'

/** SnapshotRead is the snapshot of the migrations folder: absent, read, or unreadable with a warning. */
export type SnapshotRead =
  | { readonly kind: 'absent' }
  | { readonly kind: 'read'; readonly facts: DeclaredFacts; readonly migration?: string }
  | { readonly kind: 'unreadable'; readonly warning: string }

/**
 * readEntitiesSnapshot reads `<migrationsDir>/entities.snapshot.json`, the DeclaredFacts `generate` saw when
 * it last wrote a migration, and that migration's name (none in a file written before it was kept). A
 * missing file is no snapshot; a broken one is reported, never fatal.
 */
export function readEntitiesSnapshot(migrationsDir: string): SnapshotRead {
  const file = join(migrationsDir, entitiesSnapshotFileName)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' }
    return { kind: 'unreadable', warning: unreadable(file, (err as NodeJS.ErrnoException).code ?? (err as Error).message) }
  }
  try {
    const { migration, ...parsed } = JSON.parse(text) as { tables?: unknown; migration?: unknown }
    if (!Array.isArray(parsed.tables)) return { kind: 'unreadable', warning: unreadable(file, 'no "tables" list') }
    return { kind: 'read', facts: parsed as DeclaredFacts, ...(typeof migration === 'string' && { migration }) }
  } catch (err) {
    return { kind: 'unreadable', warning: unreadable(file, (err as Error).message) }
  }
}

/**
 * entitiesSnapshotSource is the snapshot file's text: pretty JSON with a stable key order and a final newline;
 * with `migration`, the name of the migration whose entities these are.
 */
export function entitiesSnapshotSource(facts: DeclaredFacts, migration?: string): string {
  return `${JSON.stringify(stableData(migration === undefined ? facts : { migration, ...facts }), null, 2)}\n`
}

/**
 * staleSnapshotWarning says why a snapshot that names its migration is not compared with a database that
 * applied every migration of the folder but not that one (reverted and its file deleted, say): the entities
 * it holds are not those the database was made from.
 */
export function staleSnapshotWarning(snapshot: SnapshotRead, applied: readonly string[]): string[] {
  if (snapshot.kind !== 'read' || snapshot.migration === undefined || applied.includes(snapshot.migration)) return []
  return [`${entitiesSnapshotFileName} holds the entities of migration ${snapshot.migration}, which the database has not applied ` +
    '(reverted, and its file deleted?), so entity changes the database cannot see are not compared; the next generate writes a new one']
}

function unreadable(file: string, reason: string): string {
  return `${file} cannot be read (${reason}), so entity changes the database cannot see are not compared; ` +
    '`generate` replaces it with the entities as they are now (to keep the comparison, fix it or restore it from git first)'
}

/** sameDeclaredFacts says whether two DeclaredFacts are equal, whatever their key order. */
export function sameDeclaredFacts(a: DeclaredFacts, b: DeclaredFacts): boolean {
  return entitiesSnapshotSource(a) === entitiesSnapshotSource(b)
}
