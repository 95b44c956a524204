import { concurrencyLimit } from '../../src/source/concurrency-limit'

test('runs at most `limit` tasks at once, each in turn, and gives each its own result or error', async () => {
  const inTurn = concurrencyLimit(2)
  let running = 0
  let most = 0
  const order: number[] = []
  const task = (n: number) => async () => {
    running += 1
    most = Math.max(most, running)
    await new Promise((resolve) => setTimeout(resolve, 5 * (n % 3)))
    running -= 1
    order.push(n)
    if (n === 3) throw new Error('three')
    return n * 10
  }
  const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((n) => inTurn(task(n))))
  expect(most).toBe(2)
  expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5])
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([0, 10, 20, 'three', 40, 50])
})
