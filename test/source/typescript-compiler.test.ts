import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { tempProjectsRemovedAfterEach } from './helpers/temp-projects'

// The TypeScript compiler is loaded with V8's code cache, kept in the project's transpile cache folder: made on
// the first load, used as it is by the next, made again when V8 rejects it. Each load is a plain Node process
// running the built module, as the CLI does.

const project = tempProjectsRemovedAfterEach()
const compilerModule = path.resolve(__dirname, '../../dist/src/source/typescript-compiler.js')

interface Loaded { version: string; sameAsRequire: boolean; output: string }

function loadIn(dir: string): Loaded {
  const script = `
const { loadTypeScript } = require(${JSON.stringify(compilerModule)})
const ts = loadTypeScript(${JSON.stringify(path.join(dir, 'src', 'thing.ts'))})
const required = require(require.resolve('typescript', { paths: [${JSON.stringify(path.dirname(compilerModule))}] }))
const output = ts.transpileModule('@Column() class A { @Column() name: string }', { compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true } }).outputText
console.log(JSON.stringify({ version: ts.version, sameAsRequire: required === ts, output }))
`
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' })) as Loaded
}

function codeCaches(dir: string): string[] {
  const folder = path.join(dir, 'node_modules', '.cache', 'typeorm-autogen')
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.v8-code-cache')) : []
}

test('the first load makes the code cache, the next uses it as it is, and require gives the same compiler', () => {
  const p = project({ 'src/thing.ts': '' })
  fs.rmSync(p.file('node_modules'), { force: true, recursive: true })
  fs.mkdirSync(p.file('node_modules'))
  const first = loadIn(p.dir)
  expect(first.sameAsRequire).toBe(true)
  expect(first.output).toContain('__metadata("design:type", String)')
  const [cache] = codeCaches(p.dir)
  expect(cache).toBe(`typescript-${first.version}-node-${process.version}-${process.arch}.v8-code-cache`)
  const file = p.file(`node_modules/.cache/typeorm-autogen/${cache}`)
  const written = fs.statSync(file)
  expect(written.size).toBeGreaterThan(100_000)

  expect(loadIn(p.dir)).toEqual(first)
  // Rewritten, or removed as rejected, it would have another time or be gone.
  expect(fs.statSync(file).mtimeMs).toBe(written.mtimeMs)
})

test('a code cache V8 rejects is removed, the compiler still loads, and the next load makes a new one', () => {
  const p = project({ 'src/thing.ts': '' })
  fs.rmSync(p.file('node_modules'), { force: true, recursive: true })
  fs.mkdirSync(p.file('node_modules'))
  const first = loadIn(p.dir)
  const [cache] = codeCaches(p.dir)
  const file = p.file(`node_modules/.cache/typeorm-autogen/${cache}`)
  fs.writeFileSync(file, Buffer.alloc(4096, 7))
  expect(loadIn(p.dir)).toEqual(first)
  expect(fs.existsSync(file)).toBe(false)
  expect(loadIn(p.dir)).toEqual(first)
  expect(fs.statSync(file).size).toBeGreaterThan(100_000)
})
