/**
 * concurrencyLimit runs the tasks given to the function it returns at most `limit` at a time, the others
 * started in turn as those finish.
 */
export function concurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: (() => void)[] = []
  const next = () => {
    running -= 1
    waiting.shift()?.()
  }
  return <T>(task: () => Promise<T>): Promise<T> => {
    const started = () => {
      running += 1
      return task().finally(next)
    }
    if (running < limit) return started()
    return new Promise<void>((resolve) => waiting.push(resolve)).then(started)
  }
}
