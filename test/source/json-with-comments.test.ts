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
