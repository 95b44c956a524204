import { commentLines, stringLiteral, templateLiteral } from '../../src/render/ts-literal'

const evaluate = (expression: string): unknown => new Function(`return ${expression}`)()

const awkward = [
  '',
  'plain',
  'back`tick',
  '${interpolation}',
  '$ and { apart',
  '$${double}',
  'back\\slash at the end\\',
  '\\${escaped?}',
  '\\`',
  "single ' quote",
  'line\nfeed',
  'carriage\rreturn and crlf\r\n',
  'separators \u2028 \u2029',
  'lone \ud800 and \udfff surrogates, a pair 🐘',
  'nul \u0000 and tab \t',
]

describe('templateLiteral', () => {
  it.each(awkward)('evaluates back to %j', (text) => {
    expect(evaluate(templateLiteral(text))).toBe(text)
  })

  it('escapes backslashes, backticks and ${ for the reader to see', () => {
    expect(templateLiteral('a\\b`c${d}$e')).toBe('`a\\\\b\\`c\\${d}$e`')
  })
})

describe('stringLiteral', () => {
  it.each(awkward)('evaluates back to %j', (text) => {
    expect(evaluate(stringLiteral(text))).toBe(text)
  })
})

describe('commentLines', () => {
  it('starts a new comment line at every line terminator, so no text escapes the comment', () => {
    expect(commentLines('a\nb\r\nc\rd\u2028e\u2029f', '  ')).toEqual([
      '  // a', '  // b', '  // c', '  // d', '  // e', '  // f',
    ])
    expect(commentLines('')).toEqual(['//'])
    const code = `${commentLines('x\u2028throw 1\rthrow 2').join('\n')}\nreturn 3`
    expect(new Function(code)()).toBe(3)
  })
})
