import { nextMigrationTimestamp } from '../../src/pipeline/next-migration-timestamp'
import { UserError } from '../../src/source/user-error'

// A new migration's timestamp is newer than every migration: one older would be left out of order behind them.

describe('nextMigrationTimestamp', () => {
  const names = ['Init1700000000000', 'AddViews1700000002000', 'hand-written']

  test('is the current time where it is newer than every migration', () => {
    expect(nextMigrationTimestamp(names, 1800000000000, undefined)).toBe(1800000000000)
    expect(nextMigrationTimestamp([], 1800000000000, undefined)).toBe(1800000000000)
  })

  test('is the millisecond after the newest migration where that one is later (a clock ahead)', () => {
    expect(nextMigrationTimestamp(names, 1690000000000, undefined)).toBe(1700000002001)
  })

  test('is --timestamp where it is newer than every migration, and refuses one that is not', () => {
    expect(nextMigrationTimestamp(names, 1800000000000, 1700000002001)).toBe(1700000002001)
    for (const given of [1700000002000, 1700000001000]) {
      expect(() => nextMigrationTimestamp(names, 1800000000000, given)).toThrow(UserError)
      expect(() => nextMigrationTimestamp(names, 1800000000000, given)).toThrow(
        `--timestamp ${given} is not newer than every migration (the newest is 1700000002000): pass a later one, or leave it out`,
      )
    }
  })
})
