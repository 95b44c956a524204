import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm'
import { dialectFor } from '../dialect/dialect-for'

/** RecordedQuery is one `queryRunner.query` call a migration made: its SQL and parameters. */
export interface RecordedQuery {
  readonly sql: string
  readonly parameters?: readonly unknown[]
}

/** RecordedCall is a RecordedQuery and whether the caller looked at its result (which is always empty). */
export interface RecordedCall extends RecordedQuery {
  resultRead: boolean
  /** Set when a row in the result stops the migration (a check it makes): the message it fails with. */
  failsOnRows?: string
}

/** readsUnknownRows: the migration read the call's result, which a script cannot know, and no check was written for it. */
export const readsUnknownRows = (call: RecordedCall): boolean => call.resultRead && call.failsOnRows === undefined

/** QueryRecorder is a query runner that records each `query` call instead of sending it, and the calls so far. */
export interface QueryRecorder {
  readonly runner: QueryRunner
  readonly calls: RecordedCall[]
  /** Whether the caller read a value of the one empty row that `rowAt` gives (see queryRecorder). */
  readonly rowValueRead: boolean
  release(): Promise<void>
}

/**
 * queryRecorder makes a QueryRecorder on a query runner of `dataSource`. TypeORM's own helpers (`createTable`,
 * `addColumn`, `getTable`, ...) and its transaction statements go through `query` too, so they are recorded as
 * well. Nothing reaches the database: every query gets no rows, and a call whose rows the caller reads (its
 * length, an item, an iteration) is marked `resultRead`, since a real run might have gone on otherwise.
 * With `rowAt`, the call of that index gets one empty row instead (see failureOnRows). The questions TypeORM's
 * helpers ask the session (its current schema or database: the dialect's sessionQueries) are answered by the
 * connected database instead, once each, and not recorded: a real run gets the same answer there.
 */
export function queryRecorder(dataSource: DataSource, rowAt?: number): QueryRecorder {
  const calls: RecordedCall[] = []
  let rowValueRead = false
  const row = watchedRow(() => { rowValueRead = true })
  const sessionQueries = new Set(dialectFor(dataSource.options).migrationScript.sessionQueries)
  const answers = new Map<string, Promise<unknown>>()
  const base = dataSource.createQueryRunner()
  // Inheriting from a real query runner keeps its helpers, which call `this.query`: the recording one.
  const runner = Object.create(base) as QueryRunner
  Object.assign(runner, {
    query: async (sql: string, parameters?: unknown[], structured?: boolean) => {
      if (sessionQueries.has(sql) && (parameters === undefined || parameters.length === 0)) {
        if (!answers.has(sql)) answers.set(sql, dataSource.query(sql))
        const rows = await answers.get(sql)!
        return structured === true ? { records: rows, raw: rows, affected: undefined } : rows
      }
      const call: RecordedCall = parameters === undefined || parameters.length === 0 ? { sql, resultRead: false } : { sql, parameters, resultRead: false }
      calls.push(call)
      const rows = watched(calls.length - 1 === rowAt ? [row] : [], () => { call.resultRead = true })
      // A structured result's `records` are the rows; its `raw` and `affected` only report a write.
      return structured === true ? { records: rows, raw: [], affected: 0 } : rows
    },
    manager: dataSource.createEntityManager(runner),
  })
  return { runner, calls, get rowValueRead() { return rowValueRead }, release: () => base.release() }
}

/** watchedRow is an empty row telling `onRead` when a value of it is read. */
function watchedRow(onRead: () => void): Record<string, unknown> {
  return new Proxy({}, { get: readTelling(onRead) })
}

/** readTelling is a Proxy's `get` that tells `onRead` of each read but of `then`, which every await asks. */
function readTelling<T extends object>(onRead: () => void): ProxyHandler<T>['get'] {
  return (target, key, receiver) => {
    if (key !== 'then') onRead()
    return Reflect.get(target, key, receiver) as unknown
  }
}

/**
 * watched is `rows` telling `onRead` when anything looks into it (`then`, asked by every await, does not count):
 * a property read, and also a look that reads none, such as `for (const k in rows)`, `Object.keys(rows)` or
 * `'0' in rows`, which only ask for its keys, or for one, and find none in an empty result.
 */
function watched(rows: unknown[], onRead: () => void): unknown[] {
  return new Proxy(rows, {
    get: readTelling<unknown[]>(onRead),
    has(target, key) {
      if (key !== 'then') onRead()
      return Reflect.has(target, key)
    },
    ownKeys(target) {
      onRead()
      return Reflect.ownKeys(target)
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

/**
 * failureOnRows is the message `migration` fails with when its query number `index` (of those its `direction`
 * makes, counted from 0) returns a row and it sends nothing after it (or nothing after its query number
 * `lastIndex`: the checks of one block all run before it fails): a check that must find no rows (a
 * generated guard, or one written by hand). It runs the migration again on `recorder`, made to give that
 * query one row, sending nothing. That row has no values: a migration that reads one and fails on what it
 * got (a TypeError, as `row.key.split(':')` of a key that is not there) fails on the recording, where a real
 * row would have let it go on, so that is no check.
 */
export async function failureOnRows(
  recorder: QueryRecorder, migration: MigrationInterface, direction: 'up' | 'down', index: number, lastIndex = index,
): Promise<string | undefined> {
  try {
    await migration[direction](recorder.runner)
    return undefined
  } catch (err) {
    // The migration's own error, where nameMigrationErrors wrapped it in one naming the migration.
    const own = err instanceof Error && err.cause instanceof Error ? err.cause : err
    if (recorder.rowValueRead && own instanceof TypeError) return undefined
    const sent = recorder.calls.length
    return sent > index && sent <= lastIndex + 1 && own instanceof Error ? own.message : undefined
  } finally {
    await recorder.release()
  }
}
