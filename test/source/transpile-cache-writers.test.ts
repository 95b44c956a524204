import * as fs from 'node:fs'
import { cachedEntries } from './helpers/transpile-cache-entries'
import { tempProjectsRemovedAfterEach } from './helpers/temp-projects'

type TranspileCache = typeof import('../../src/source/transpile-cache') & typeof import('../../src/source/cache-writes')

const project = tempProjectsRemovedAfterEach()

// One process can hold several copies of the cache's modules (the test runner's in-process runs of the CLI load
// them anew for each run). Two copies that cache the same file each write its folder's pack whole, through a
// temporary file of their own: the pack holds the entry, and no temporary file is left.
test('two copies of the module caching the same file leave one whole pack', async () => {
  const p = project({ 'app/node_modules/.keep': '' })
  const source = 'export const answer = 42\n'
  const file = p.write('app/src/answer.ts', source)
  const copies: TranspileCache[] = []
  for (let i = 0; i < 2; i++) {
    jest.isolateModules(() => copies.push({ ...require('../../src/source/transpile-cache'), ...require('../../src/source/cache-writes') } as TranspileCache))
  }
  for (const copy of copies) copy.cachedTranspile(file, source, ['writers test'], () => ({ output: 'exports.answer = 42\n' }))
  await Promise.all(copies.map((copy) => copy.cacheWritesDone()))
  const cache = p.file('app/node_modules/.cache/typeorm-autogen')
  expect(cachedEntries(cache)).toEqual([{ file, output: 'exports.answer = 42\n' }])
  expect(fs.readdirSync(cache).filter((name) => name.endsWith('.tmp'))).toEqual([])
})

test('a pack keeps the entries of files this run did not load while they exist', async () => {
  const p = project({ 'app/node_modules/.keep': '' })
  const load = (names: string[]) => {
    let copy: TranspileCache | undefined
    jest.isolateModules(() => (copy = { ...require('../../src/source/transpile-cache'), ...require('../../src/source/cache-writes') } as TranspileCache))
    for (const name of names) copy!.cachedTranspile(p.file(`app/src/${name}`), name, ['pack test'], () => ({ output: `// ${name}\n` }))
    return copy!.cacheWritesDone()
  }
  for (const name of ['a.ts', 'b.ts', 'c.ts']) p.write(`app/src/${name}`, name)
  await load(['a.ts', 'b.ts', 'c.ts'])
  fs.rmSync(p.file('app/src/c.ts'))
  p.write('app/src/d.ts', 'd.ts')
  await load(['d.ts'])
  expect(cachedEntries(p.file('app/node_modules/.cache/typeorm-autogen')).map((entry) => entry.output)).toEqual(['// a.ts\n', '// b.ts\n', '// d.ts\n'])
})

test('a run that changes a few entries of a large pack writes them beside it, and the pack is written whole once they are a quarter of it', async () => {
  const p = project({ 'app/node_modules/.keep': '' })
  const cache = p.file('app/node_modules/.cache/typeorm-autogen')
  const names = Array.from({ length: 12 }, (_, i) => `e${String(i).padStart(2, '0')}.ts`)
  const load = (texts: Record<string, string>) => {
    let copy: TranspileCache | undefined
    jest.isolateModules(() => (copy = { ...require('../../src/source/transpile-cache'), ...require('../../src/source/cache-writes') } as TranspileCache))
    for (const [name, text] of Object.entries(texts)) copy!.cachedTranspile(p.write(`app/src/${name}`, text), text, ['delta test'], () => ({ output: `// ${text}\n` }))
    return copy!.cacheWritesDone()
  }
  await load(Object.fromEntries(names.map((n) => [n, n])))
  const pack = fs.readdirSync(cache)
  expect(pack).toHaveLength(1)
  const packText = fs.readFileSync(`${cache}/${pack[0]}`, 'utf8')
  await load({ 'e00.ts': 'e00 edited' })
  expect(fs.readFileSync(`${cache}/${pack[0]}`, 'utf8')).toBe(packText)
  expect(fs.readdirSync(cache).sort()).toEqual([pack[0].replace(/\.json$/, '.delta.json'), pack[0]])
  expect(cachedEntries(cache).map((entry) => entry.output)).toEqual(['// e00 edited\n', ...names.slice(1).map((n) => `// ${n}\n`)])
  await load({ 'e01.ts': 'e01 edited' })
  expect(fs.readdirSync(cache)).toHaveLength(2)
  expect(fs.readFileSync(`${cache}/${pack[0]}`, 'utf8')).toBe(packText)
  // Three entries of twelve: a quarter.
  await load({ 'e02.ts': 'e02 edited' })
  expect(fs.readdirSync(cache)).toEqual(pack)
  expect(cachedEntries(cache).map((entry) => entry.output)).toEqual(['// e00 edited\n', '// e01 edited\n', '// e02 edited\n', ...names.slice(3).map((n) => `// ${n}\n`)])
})
