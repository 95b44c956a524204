import fc from 'fast-check'
import * as ts from 'typescript'
import { parseJsonWithComments } from '../../src/source/json-with-comments'

/** typeScriptReads is what TypeScript reads from a tsconfig text, undefined where it reports an error. */
function typeScriptReads(text: string): unknown {
  const read = ts.parseConfigFileTextToJson('tsconfig.json', text)
  return read.error === undefined ? read.config : undefined
}

describe('parseJsonWithComments reads what TypeScript reads, to the same value', () => {
  test.each([
    '{ "compilerOptions": { "strict": true } }',
    '// a comment\n{ /* another */ "a": [1, 2,], "b": { "c": null, }, } // the end',
    '{ "url": "http://example.com/*not a comment*/", "quote": "say \\"hi\\", // still a string", "escapes": "\\u0041\\n\\/" }',
    '\ufeff{ "bom": true }',
    '{ "numbers": [0, -1, 2.5, 1e3, -0.5E-2] }',
    '{ "a": 1, "a": 2 }',
    '',
    '  // only a comment\n',
  ])('%j', (text) => {
    const ours = parseJsonWithComments(text)
    expect(ours).not.toBeUndefined()
    expect(ours).toEqual(typeScriptReads(text))
  })
})

describe('parseJsonWithComments leaves to TypeScript what it does not read for certain', () => {
  test.each([
    ['two commas', '{ "a": 1,, }', false],
    ['a comma opening an object', '{ , "a": 1 }', false],
    ['a comma opening an array', '{ "a": [,1] }', false],
    ['a lone comma in an array', '{ "a": [,] }', false],
    ['an unterminated comment', '{ "a": 1 } /* never closed', false],
    ['an unterminated string', '{ "a": "x\n" }', false],
    ['text after the value', '{ "a": 1 } {}', false],
    ['a root that is not an object', '[1, 2]', false],
    ['a single-quoted string', "{ 'a': 1 }", false],
    ['a hexadecimal number', '{ "a": 0x10 }', true],
    ['a number starting with a dot', '{ "a": .5 }', true],
    ['a __proto__ key', '{ "__proto__": { "a": 1 } }', true],
  ])('%s', (_, text, typeScriptReadsIt) => {
    const ours = parseJsonWithComments(text)
    // A root that is not an object parses as JSON; the tsconfig reader then leaves it to TypeScript.
    if (Array.isArray(ours)) expect(typeScriptReads(text)).toBeUndefined()
    else expect(ours).toBeUndefined()
    expect(typeScriptReads(text) !== undefined).toBe(typeScriptReadsIt)
  })
})

describe('against TypeScript on generated texts', () => {
  // Objects whose strings hold what a careless reader would take for comments, commas and quotes.
  const tricky = fc.oneof(fc.string(), fc.constantFrom('//', '/*', '*/', ',', '",', '\\', 'a,]', 'x//y', '/* c */'))
  const value = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      tricky,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(tricky, tie('value'), { maxKeys: 4 }),
    ),
  })).value
  const root = fc.dictionary(tricky, value, { maxKeys: 5 })

  /** holdsProtoKey: a `__proto__` key at any depth, which parseJsonWithComments leaves to TypeScript (undefined). */
  const holdsProtoKey = (value: unknown): boolean =>
    typeof value === 'object' && value !== null &&
    (Object.prototype.hasOwnProperty.call(value, '__proto__') || Object.values(value).some(holdsProtoKey))

  /** written is `json` as a person writes a tsconfig: comments between tokens, trailing commas. */
  function written(json: unknown, extras: boolean[]): string {
    let n = 0
    const extra = () => extras[n++ % extras.length] ?? false
    const print = (item: unknown): string => {
      const gap = () => (extra() ? ' /* note, "quoted" */ ' : extra() ? ' // note, ok\n' : ' ')
      if (Array.isArray(item)) return `[${item.map((e) => gap() + print(e)).join(',')}${item.length > 0 && extra() ? ',' : ''}${gap()}]`
      if (typeof item === 'object' && item !== null) {
        const entries = Object.entries(item).map(([k, v]) => `${gap()}${JSON.stringify(k)}${gap()}:${gap()}${print(v)}`)
        return `{${entries.join(',')}${entries.length > 0 && extra() ? ',' : ''}${gap()}}`
      }
      return JSON.stringify(item)
    }
    return print(json)
  }

  test('a tsconfig with comments and trailing commas reads as TypeScript reads it', () => {
    fc.assert(
      fc.property(root.filter((r) => !holdsProtoKey(r)), fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }), (json, extras) => {
        const text = written(json, extras)
        const ours = parseJsonWithComments(text)
        expect(ours).toEqual(JSON.parse(JSON.stringify(json)))
        expect(ours).toEqual(typeScriptReads(text))
      }),
      { numRuns: 300 },
    )
  })

  test('a text with a character inserted or removed: whatever it reads, TypeScript reads to the same value', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.boolean(), char: fc.constantFrom(',', '"', '/', '*', '\n', '{', '}', '[', ']', ':', 'x', '0', '.') })
    fc.assert(
      fc.property(root, fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (json, extras, edits) => {
        let text = written(json, extras)
        for (const { at, remove, char } of edits) {
          const i = at % (text.length + 1)
          text = remove ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + char + text.slice(i)
        }
        const ours = parseJsonWithComments(text)
        if (typeof ours === 'object' && ours !== null && !Array.isArray(ours)) expect(ours).toEqual(typeScriptReads(text))
      }),
      { numRuns: 1000 },
    )
  })
})
