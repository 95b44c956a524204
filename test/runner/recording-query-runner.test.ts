import { DataSource, type QueryRunner } from 'typeorm'
import { failureOnRows, queryRecorder } from '../../src/runner/recording-query-runner'

// A recorded query gets no rows, so a migration that looks into them might send other statements on the real
// database: every way of looking counts, not only reading a property. Jackson's namespace migration walks its
// rows with `for (const k in response)`, which asks for the array's keys and reads none of them.

describe('queryRecorder', () => {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' })
  beforeAll(async () => { await dataSource.initialize() })
  afterAll(async () => { await dataSource.destroy() })

  const readBy = async (look: (rows: unknown[]) => void): Promise<boolean> => {
    const recorder = queryRecorder(dataSource)
    try {
      look((await recorder.runner.query('SELECT key FROM store')) as unknown[])
      return recorder.calls[0]!.resultRead
    } finally {
      await recorder.release()
    }
  }

  it('marks a result read when the migration iterates, counts or indexes it', async () => {
    expect(await readBy((rows) => { for (const row of rows) void row })).toBe(true)
    expect(await readBy((rows) => void rows.length)).toBe(true)
    expect(await readBy((rows) => void rows[0])).toBe(true)
  })

  it('marks a result read when the migration lists its keys or asks for one', async () => {
    // eslint-disable-next-line guard-for-in
    expect(await readBy((rows) => { for (const k in rows) void k })).toBe(true)
    expect(await readBy((rows) => void Object.keys(rows))).toBe(true)
    expect(await readBy((rows) => void ('0' in rows))).toBe(true)
  })

  it('does not mark a result only awaited', async () => {
    expect(await readBy(() => undefined)).toBe(false)
  })
})

describe('failureOnRows', () => {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' })
  beforeAll(async () => { await dataSource.initialize() })
  afterAll(async () => { await dataSource.destroy() })

  const failure = (up: (queryRunner: QueryRunner) => Promise<void>) => failureOnRows(queryRecorder(dataSource, 0), { up, down: async () => {} }, 'up', 0)

  it('is the message of a check that fails on any row', async () => {
    expect(await failure(async (queryRunner) => {
      const rows = (await queryRunner.query('SELECT 1 FROM store WHERE "value" IS NULL')) as unknown[]
      if (rows.length > 0) throw new Error('fill the values first')
    })).toBe('fill the values first')
  })

  // Jackson's namespace migration: `key.split(':')` of each row's key. The recorded row has no values, so the
  // migration fails there, where a real row (which has its key) goes on: that is no check.
  it('is none where the migration fails on the values the recorded row lacks', async () => {
    expect(await failure(async (queryRunner) => {
      const response = (await queryRunner.query('SELECT store.key FROM store')) as { key: string }[]
      for (const k in response) {
        const key = response[k]!.key
        await queryRunner.query(`UPDATE store SET namespace = '${key.split(':').slice(0, 2).join(':')}' WHERE key = '${key}'`)
      }
    })).toBeUndefined()
  })
})
