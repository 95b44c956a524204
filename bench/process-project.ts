import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { type ProcessVariant, repoRoot, scratchRoot } from './bench-settings'

/** ProcessRun is one whole process, timed from spawn to exit; its peak RSS comes from GNU time (`%M`). */
export interface ProcessRun {
  readonly ms: number
  readonly code: number
  readonly maxRssKb: number
  readonly output: string
}

/** transpileCacheDir is our transpile cache in a project: the ecosystem's `node_modules/.cache/<tool>`. */
export const transpileCacheDir = (dir: string): string => path.join(dir, 'node_modules', '.cache', 'typeorm-autogen')

const tsconfig = {
  compilerOptions: {
    target: 'ES2022', module: 'commonjs', lib: ['ES2022'], types: ['node'], esModuleInterop: true, skipLibCheck: true,
    experimentalDecorators: true, emitDecoratorMetadata: true, strict: true, strictPropertyInitialization: false,
    outDir: 'dist', rootDir: '.',
  },
}

/**
 * installTools makes a project folder look like a user's: a package.json, a tsconfig.json (`include` as given)
 * and node_modules/ holding this repository as `typeorm-autogen` (with its bin, which `npx` finds) and its TypeORM,
 * so that `npx typeorm-autogen` and `node node_modules/typeorm/cli.js` run there as in an app.
 */
export function installTools(dir: string, include: readonly string[]): void {
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: path.basename(dir), private: true }, null, 2)}\n`)
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify({ ...tsconfig, include }, null, 2)}\n`)
  const modules = path.join(dir, 'node_modules')
  fs.mkdirSync(path.join(modules, '.bin'), { recursive: true })
  fs.symlinkSync(repoRoot, path.join(modules, 'typeorm-autogen'), 'dir')
  fs.symlinkSync(path.join(repoRoot, 'node_modules', 'typeorm'), path.join(modules, 'typeorm'), 'dir')
  fs.symlinkSync(path.join('..', 'typeorm-autogen', 'bin', 'typeorm-autogen.js'), path.join(modules, '.bin', 'typeorm-autogen'))
}

/** compileProject builds the project's .ts files into dist/ with tsc (type-checking them), for the precompiled path. */
export async function compileProject(dir: string): Promise<number> {
  const run = await timeProcess(['node', path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], dir)
  if (run.code !== 0) throw new Error(`bench: tsc failed in ${dir}:\n${run.output.slice(-2000)}`)
  return run.ms
}

/** The TypeORM CLI in check mode: exits non-zero when the entities have changes the database lacks. */
const typeormCheck = (config: string) => ['node_modules/typeorm/cli.js', 'migration:generate', 'migrations/Bench', '--check', '-d', config]

/** Our bin as installed in the project; run by `node` like TypeORM's cli.js, so that neither pays for `npx` (about 0.7 s). */
const ourCheck = (config: string) => ['node', 'node_modules/typeorm-autogen/bin/typeorm-autogen.js', 'check', '-c', config]

/**
 * variantCommand is the command line and environment of one whole-process variant, run in the project folder:
 * our bin, TypeORM's CLI with ts-node (type-checking or transpile-only) or on the compiled dist/, each
 * started by `node` itself (the start-up table measures `npx` apart).
 */
export function variantCommand(variant: ProcessVariant, configTs: string): { argv: string[]; env: NodeJS.ProcessEnv } {
  const configJs = path.join('dist', configTs.replace(/\.ts$/, '.js'))
  switch (variant) {
    case 'ours-ts-cold':
    case 'ours-ts-warm':
    case 'ours-ts-edited':
    case 'ours-wide':
      return { argv: ourCheck(configTs), env: {} }
    case 'ours-js':
      return { argv: ourCheck(configJs), env: {} }
    case 'typeorm-ts-node':
      return { argv: ['node', '-r', 'ts-node/register', ...typeormCheck(configTs)], env: {} }
    case 'typeorm-transpile-only':
      return { argv: ['node', '-r', 'ts-node/register', ...typeormCheck(configTs)], env: { TS_NODE_TRANSPILE_ONLY: 'true' } }
    case 'typeorm-js':
    case 'typeorm-wide-js':
      return { argv: ['node', ...typeormCheck(configJs)], env: {} }
  }
}

/**
 * timeProcess runs `argv` in `cwd` under GNU time and returns its wall time (spawn to exit, measured here) and peak
 * RSS (`/usr/bin/time -f %M`: the largest of the process and its children, so for `npx` the tool's node process).
 */
export function timeProcess(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ProcessRun> {
  const rssFile = path.join(scratchRoot, `rss-${process.pid}.txt`)
  const cleanEnv = { ...process.env }
  for (const name of Object.keys(cleanEnv)) {
    if (name.startsWith('TS_NODE_') || name === 'NODE_OPTIONS' || name === 'DATABASE_URL') delete cleanEnv[name]
  }
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, ...argv], { cwd, env: { ...cleanEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - start
      const rss = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop())
      resolve({ ms, code: code ?? -1, maxRssKb: rss, output: Buffer.concat(chunks).toString('utf8') })
    })
  })
}
