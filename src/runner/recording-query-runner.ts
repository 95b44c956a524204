import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm'

/** RecordedQuery is one `queryRunner.query` call a migration made: its SQL and parameters. */
export interface RecordedQuery {
  readonly sql: string
  readonly parameters?: readonly unknown[]
}

/** RecordedCall is a RecordedQuery and whether the caller looked at its result (which is always empty). */
export interface RecordedCall extends RecordedQuery {
  resultRead: boolean
}

/** QueryRecorder is a query runner that records each `query` call instead of sending it, and the calls so far. */
export interface QueryRecorder {
  readonly runner: QueryRunner
  readonly calls: RecordedCall[]
  release(): Promise<void>
}

/**
 * queryRecorder makes a QueryRecorder on a query runner of `dataSource`. TypeORM's own helpers (`createTable`,
 * `addColumn`, `getTable`, ...) and its transaction statements go through `query` too, so they are recorded as
 * well. Nothing reaches the database: every query gets no rows, and a call whose rows the caller reads (its
 * length, an item, an iteration) is marked `resultRead`, since a real run might have gone on otherwise.
 */
export function queryRecorder(dataSource: DataSource): QueryRecorder {
  const calls: RecordedCall[] = []
  const base = dataSource.createQueryRunner()
  // Inheriting from a real query runner keeps its helpers, which call `this.query`: the recording one.
  const runner = Object.create(base) as QueryRunner
  Object.assign(runner, {
    query: async (sql: string, parameters?: unknown[], structured?: boolean) => {
      const call: RecordedCall = parameters === undefined || parameters.length === 0 ? { sql, resultRead: false } : { sql, parameters, resultRead: false }
      calls.push(call)
      const rows = watched([], () => { call.resultRead = true })
      // A structured result's `records` are the rows; its `raw` and `affected` only report a write.
      return structured === true ? { records: rows, raw: [], affected: 0 } : rows
    },
    manager: dataSource.createEntityManager(runner),
  })
  return { runner, calls, release: () => base.release() }
}

/** watched is `rows` telling `onRead` when anything looks into it (`then`, asked by every await, does not count). */
function watched(rows: unknown[], onRead: () => void): unknown[] {
  return new Proxy(rows, {
    get(target, key, receiver) {
      if (key !== 'then') onRead()
      return Reflect.get(target, key, receiver) as unknown
    },
  })
}

/** recordQueries runs a migration's `up` or `down` on a QueryRecorder and returns its `query` calls in order. */
export async function recordQueries(dataSource: DataSource, migration: MigrationInterface, direction: 'up' | 'down'): Promise<RecordedQuery[]> {
  const recorder = queryRecorder(dataSource)
  try {
    await migration[direction](recorder.runner)
  } finally {
    await recorder.release()
  }
  return recorder.calls.map(({ sql, parameters }) => (parameters === undefined ? { sql } : { sql, parameters }))
}
