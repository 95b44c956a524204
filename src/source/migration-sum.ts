import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { reopenAccepted } from '../hazards/accepted-hazards'
import { compareText } from '../model/qualified-name'
import { type MigrationFile, migrationFilesIn } from './migration-files'
import { UserError } from './user-error'

/** The migrations folder's integrity file, beside its migrations: like Atlas's atlas.sum. */
export const migrationSumFileName = 'autogen.sum'

/** SumEntry is one line of autogen.sum: a migration file and the hash of its text. */
export interface SumEntry {
  readonly fileName: string
  /** `h1:` and the base64 SHA-256 of the file's text, normalized (see migrationHash). */
  readonly hash: string
}

/** SumRead is autogen.sum as read: missing, conflicted or corrupt (with the reason), or its entries. */
export type SumRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'corrupt'; readonly reason: string }
  | { readonly kind: 'read'; readonly entries: readonly SumEntry[] }

const hashPattern = 'h1:[A-Za-z0-9+/]{43}='
const totalLine = new RegExp(`^${hashPattern}$`)
const entryLine = new RegExp(`^(.+) (${hashPattern})$`)
const conflictMarker = /^(<{7}|={7}|>{7}|\|{7})(\s|$)/

/**
 * migrationHash is `h1:` and the base64 SHA-256 of a migration's text with line ends made `\n` (a Windows
 * checkout stays the same) and every hazard comment written `// hazard`: a reviewer accepting a hazard
 * (`// accepted`) does not change the file's hash.
 */
export function migrationHash(source: string): string {
  return h1(reopenAccepted(source.replace(/\r\n?/g, '\n')))
}

/** sumEntriesOf hashes migration files. */
export function sumEntriesOf(files: readonly Pick<MigrationFile, 'fileName' | 'source'>[]): SumEntry[] {
  return files.map(({ fileName, source }) => ({ fileName, hash: migrationHash(source) }))
}

/**
 * sumText is the text of autogen.sum for `entries`: first a hash over all the lines below it, then one line
 * `<file name> h1:<hash>` per migration file in file-name order. Two branches that each add a migration both
 * change the first line, so merging them conflicts in git, as it should.
 */
export function sumText(entries: readonly SumEntry[]): string {
  const lines = entryLines(entries)
  return [totalOf(lines), ...lines].map((line) => `${line}\n`).join('')
}

/**
 * parseSum reads the text of autogen.sum. Git conflict markers make it `conflict`; a line of another shape,
 * a file named twice or a first line that does not hash the others (edited by hand) make it `corrupt`.
 */
export function parseSum(text: string): SumRead {
  const lines = text.split(/\r?\n/)
  if (lines.at(-1) === '') lines.pop()
  if (lines.some((line) => conflictMarker.test(line))) return { kind: 'conflict' }
  const [total, ...rest] = lines
  if (total === undefined || !totalLine.test(total)) return { kind: 'corrupt', reason: 'its first line is not the hash of the folder (h1:...)' }
  const entries: SumEntry[] = []
  for (const [i, line] of rest.entries()) {
    const match = entryLine.exec(line)
    if (match === null) return { kind: 'corrupt', reason: `line ${i + 2} is not "<file name> h1:<hash>"` }
    if (entries.some((e) => e.fileName === match[1])) return { kind: 'corrupt', reason: `${match[1]} is listed twice` }
    entries.push({ fileName: match[1]!, hash: match[2]! })
  }
  if (totalOf(entryLines(entries)) !== total) return { kind: 'corrupt', reason: 'its first line does not match the lines below it (edited by hand?)' }
  return { kind: 'read', entries }
}

/** readSum reads `dir`/autogen.sum. */
export function readSum(dir: string): SumRead {
  let text: string
  try {
    text = readFileSync(join(dir, migrationSumFileName), 'utf8')
  } catch (err) {
    // No folder (or a file in its place) has no sum: writing there fails later, clearly.
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return { kind: 'missing' }
    return { kind: 'corrupt', reason: `it cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }
  }
  return parseSum(text)
}

/**
 * sumWithMigrations is the text of `dir`/autogen.sum (listing its `subfolders`' files too, see migrationFilesIn) with `migrations` added and the files `removed` left out,
 * for `generate` and `rebase`: the other lines stay as they were (check still tells what they do not match).
 * A missing sum starts with these migrations, but only in a folder without others: there it stays missing,
 * undefined, so that check asks for one `hash` rather than naming every older file. A conflicted or corrupt
 * sum stops it: it cannot tell which lines to keep.
 */
export function sumWithMigrations(
  dir: string,
  subfolders: boolean,
  migrations: readonly Pick<MigrationFile, 'fileName' | 'source'>[],
  removed: readonly string[] = [],
): string | undefined {
  const read = readSum(dir)
  if (read.kind === 'conflict' || read.kind === 'corrupt') {
    const why = read.kind === 'conflict' ? 'has git conflict markers' : `is corrupt (${read.reason})`
    throw new UserError(`${join(dir, migrationSumFileName)} ${why}: run \`typeorm-autogen hash\` to write it anew (then \`typeorm-autogen check\`), and run this command again`)
  }
  const added = sumEntriesOf(migrations)
  const replaced = new Set([...removed, ...added.map((e) => e.fileName)])
  if (read.kind === 'missing' && migrationFilesIn(dir, subfolders).some((f) => !replaced.has(f.fileName))) return undefined
  return sumText([...(read.kind === 'read' ? read.entries : []).filter((e) => !replaced.has(e.fileName)), ...added])
}

function entryLines(entries: readonly SumEntry[]): string[] {
  return [...entries].sort((a, b) => compareText(a.fileName, b.fileName)).map((e) => `${e.fileName} ${e.hash}`)
}

function totalOf(lines: readonly string[]): string {
  return h1(lines.map((line) => `${line}\n`).join(''))
}

function h1(text: string): string {
  return `h1:${createHash('sha256').update(text, 'utf8').digest('base64')}`
}
