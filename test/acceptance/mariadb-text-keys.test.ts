import { EntitySchema } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// MariaDB indexes a TEXT column keyed alone by a prefix that fits, but one keyed whole beside other columns at
// all its length, which no key holds ("Specified key was too long"): the migration failed there, after the
// statements before it had committed. It is refused before anything is written; what the server makes is kept.
const note = (indices: { columns: string[]; fulltext?: boolean }[]) => new EntitySchema({
  name: 'Note', tableName: 'note', indices,
  columns: { id: { type: 'int', primary: true }, userId: { type: 'int' }, title: { type: 'varchar', length: 100 }, body: { type: 'text' }, a: { type: 'tinytext' }, b: { type: 'tinytext' } },
})

describe('mariadb: keys over a whole TEXT column', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('textkeys')
  })
  afterEach(async () => db?.drop())

  it('refuses (userId, body) before anything is written', async () => {
    await expect(migrateTo(db, [note([{ columns: ['userId', 'body'] }])], 'Notes')).rejects.toThrow('give "body" a varchar type with a length')
    expect(await db.query(`SHOW TABLES LIKE 'note'`)).toEqual([])
  })

  it('makes what the server takes: body alone, two tinytexts, a fulltext over title and body', async () => {
    const entities = [note([{ columns: ['body'] }, { columns: ['a', 'b'] }, { columns: ['title', 'body'], fulltext: true }])]
    await migrateTo(db, entities, 'Notes')
    expect(await pendingChanges(db, entities)).toEqual([])
  })
})
