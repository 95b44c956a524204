import * as fs from 'node:fs'
import Module from 'node:module'
import * as os from 'node:os'
import * as path from 'node:path'
import { memoizedPackageResolution } from '../../src/source/package-resolution-memo'

type Resolve = Parameters<typeof memoizedPackageResolution>[0]
const moduleInternals = Module as unknown as { _resolveFilename: Resolve, _nodeModulePaths(dir: string): string[] }
const nodeResolve = moduleInternals._resolveFilename

/** A package with an `exports` map (which Node does not cache) under `dir/node_modules/pkg`, reporting `which`. */
function writePackage(dir: string, which: string): void {
  const root = path.join(dir, 'node_modules', 'pkg')
  fs.mkdirSync(root, { recursive: true })
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'pkg', exports: { '.': `./${which}.js` } }))
  fs.writeFileSync(path.join(root, `${which}.js`), '')
}

/** countedResolution is the memo over Node's own resolution, counting how often Node is asked. */
function countedResolution(): { resolve: Resolve, asked: () => number } {
  let asked = 0
  const counted: Resolve = function (this: unknown, ...args) {
    asked++
    return nodeResolve.apply(this, args)
  }
  return { resolve: memoizedPackageResolution(counted), asked: () => asked }
}

describe('memoizedPackageResolution', () => {
  let root: string
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'autogen-resolution-'))
    writePackage(path.join(root, 'a'), 'first')
    writePackage(path.join(root, 'b'), 'second')
    fs.mkdirSync(path.join(root, 'a', 'deep'), { recursive: true })
  })
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  const parentIn = (...parts: string[]) => {
    const dir = path.join(root, ...parts)
    const filename = path.join(dir, 'entity.js')
    return { id: filename, filename, paths: moduleInternals._nodeModulePaths(dir) }
  }

  it('answers as Node does for each directory, and asks Node once per request and directory', () => {
    const { resolve, asked } = countedResolution()
    for (let i = 0; i < 3; i++) {
      expect(resolve('pkg', parentIn('a'), false)).toBe(path.join(root, 'a', 'node_modules', 'pkg', 'first.js'))
      expect(resolve('pkg', parentIn('a', 'deep'), false)).toBe(path.join(root, 'a', 'node_modules', 'pkg', 'first.js'))
      expect(resolve('pkg', parentIn('b'), false)).toBe(path.join(root, 'b', 'node_modules', 'pkg', 'second.js'))
    }
    expect(asked()).toBe(3)
  })

  it('leaves relative requests, requests with options and failures to Node every time', () => {
    const { resolve, asked } = countedResolution()
    const options = { paths: [path.join(root, 'b')] }
    for (let i = 0; i < 2; i++) {
      expect(resolve('./node_modules/pkg/first.js', parentIn('a'), false)).toBe(path.join(root, 'a', 'node_modules', 'pkg', 'first.js'))
      expect(resolve('pkg', parentIn('a'), false, options)).toBe(path.join(root, 'b', 'node_modules', 'pkg', 'second.js'))
      expect(() => resolve('missing-package', parentIn('a'), false)).toThrow(/Cannot find module/)
    }
    expect(asked()).toBe(6)
  })
})
