import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createMariaDbDatabase, createPostgresDatabase, type TestDatabase } from '../support/test-database'

// Comments as TypeORM's own tests write them (control characters, a NUL, a quote, a trailing backslash, only a
// space): the database keeps them without the NUL, which TypeORM removes and PostgreSQL cannot hold.

abstract class NoteColumns {
  @PrimaryGeneratedColumn() id: number
  @Column({ comment: 'Hello\nWorld' }) newline: string
  @Column({ comment: "It's a day" }) quote: string
  @Column({ comment: 'Hello World. \r\n\t\b\f\v\u0000' }) control: string
  @Column({ comment: 'Ends with a backslash\\' }) backslash: string
  @Column({ comment: ' ' }) space: string
  @Column({ comment: '\u0000' }) onlyNul: string
}

@Entity('notes', { comment: 'Notes\u0000 table' })
class Note extends NoteColumns {}

// TypeORM writes a MySQL table comment into CREATE TABLE as it is: the server cuts it at the NUL.
@Entity('notes', { comment: 'Notes table' })
class MyNote extends NoteColumns {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const setups: [string, () => Promise<TestDatabase>, Function][] = [
  ['postgres', () => createPostgresDatabase('comment_chars'), Note],
  ['mariadb', () => createMariaDbDatabase('comment_chars'), MyNote],
]

describe.each(setups)('comments with control characters on %s', (_label, setup, note) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await setup()
  })
  afterEach(async () => db?.drop())

  it('a database TypeORM synchronized matches the entities', async () => {
    await synchronizeWithTypeorm(db, [note])
    expect(await pendingChanges(db, [note])).toEqual([])
  })

  it('our migration applies, leaves nothing to change, and reverts', async () => {
    await migrateTo(db, [note], 'Notes')
    expect(await pendingChanges(db, [note])).toEqual([])
    await revertLast(db, [note])
    expect(await pendingChanges(db, [])).toEqual([])
  })
})
