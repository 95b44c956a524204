import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

// What the published package offers: the `typeorm-autogen/decorators` entry loads nothing but the decorator,
// and the tarball ships no bin file whose target it leaves out. Needs `npm run build`.

const repoRoot = resolve(__dirname, '../..')

let app: string
beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'autogen-entries-'))
  mkdirSync(join(app, 'node_modules'))
  symlinkSync(repoRoot, join(app, 'node_modules', 'typeorm-autogen'), 'dir')
})
afterAll(() => rmSync(app, { recursive: true, force: true }))

/** loadedBy requires `specifier` in a fresh node in the app's folder and lists the modules it added. */
function loadedBy(specifier: string): string[] {
  const script = [
    'const before = new Set(Object.keys(require.cache))',
    `const loaded = require(${JSON.stringify(specifier)})`,
    "if (typeof loaded.RenamedFrom !== 'function') throw new Error('no RenamedFrom')",
    "if (typeof loaded.RenamedLabel !== 'function') throw new Error('no RenamedLabel')",
    'console.log(JSON.stringify(Object.keys(require.cache).filter((k) => !before.has(k))))',
  ].join('\n')
  const run = spawnSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' })
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout) as string[]
}

it('typeorm-autogen/decorators loads a few modules and none of typeorm, yargs or the drivers', () => {
  const modules = loadedBy('typeorm-autogen/decorators')
  expect(modules.length).toBeLessThan(5)
  expect(modules.filter((m) => /node_modules[\\/](typeorm|yargs|pg|better-sqlite3|reflect-metadata|typescript)[\\/]/.test(m))).toEqual([])
  // The main entry, by contrast, is the whole tool.
  expect(loadedBy('typeorm-autogen').length).toBeGreaterThan(100)
})

it('the tarball ships every bin target and the license, and no bin without its sources', () => {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' })
  expect(pack.status).toBe(0)
  const files = new Set((JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path))
  const bins = Object.values((require(join(repoRoot, 'package.json')) as { bin: Record<string, string> }).bin)
  for (const bin of bins) expect(files).toContain(bin)
  expect([...files].filter((f) => f.startsWith('bin/')).sort()).toEqual([...bins].sort())
  expect(files).toContain('LICENSE')
  expect(files).toContain('dist/src/decorators.js')
  expect(existsSync(join(repoRoot, 'LICENSE'))).toBe(true)
})
