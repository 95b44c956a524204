/**
 * UserError is a failure the user can fix (a missing config file, an entity TypeORM rejects). Its message
 * is one line that says what is wrong and what to do; the CLI prints it without a stack trace.
 */
export class UserError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(oneLine(message), options)
    this.name = 'UserError'
  }
}

/** messageOf is the first line of an error's message, for quoting another error inside a UserError. */
export function messageOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  return oneLine(message)
}

/**
 * oneLine is the first line of `text` that is not blank, or, where that says nothing (the `[` of a JSON array: a
 * ZodError's message), the whole text on one line, cut at 300 characters.
 */
function oneLine(text: string): string {
  const first = (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').trim()
  if (first === '' || /[\p{L}\p{N}]/u.test(first)) return first
  const whole = text.replace(/\s+/g, ' ').trim()
  return whole.length > 300 ? `${whole.slice(0, 300)}...` : whole
}
