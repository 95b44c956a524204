import { execFile } from 'node:child_process'
import * as path from 'node:path'
import type { TempProject } from '../../support/temp-project'

const repoRoot = path.resolve(__dirname, '../../..')

/** NodeRun is what a plain Node process printed. */
export interface NodeRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * runInNode loads `configPath` with loadProject and readEntities in a plain Node process, outside Jest's
 * module system, the way the CLI does: the TypeScript loader is compiled and registered first, then the
 * sources under src/ are required through it. It prints `{ settings, migrationsDir, model, warnings }` as JSON.
 */
export function runInNode(project: TempProject, configPath: string): Promise<NodeRun> {
  const bootstrap = project.write('bootstrap.cjs', bootstrapSource())
  return new Promise((resolve) => {
    execFile(process.execPath, [bootstrap, configPath], { cwd: project.dir }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1
      resolve({ code, stdout, stderr })
    })
  })
}

function bootstrapSource(): string {
  const source = (file: string) => JSON.stringify(path.join(repoRoot, 'src', 'source', file))
  return `
const fs = require('node:fs')
const Module = require('node:module')
const path = require('node:path')
const ts = require(${JSON.stringify(path.join(repoRoot, 'node_modules', 'typescript'))})
const loaderFile = ${source('typescript-loader.ts')}
// The loader and the files it imports are compiled by a throwaway hook, removed before the loader registers its own.
Module._extensions['.ts'] = (module, filename) => {
  const compiled = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
  }).outputText
  module._compile(compiled, filename)
}
const loader = require(loaderFile)
delete Module._extensions['.ts']
if (!loader.registerTypeScriptLoader()) throw new Error('the TypeScript loader did not register')
if (!loader.registerTypeScriptLoader()) throw new Error('registerTypeScriptLoader is not idempotent')
const { loadProject } = require(${source('load-config.ts')})
const { readEntities } = require(${source('entity-metadata.ts')})
loadProject(process.argv[2])
  .then(async (project) => {
    const { model, warnings } = await readEntities(project.dataSource)
    process.stdout.write(JSON.stringify({ settings: project.settings, migrationsDir: project.migrationsDir, model, warnings }))
  })
  .catch((err) => {
    process.stderr.write(err.name + ': ' + err.message)
    process.exit(3)
  })
`
}
