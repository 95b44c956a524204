import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// A column given a charset without characters its values may hold (utf8mb4 made ascii): the server refuses those
// values, or outside strict mode writes '?' for each such character. generate said nothing of it.

function entities(charsets: { readonly handle?: string; readonly note?: string }) {
  @Entity('member')
  class Member {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'varchar', length: 20, charset: charsets.handle }) handle: string
    @Column({ type: 'varchar', length: 20, charset: charsets.note }) note: string
  }
  return [Member]
}

describe('CHARSET_NARROWING on mariadb', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('charset_narrowing')
    await migrateTo(db, entities({ note: 'latin1' }), 'Init')
    await db.query("INSERT INTO member (handle, note) VALUES ('clé', 'Grüße')")
  })
  afterAll(async () => db?.drop())

  it('warns of a charset that lacks characters, not of utf8mb4, which has them all', async () => {
    const { hazards } = await compareProject(projectFor(db, entities({ handle: 'ascii', note: 'utf8mb4' })))
    const found = hazards.filter((h) => h.code === 'CHARSET_NARROWING')
    expect(found.map((h) => [h.severity, h.message])).toEqual([['danger',
      'Gives "member"."handle" charset ascii, which lacks characters other charsets have: the migration checks first, and fails while a value holds one, ' +
        'changing nothing (1 value holds a character ascii lacks); change those values first, or keep the charset.']])
  })

  it('counts the values that hold a character the charset lacks, and says so when none does', async () => {
    await db.query("INSERT INTO member (handle, note) VALUES ('abc', 'x'), ('naïve', 'y')")
    try {
      const counted = async (charsets: Parameters<typeof entities>[0]) => (await compareProject(projectFor(db, entities(charsets)))).hazards
        .filter((h) => h.code === 'CHARSET_NARROWING').map((h) => /\(([^)]*)\)/.exec(h.message)?.[1])
      expect(await counted({ handle: 'ascii', note: 'latin1' })).toEqual(['2 values hold a character ascii lacks'])
      // latin1 has é, ï and ü: the note's values all fit; ascii lacks them.
      expect(await counted({ handle: 'latin1', note: 'ascii' })).toEqual(['no value holds a character latin1 lacks', '1 value holds a character ascii lacks'])
    } finally {
      await db.query("DELETE FROM member WHERE handle IN ('abc', 'naïve')")
    }
  })
})
