/** errorText writes an error with its stack and its chain of causes, for a log a person reads. */
export function errorText(err: unknown): string {
  const parts: string[] = []
  for (let e: unknown = err; e !== undefined && parts.length < 5; e = (e as { cause?: unknown }).cause) {
    parts.push(e instanceof Error ? (e.stack ?? e.message) : String(e))
    if (!(e instanceof Error)) break
  }
  return parts.join('\ncaused by: ')
}
