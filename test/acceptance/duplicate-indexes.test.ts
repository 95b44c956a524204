import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'

// `@Index()` on a relation and `@Index()` on the column it joins on name the same index (the name is made from
// the table and the columns), as real projects write it to reach the key by its id: TypeORM lists it twice, and
// its synchronize, like a migration creating both, fails on the second (the name exists already).

@Entity('podcast')
class Podcast {
  @PrimaryGeneratedColumn() id: number
}

@Entity('episode')
class Episode {
  @PrimaryGeneratedColumn() id: number
  @Index() @ManyToOne(() => Podcast) podcast: Podcast
  @Index() @Column({ nullable: true }) podcastId: number
}

const entities = [Podcast, Episode]

@Entity('clip')
@Index('clip_start', ['start'])
@Index('clip_start', ['start', 'id'])
class Clip {
  @PrimaryGeneratedColumn() id: number
  @Column() start: number
}

@Entity('take')
@Index('take_end', ['end'])
@Index('take_end', ['end', 'id'])
class Take {
  @PrimaryGeneratedColumn() id: number
  @Column() end: number
}

describe.each(allDialects('dupindexes'))('%s: one index declared on a relation and on its column', (_label, createDatabase) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createDatabase()
  })
  afterEach(async () => db?.drop())

  it('is made once, and nothing is left to change after the migration', async () => {
    const { up } = await migrateTo(db, entities, 'Init')
    const created = up.flatMap((op) => (op.kind === 'create_table' ? op.table.indexes : op.kind === 'create_index' ? [op.index] : []))
    expect(created).toHaveLength(1)
    expect(await pendingChanges(db, entities)).toEqual([])
    await revertLast(db, entities)
  })

  it('is refused when the two declarations of one name differ', async () => {
    await expect(pendingChanges(db, [Clip])).rejects.toThrow(
      /^index "clip_start" on table (public\.)?clip is declared twice, differently \(on \(start, id\); on \(start\)\): give one of them another name$/,
    )
  })

  it('names every table that declares one name twice, in one run', async () => {
    await expect(pendingChanges(db, [Clip, Take])).rejects.toThrow(
      /^2 problems stop this run, fix each: \(1\) index "clip_start" on table (public\.)?clip is declared twice, .*; \(2\) index "take_end" on table (public\.)?take is declared twice, /,
    )
  })
})
