import * as path from 'node:path'
import { UserError } from './user-error'

/**
 * javaScriptSyntaxError is the one-line UserError for a syntax error Node found compiling a `.js` file it
 * required, `bad.js(2,21): error: Unexpected end of input. Fix the syntax error, then run again.`, as the
 * TypeScript loader reports one in a `.ts` file; undefined for any other error. Node puts the place on top of
 * such an error's stack: `/abs/bad.js:2`, the source line, and a line with `^` under the column (none at the
 * end of the input, where the column is 1). A file `import()`ed (ESM) gets no place, and so no UserError.
 */
export function javaScriptSyntaxError(err: unknown): UserError | undefined {
  if (!(err instanceof SyntaxError) || typeof err.stack !== 'string') return undefined
  const [place, source = '', underline = ''] = err.stack.split('\n')
  const located = place === undefined ? null : /^(.+):(\d+)$/.exec(place)
  if (located === null || !path.isAbsolute(located[1]!)) return undefined
  const file = located[1]!
  const caret = underline.indexOf('^')
  const column = caret >= 0 ? caret + 1 : source === '' ? 1 : undefined
  const where = `${path.relative(process.cwd(), file) || file}(${located[2]}${column === undefined ? '' : `,${column}`})`
  return new UserError(`${where}: error: ${err.message.replace(/\.$/, '')}. Fix the syntax error, then run again.`, { cause: err })
}
