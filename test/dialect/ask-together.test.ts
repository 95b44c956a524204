import { askTogether } from '../../src/dialect/ask-together'

describe('askTogether', () => {
  const asked: number[][] = []
  const ask = async (batch: readonly number[]): Promise<string[]> => {
    asked.push([...batch])
    if (batch.some((n) => n < 0)) throw new Error(`refused ${batch.find((n) => n < 0)}`)
    return batch.map((n) => `ok ${n}`)
  }
  beforeEach(() => asked.splice(0))

  it('asks once when the database answers all together', async () => {
    expect(await askTogether([1, 2, 3], ask, () => 'refused')).toEqual(['ok 1', 'ok 2', 'ok 3'])
    expect(asked).toEqual([[1, 2, 3]])
  })

  it('asks each alone after a refusal, and answers only the refused ones with `refused`', async () => {
    const answers = await askTogether([1, -2, 3], ask, (item, err) => `${item}: ${(err as Error).message}`)
    expect(answers).toEqual(['ok 1', '-2: refused -2', 'ok 3'])
    expect(asked).toEqual([[1, -2, 3], [1], [-2], [3]])
  })

  it('does not ask a lone refused item twice', async () => {
    expect(await askTogether([-1], ask, () => 'refused')).toEqual(['refused'])
    expect(asked).toEqual([[-1]])
  })
})
