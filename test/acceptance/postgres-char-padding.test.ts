import { EntitySchema } from 'typeorm'
import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// A char(n) value is padded with spaces, which its cast to another type reads (`'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11    '` is no uuid,
// `'1         '` no bit string), where its text form drops them: a char made uuid or inet failed on every shorter
// value the probe had found fine, and a bit string made char came back failing in down.
const hosts = (address: object, flags: object) => new EntitySchema({
  name: 'Host', tableName: 'hosts', columns: {
    id: { type: 'int', primary: true },
    key: { nullable: true, ...address } as never,
    flags: { nullable: true, ...flags } as never,
  },
})
const asChars = hosts({ type: 'char', length: 40 }, { type: 'varbit', length: 10 })
const asValues = hosts({ type: 'uuid' }, { type: 'char', length: 10 })

it('postgres: converts a char column to another type without its padding, both ways', async () => {
  const db: TestDatabase = await createPostgresDatabase('charpad')
  try {
    await migrateTo(db, [asChars], 'Chars')
    await db.query(`INSERT INTO hosts (id, key, flags) VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', B'101'), (2, NULL, NULL)`)
    const { rowsAfter } = await expectCleanCycle(db, [asChars], [asValues], 'Values', 'SELECT id, key::text, flags::text FROM hosts ORDER BY id')
    expect(rowsAfter).toEqual([{ id: 1, key: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', flags: '101' }, { id: 2, key: null, flags: null }])
  } finally {
    await db.drop()
  }
})
