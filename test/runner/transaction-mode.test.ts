import { DataSource } from 'typeorm'
import { transactionModeOf } from '../../src/runner/transaction-mode'

// TypeORM's runner reads any migrationsTransactionMode but "all" and "each" as no transaction at all: a
// misspelt one would run every migration without the transaction the user asked for.

const dataSource = (migrationsTransactionMode: unknown) =>
  new DataSource({ type: 'better-sqlite3', database: ':memory:', migrationsTransactionMode } as never)

it('is "each" when unset, and the one set', () => {
  expect(transactionModeOf(dataSource(undefined))).toBe('each')
  expect(['all', 'each', 'none'].map((mode) => transactionModeOf(dataSource(mode)))).toEqual(['all', 'each', 'none'])
})

it('refuses another value in one line naming the three', () => {
  expect(() => transactionModeOf(dataSource('al'))).toThrow(
    'the DataSource\'s migrationsTransactionMode is "al", which TypeORM\'s runner reads as no transaction at all: set it to "all", "each" or "none"',
  )
})
