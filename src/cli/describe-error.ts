import { UserError } from '../source/user-error'

/**
 * describeError turns any error into the one line the CLI prints. UserErrors already say what to do; other
 * errors are shown with their causes so the user can act on them.
 */
export function describeError(err: unknown): string {
  if (err instanceof UserError) return err.message
  const parts: string[] = []
  let current: unknown = err
  while (current instanceof Error && parts.length < 4) {
    // A wrapping error usually quotes its cause already: show each message once.
    const message = current.message
    if (!parts.some((part) => part.includes(message))) parts.push(message)
    current = current.cause
  }
  if (parts.length === 0) parts.push(String(err))
  return parts.join(': ').replace(/\s*\n\s*/g, ' ')
}
