import * as fs from 'node:fs'
import * as path from 'node:path'

/** CachedEntry is one file's JavaScript in the transpile cache. */
export interface CachedEntry {
  readonly file: string
  readonly output: string
  readonly dependencies?: readonly (readonly [file: string, hash: string])[]
}

/** cachedEntries are the entries of the transpile cache in `cacheDir`, read from its packs (`transpiled-*.json`, each with its delta), in the order of their files. */
export function cachedEntries(cacheDir: string): CachedEntry[] {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(cacheDir, name), 'utf8')) as { folder: string; entries: Record<string, Omit<CachedEntry, 'file'>> }
  const packs = fs.readdirSync(cacheDir).filter((name) => /^transpiled-[0-9a-f]+\.json$/.test(name))
  return packs
    .flatMap((name) => {
      const pack = read(name)
      const delta = name.replace(/\.json$/, '.delta.json')
      const entries = { ...pack.entries, ...(fs.existsSync(path.join(cacheDir, delta)) ? read(delta).entries : {}) }
      return Object.entries(entries).map(([file, entry]) => ({ file: path.join(pack.folder, file), output: entry.output, ...(entry.dependencies !== undefined && { dependencies: entry.dependencies }) }))
    })
    .sort((a, b) => a.file.localeCompare(b.file))
}
