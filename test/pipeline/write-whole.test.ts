import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeAllWhole } from '../../src/pipeline/write-whole'

// generate writes a migration, autogen.sum and entities.snapshot.json all or none: a file that cannot be
// replaced (here a folder in its place; on Windows, one an editor holds open) leaves the folder as it was.

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'autogen-write-'))
  writeFileSync(join(dir, '1700000000000-Init.ts'), 'init\n')
  writeFileSync(join(dir, 'autogen.sum'), 'old sum\n')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const files = [
  { fileName: '1700000001000-Next.ts', source: 'next\n' },
  { fileName: 'autogen.sum', source: 'new sum\n', replace: true },
  { fileName: 'entities.snapshot.json', source: '{}\n', replace: true },
]

it('writes every file, replacing those it may, and leaves nothing else behind', () => {
  writeAllWhole(dir, files)
  expect(readdirSync(dir).sort()).toEqual(['1700000000000-Init.ts', '1700000001000-Next.ts', 'autogen.sum', 'entities.snapshot.json'])
  expect(readFileSync(join(dir, 'autogen.sum'), 'utf8')).toBe('new sum\n')
})

it('puts back a file it replaced when a later one cannot be written, and removes the new ones', () => {
  mkdirSync(join(dir, 'entities.snapshot.json'))
  expect(() => writeAllWhole(dir, files)).toThrow(/^cannot write entities\.snapshot\.json into the migrations folder/)
  expect(readdirSync(dir).sort()).toEqual(['1700000000000-Init.ts', 'autogen.sum', 'entities.snapshot.json'])
  expect(readFileSync(join(dir, 'autogen.sum'), 'utf8')).toBe('old sum\n')
})

it('writes over a temporary file a killed run left behind', () => {
  writeFileSync(join(dir, '.autogen.sum.partial'), 'half a sum')
  writeAllWhole(dir, files)
  expect(readFileSync(join(dir, 'autogen.sum'), 'utf8')).toBe('new sum\n')
  expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([])
})
