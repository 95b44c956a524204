import { EntitySchema } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase } from '../support/test-database'

// A time or date made a number becomes its digits (`00:00:05` is 5, `2024-01-02` 20240102). The guard that
// stops the migration on values the new type cannot hold compared the column itself with the type's bounds,
// which the server compares as moments: `00:00:05` was "outside -2147483648..2147483647", and the migration
// was refused.
const moments = (v: 'time' | 'date' | 'int') => new EntitySchema({
  name: 'Moment', tableName: 'moments', columns: { id: { type: 'int', primary: true }, at: { type: v, nullable: true }, day: { type: v === 'time' ? 'date' : v, nullable: true } },
})

describe('mariadb: a time or date column made a number', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('momentnumbers')
  })
  afterEach(async () => db?.drop())

  it('keeps each value as its number, which the guard lets through', async () => {
    await migrateTo(db, [moments('time')], 'Moments')
    await db.query(`INSERT INTO moments (id, at, day) VALUES (1, '00:00:05', '2024-01-02'), (2, NULL, NULL)`)
    await migrateTo(db, [moments('int')], 'Numbers')
    expect(await db.query(`SELECT at, day FROM moments ORDER BY id`)).toEqual([{ at: 5, day: 20240102 }, { at: null, day: null }])
    expect(await pendingChanges(db, [moments('int')])).toEqual([])
  })
})
