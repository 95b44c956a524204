import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { expectCleanCycle, migrateTo, pendingChanges } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// MariaDB keeps a unique over a TEXT column as a HASH key, which serves no lookup by its leading columns: a
// foreign key leading it still gets an index of its own from InnoDB. Taken for served, that index read as one
// to drop, so `check` failed right after the migration that made the table (found by random round trips).

@Entity('author')
class Author {
  @PrimaryGeneratedColumn() id: number
}

@Entity('note')
@Unique(['author', 'body'])
class Note {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text', nullable: true }) body: string
  @ManyToOne(() => Author) author: Author
}

@Entity('note')
@Unique(['author', 'body'])
class NotePinned {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text', nullable: true }) body: string
  @Column({ type: 'int', nullable: true }) pinned: number
  @ManyToOne(() => Author) author: Author
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('hashfk')
})
afterAll(async () => db?.drop())

it('keeps the index InnoDB makes for a foreign key leading a unique over a TEXT column', async () => {
  await migrateTo(db, [Author, Note], 'Init')
  expect(await pendingChanges(db, [Author, Note])).toEqual([])
  await db.query('INSERT INTO author (id) VALUES (1), (2)')
  await db.query(`INSERT INTO note (body, authorId) VALUES ('a', 1), ('b', 1), ('a', 2)`)
  await expectCleanCycle(db, [Author, Note], [Author, NotePinned], 'Pin', 'SELECT id, body, authorId FROM note ORDER BY id')
})

@Entity('memo')
@Unique(['author', 'body'])
class LongMemo {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 1000, nullable: true, charset: 'utf8mb4' }) body: string
  @ManyToOne(() => Author) author: Author
}

@Entity('memo')
@Unique(['author', 'body'])
class LatinMemo {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 1000, nullable: true, charset: 'latin1' }) body: string
  @ManyToOne(() => Author) author: Author
}

// Longer than InnoDB's longest key (4,000 bytes in utf8mb4) the unique is a HASH key too; in latin1 (1,000) it is not.
it.each([['utf8mb4', LongMemo], ['latin1', LatinMemo]] as const)('keeps or leaves out that index for a unique over a varchar(1000) in %s as MariaDB does', async (_charset, memo) => {
  const fresh = await createMariaDbDatabase('hashfk')
  try {
    await migrateTo(fresh, [Author, memo], 'Init')
    expect(await pendingChanges(fresh, [Author, memo])).toEqual([])
  } finally {
    await fresh.drop()
  }
})
