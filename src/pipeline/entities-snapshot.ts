import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stableData } from '../render/stable-json'
import type { DeclaredFacts } from '../source/declared-facts'

/** entitiesSnapshotFileName is the snapshot's name in the migrations folder. */
export const entitiesSnapshotFileName = 'entities.snapshot.json'

/** SnapshotRead is the snapshot of the migrations folder: absent, read, or unreadable with a warning. */
export type SnapshotRead =
  | { readonly kind: 'absent' }
  | { readonly kind: 'read'; readonly facts: DeclaredFacts }
  | { readonly kind: 'unreadable'; readonly warning: string }

/**
 * readEntitiesSnapshot reads `<migrationsDir>/entities.snapshot.json`, the DeclaredFacts `generate` saw when
 * it last wrote a migration. A missing file is no snapshot; a broken one is reported, never fatal.
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
    const parsed = JSON.parse(text) as { tables?: unknown }
    if (!Array.isArray(parsed.tables)) return { kind: 'unreadable', warning: unreadable(file, 'no "tables" list') }
    return { kind: 'read', facts: parsed as DeclaredFacts }
  } catch (err) {
    return { kind: 'unreadable', warning: unreadable(file, (err as Error).message) }
  }
}

/** entitiesSnapshotSource is the snapshot file's text: pretty JSON with a stable key order and a final newline. */
export function entitiesSnapshotSource(facts: DeclaredFacts): string {
  return `${JSON.stringify(stableData(facts), null, 2)}\n`
}

function unreadable(file: string, reason: string): string {
  return `${file} cannot be read (${reason}), so entity changes the database cannot see are not compared; ` +
    'delete it and the next generate that writes a migration writes a new one'
}

/** sameDeclaredFacts says whether two DeclaredFacts are equal, whatever their key order. */
export function sameDeclaredFacts(a: DeclaredFacts, b: DeclaredFacts): boolean {
  return entitiesSnapshotSource(a) === entitiesSnapshotSource(b)
}
