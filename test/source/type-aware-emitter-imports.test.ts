import * as fs from 'node:fs'
import * as ts from 'typescript'
import { emitWithTypeInformation } from '../../src/source/type-aware-emitter'
import { tempProjectsRemovedAfterEach } from './helpers/temp-projects'

// Gauzy (hunt66): 200 entities, one per folder, each importing a barrel that exports them all. After one
// entity was edited, every entity's emit listed its dependencies by resolving the imports of every file it
// reaches, again for each entity, without a cache: 175 s of a 4-minute `check`, during which the MySQL
// connection made ahead timed out.

const project = tempProjectsRemovedAfterEach()
const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2021, module: ts.ModuleKind.CommonJS, experimentalDecorators: true, emitDecoratorMetadata: true,
}

function countingResolutions(): { readonly typescript: typeof ts; calls: () => number } {
  let calls = 0
  const typescript = {
    ...ts,
    resolveModuleName: (...args: Parameters<typeof ts.resolveModuleName>) => {
      calls += 1
      return ts.resolveModuleName(...args)
    },
  } as typeof ts
  return { typescript, calls: () => calls }
}

describe('the dependencies of a type-aware emit', () => {
  test('each file\'s imports are resolved once, however many emits reach it through a shared barrel', () => {
    const names = Array.from({ length: 12 }, (_, k) => `Entity${k}`)
    const files: Record<string, string> = {
      'src/status.ts': `export enum Status { On = 'on', Off = 'off' }\n`,
      'src/internal.ts': names.map((name) => `export * from './${name.toLowerCase()}/${name.toLowerCase()}.entity'\n`).join(''),
    }
    for (const [k, name] of names.entries()) {
      const other = names[(k + 1) % names.length]!
      files[`src/${name.toLowerCase()}/${name.toLowerCase()}.entity.ts`] = [
        `import { Column } from 'typeorm'`,
        `import { Status } from '../status'`,
        `import { ${other} } from '../internal'`,
        `export class ${name} {`,
        `  @Column() status: Status`,
        `  next: ${other}`,
        `}`,
        ``,
      ].join('\n')
    }
    const p = project(files)
    const { typescript, calls } = countingResolutions()
    const entityFiles = names.map((name) => p.file(`src/${name.toLowerCase()}/${name.toLowerCase()}.entity.ts`))
    const emitted = entityFiles.map((file) => emitWithTypeInformation(typescript, fs.readFileSync(file, 'utf8'), file, options, options))
    for (const [k, module] of emitted.entries()) {
      expect(module.outputText).toContain('__metadata("design:type", String)')
      expect(module.dependencies).toContain(p.file('src/internal.ts'))
      expect(module.dependencies).toContain(entityFiles[(k + 1) % names.length])
    }
    // 12 entities of 3 imports each, the barrel's 12 exports and the enum's none: 48 imports in all.
    expect(calls()).toBe(48)
  })
})
