import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// pg 8 asks, as it loads, whether it runs on Cloudflare Workers; where Node has no `navigator` (Node 20) it
// builds a fetch Response to find out, which loads Node's fetch implementation (undici): 40 ms of every
// PostgreSQL run. The config is loaded with a Node-like navigator, taken away after.

const repo = join(__dirname, '..', '..')

it('loads a PostgreSQL config without loading fetch, and leaves no navigator behind', () => {
  const dir = mkdtempSync(join(tmpdir(), 'autogen-navigator-'))
  try {
    writeFileSync(join(dir, 'ormconfig.js'), `const { DataSource } = require(${JSON.stringify(join(repo, 'node_modules', 'typeorm'))})
module.exports = new DataSource({ type: 'postgres', host: '127.0.0.1', username: 'postgres', database: 'postgres', entities: [] })\n`)
    const script = `
      const { loadProject } = require(${JSON.stringify(join(repo, 'dist', 'src', 'source', 'load-config.js'))})
      loadProject(${JSON.stringify(join(dir, 'ormconfig.js'))}).then(() => {
        const fetchLoaded = process.moduleLoadList.some((m) => m.includes('undici'))
        console.log(JSON.stringify({ fetchLoaded, navigator: typeof navigator, pg: Object.keys(require.cache).some((f) => f.includes('/pg/lib/')) }))
      })`
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    const seen = JSON.parse(run.stdout) as { fetchLoaded: boolean; navigator: string; pg: boolean }
    expect(seen.pg).toBe(true)
    expect(seen.fetchLoaded).toBe(false)
    // Node 21 and later define one of their own.
    expect(seen.navigator).toBe(Number(process.versions.node.split('.')[0]) >= 21 ? 'object' : 'undefined')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
