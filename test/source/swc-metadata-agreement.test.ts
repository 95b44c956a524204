import * as swc from '@swc/core'
import fc from 'fast-check'
import * as ts from 'typescript'
import { swcMetadataDeclarations } from '../../src/source/swc-metadata-declarations'
import { swcMetadataMayDiffer } from '../../src/source/swc-metadata-differences'
import { typeScriptMetadataDeclarations } from '../../src/source/typescript-metadata-declarations'

// Wherever swcMetadataMayDiffer lets SWC transpile a file, SWC must write the design types `tsc` writes:
// checked on generated property types against both compilers, with and without strictNullChecks.

const prelude = [
  `import { Imported } from './imported'`,
  `type Alias = 'x' | 'y'`,
  `class Local {}`,
  `enum Choice { X = 'x' }`,
  // Enums whose members SWC reads their kind off, and (Shifted on) enums it writes as Object where tsc writes
  // Number or String (Spacebar's ThreadMemberFlags is Shifted's kind).
  `enum Implicit { A, B }`,
  `export enum Negative { A = -1, B = 2 }`,
  `enum Mixed { A = 'a', B = 1 }`,
  `enum Shifted { NONE = 0, A = 1 << 0 }`,
  `export enum Templated { A = \`a\` }`,
  `const enum Chained { A = 1, B = A }`,
  `enum Empty {}`,
  `declare function Column(): PropertyDecorator`,
  '',
].join('\n')

const leaf = fc.constantFrom(
  'string', 'number', 'boolean', 'bigint', 'symbol', 'object', 'any', 'unknown', 'never', 'undefined', 'void', 'null',
  `'a'`, '1', '-1', 'true', '1n', '`t`', 'Local', 'Choice', 'Alias', 'Imported', 'Date', 'string[]', 'Imported[]',
  'Implicit', 'Negative', 'Mixed', 'Shifted', 'Templated', 'Chained', 'Empty',
)
const typeText: fc.Arbitrary<string> = fc.letrec<{ type: string }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('type'), { minLength: 2, maxLength: 4 }).map((types) => types.join(' | ')),
    tie('type').map((type) => `(${type})`),
  ),
})).type

function sourceOf(types: readonly string[]): string {
  return `${prelude}export class Thing {\n${types.map((type, i) => `  @Column() p${i}: ${type}\n`).join('')}}\n`
}

/** designTypes are the `design:type` arguments an output writes, by property, with each compiler's runtime guard for a class unwrapped. */
function designTypes(output: string): string[] {
  const found = [...output.matchAll(/metadata\("design:type", (.*)\)\s*\n\s*\], Thing\.prototype, "p(\d+)"/g)]
  return found
    .sort((a, b) => Number(a[2]) - Number(b[2]))
    .map((m) => m[1].replace(/^typeof (\w+) === "undefined" \? Object : \1$/, '$1').replace(/^typeof \((_\w+) = typeof (\w+) !== "undefined" && \2\) === "function" \? \1 : Object$/, '$2'))
}

function tscOutput(source: string, strict: boolean): string {
  const compilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, experimentalDecorators: true, emitDecoratorMetadata: true, strict }
  return ts.transpileModule(source, { fileName: 'thing.ts', compilerOptions }).outputText
}

function swcOutput(source: string): string {
  return swc.transformSync(source, {
    filename: 'thing.ts',
    swcrc: false,
    configFile: false,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  }).code
}

function mayDiffer(source: string, strict: boolean): boolean {
  return swcMetadataMayDiffer(swcMetadataDeclarations(swc.parseSync(source, { syntax: 'typescript', decorators: true })), strict)
}

describe('SWC is chosen only where it writes the design types tsc writes', () => {
  test.each([true, false])('generated unions, strictNullChecks %s', (strict) => {
    let agreed = 0
    fc.assert(
      fc.property(fc.array(typeText, { minLength: 1, maxLength: 3 }), (types) => {
        const source = sourceOf(types)
        if (mayDiffer(source, strict)) return
        agreed += 1
        expect(designTypes(swcOutput(source))).toEqual(designTypes(tscOutput(source, strict)))
      }),
      { numRuns: 400, seed: 13 },
    )
    // Not a test that cannot fail: SWC was chosen for some of them.
    expect(agreed).toBeGreaterThan(20)
  })

  test.each([true, false])('relations, where only a Promise (a lazy relation) matters, strictNullChecks %s', (strict) => {
    const relationType = fc.oneof(typeText, fc.constantFrom('Promise<Local>', 'Promise<Imported>', 'Promise<Local> | null', '(Promise<Local[]>)', 'Lazy'))
    let agreed = 0
    fc.assert(
      fc.property(fc.array(relationType, { minLength: 1, maxLength: 3 }), (types) => {
        const source = sourceOf(types).replace(/@Column\(\)/g, '@ManyToOne(() => Local)').replace('export class', 'type Lazy = Promise<Local>\nexport class')
        if (mayDiffer(source, strict)) return
        agreed += 1
        const isPromise = (output: string) => designTypes(output).map((type) => type === 'Promise')
        expect(isPromise(swcOutput(source))).toEqual(isPromise(tscOutput(source, strict)))
      }),
      { numRuns: 400, seed: 17 },
    )
    expect(agreed).toBeGreaterThan(100)
  })

  test.each([
    ['string | null', true, false],
    ['Imported | null', true, false],
    ['(Local | undefined)', true, false],
    ['string | null', false, true],
    ['Imported', true, true],
    ['never | null', true, true],
    ['null | undefined', true, true],
    ['Shifted', false, true],
    ['Choice', false, false],
  ])('%s with strictNullChecks %s: may differ %s', (type, strict, differs) => {
    expect(mayDiffer(sourceOf([type]), strict)).toBe(differs)
  })
})

describe("SWC's syntax tree and TypeScript's give the same declarations", () => {
  const member = fc.tuple(
    fc.constantFrom('@Column()', "@Column('varchar')", "@Column({ type: 'hstore' })", '@Column({ type: Date })', '@Column(() => Local)', '@ManyToOne(() => Local)', '@orm.Index()', '@(make())', '@Column'),
    typeText,
  ).map(([decorator, type]) => `  ${decorator} p: ${type}`)
  const extra = fc.constantFrom(
    '',
    '  @Column() get a(): Imported { return 1 as never }\n  set a(value: Alias) {}',
    '  @Column() m(x: Imported, y = 1, ...rest: string[]): Promise<Local> { return 1 as never }',
    '  constructor(@Column() a: Choice, private readonly b: Imported) {}',
    '  static { class Inner { @Column() q: Imported } }',
  )

  test('on generated classes', () => {
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 4 }), extra, (members, more) => {
        const source = `${prelude}declare const orm: any, make: any\nexport type Exported = Imported[]\n@Column() export class Thing {\n${members.join('\n')}\n${more}\n}\n`
        const fromSwc = swcMetadataDeclarations(swc.parseSync(source, { syntax: 'typescript', decorators: true }))
        const fromTypeScript = typeScriptMetadataDeclarations(ts, ts.createSourceFile('thing.ts', source, ts.ScriptTarget.ES2022, true))
        expect(fromSwc).toEqual(fromTypeScript)
      }),
      { numRuns: 300, seed: 29 },
    )
  })
})
