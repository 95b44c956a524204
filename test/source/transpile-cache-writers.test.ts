import * as fs from 'node:fs'
import * as path from 'node:path'
import { tempProjectsRemovedAfterEach } from './helpers/temp-projects'

type TranspileCache = typeof import('../../src/source/transpile-cache') & typeof import('../../src/source/cache-writes')

const project = tempProjectsRemovedAfterEach()

// The cache is written on Node's thread pool, and one process can hold several copies of this module (the test
// runner's in-process runs of the CLI load it anew for each run). Two copies writing the same entry must not
// share a temporary file: the second write would empty the file the first has just renamed into the cache, and
// a reader would find an empty module there.
test('two copies of the module writing the same entry write it through temporary files of their own', async () => {
  const p = project({ 'app/node_modules/.keep': '' })
  const source = 'export const answer = 42\n'
  const file = p.write('app/src/answer.ts', source)
  const written: string[] = []
  const writeFile = fs.promises.writeFile
  const spy = jest.spyOn(fs.promises, 'writeFile').mockImplementation((target, ...rest) => {
    written.push(String(target))
    return writeFile(target, ...rest)
  })
  try {
    const copies: TranspileCache[] = []
    for (let i = 0; i < 2; i++) {
      jest.isolateModules(() => copies.push({ ...require('../../src/source/transpile-cache'), ...require('../../src/source/cache-writes') } as TranspileCache))
    }
    for (const copy of copies) copy.cachedTranspile(file, source, ['writers test'], () => ({ output: 'exports.answer = 42\n' }))
    await Promise.all(copies.map((copy) => copy.cacheWritesDone()))
  } finally {
    spy.mockRestore()
  }
  // The cache folder did not exist: each copy's first write found it missing, made it, and wrote again.
  expect(new Set(written).size).toBe(2)
  const cache = p.file('app/node_modules/.cache/typeorm-autogen')
  expect(fs.readdirSync(cache).map((name) => fs.readFileSync(path.join(cache, name), 'utf8'))).toEqual(['exports.answer = 42\n'])
})
