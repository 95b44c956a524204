import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm'

/** RecordedQuery is one `queryRunner.query` call a migration made: its SQL and parameters. */
export interface RecordedQuery {
  readonly sql: string
  readonly parameters?: readonly unknown[]
}

/**
 * recordQueries runs a migration's `up` or `down` against a query runner that records each `query` call
 * instead of sending it, and returns the calls in order. TypeORM's own helpers (`createTable`,
 * `addColumn`, ...) send their SQL through `query` too, so they are recorded as well. Nothing reaches the
 * database; a query whose result the migration reads gets no rows.
 */
export async function recordQueries(dataSource: DataSource, migration: MigrationInterface, direction: 'up' | 'down'): Promise<RecordedQuery[]> {
  const recorded: RecordedQuery[] = []
  const base = dataSource.createQueryRunner()
  // Inheriting from a real query runner keeps its helpers, which call `this.query`: the recording one.
  const recorder = Object.create(base) as QueryRunner
  Object.assign(recorder, {
    query: async (sql: string, parameters?: unknown[]) => {
      recorded.push(parameters === undefined || parameters.length === 0 ? { sql } : { sql, parameters })
      return []
    },
    manager: dataSource.createEntityManager(recorder),
  })
  try {
    await migration[direction](recorder)
  } finally {
    await base.release()
  }
  return recorded
}
