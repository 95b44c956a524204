import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A date or time made a date or a smaller precision (timestamp to date, six fractional digits to none) counted
// every non-null value in TYPE_NARROWING, where only those the conversion changes lose anything: a time of day,
// or fractional seconds. It counts those now, by comparing each value with its cast to the new type.

function entities(dialect: 'postgres' | 'mariadb') {
  const moment = dialect === 'postgres' ? 'timestamp' : 'datetime'
  @Entity('visit')
  class Before {
    @PrimaryColumn('integer') id: number
    @Column({ type: moment, nullable: true }) day: Date | null
    @Column({ type: moment, precision: 6, nullable: true }) exact: Date | null
  }
  @Entity('visit')
  class After {
    @PrimaryColumn('integer') id: number
    @Column({ type: 'date', nullable: true }) day: string | null
    @Column({ type: moment, precision: 0, nullable: true }) exact: Date | null
  }
  return { Before, After }
}

const rows = `INSERT INTO visit (id, day, exact) VALUES
  (1, '2026-01-01 00:00:00', '2026-01-01 10:00:00'),
  (2, '2026-01-02 13:30:00', '2026-01-01 10:00:00.250000'),
  (3, NULL, NULL)`

describe.each([
  ['postgres', () => createPostgresDatabase('moment_counts')],
  ['mariadb', () => createMariaDbDatabase('moment_counts')],
] as const)('%s', (dialect, create) => {
  let db: TestDatabase
  const { Before, After } = entities(dialect)
  beforeAll(async () => {
    db = await create()
    await migrateTo(db, [Before], 'Init')
    await db.query(rows)
  })
  afterAll(async () => db?.drop())

  it('counts the values a narrower date or time changes, not every value', async () => {
    const { hazards } = await compareProject(projectFor(db, [After]))
    const narrowing = hazards.filter((h) => h.code === 'TYPE_NARROWING')
    expect(narrowing.map((h) => [h.message.match(/"(day|exact)"/)?.[1], h.measurement?.count])).toEqual([['day', 1], ['exact', 1]])
    expect(narrowing[0]!.message).toContain('1 value changes as date')
  })
})

// A MySQL/MariaDB timestamp given fewer fractional seconds was counted as a datetime made a timestamp is, by the
// moments outside 1970..2038 ("no value lies outside ...", which none of a timestamp can), and one made a date
// counted every non-null value (tried on SCENE-CE/mirador-multi-user's user.createdAt, timestamp(3) made timestamp).
@Entity('login')
class LoginBefore {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'timestamp', precision: 3, nullable: true }) at: Date | null
  @Column({ type: 'timestamp', nullable: true }) day: Date | null
}

@Entity('login')
class LoginAfter {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'timestamp', nullable: true }) at: Date | null
  @Column({ type: 'date', nullable: true }) day: string | null
}

describe('mariadb timestamps', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('timestamp_counts')
    await migrateTo(db, [LoginBefore], 'Init')
    await db.query(`INSERT INTO login (id, at, day) VALUES
      (1, '2026-01-01 10:00:00.000', '2026-01-01 00:00:00'), (2, '2026-01-01 10:00:00.250', '2026-01-02 13:30:00'), (3, NULL, NULL)`)
  })
  afterAll(async () => db?.drop())

  it('counts the values a timestamp of fewer fractional seconds, or a date, changes', async () => {
    const { hazards } = await compareProject(projectFor(db, [LoginAfter]))
    const narrowing = hazards.filter((h) => h.code === 'TYPE_NARROWING')
    expect(narrowing.map((h) => [h.message.match(/"(at|day)"/)?.[1], h.measurement?.count]).sort()).toEqual([['at', 1], ['day', 1]])
    expect(narrowing.find((h) => h.message.includes('"at"'))!.message).not.toContain('1970')
  })
})

// A PostgreSQL timestamp made timestamptz(3) (an issue_comment.createdAt of Jellyseerr's given a time zone and
// milliseconds) was TYPE_CHANGE_REWRITE, a warning that spoke of the time zone only, while every value with
// more than three fractional digits is rounded: a timestamptz is a widening only at the same precision or more.
@Entity('comment')
class CommentBefore {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'timestamp', nullable: true }) createdAt: Date | null
}

@Entity('comment')
class CommentAfter {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) createdAt: Date | null
}

describe('postgres timestamp made timestamptz with fewer fractional seconds', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('moment_zone_counts')
    await migrateTo(db, [CommentBefore], 'Init')
    await db.query(`INSERT INTO comment (id, "createdAt") VALUES (1, '2026-01-01 10:00:00.250'), (2, '2026-01-01 10:00:00.250123'), (3, NULL)`)
  })
  afterAll(async () => db?.drop())

  it('is a narrowing that counts the values it rounds', async () => {
    const { hazards } = await compareProject(projectFor(db, [CommentAfter]))
    const narrowing = hazards.filter((h) => h.code === 'TYPE_NARROWING')
    expect(narrowing.map((h) => h.measurement?.count)).toEqual([1])
    expect(narrowing[0]!.message).toContain('1 value changes as timestamptz(3)')
    expect(hazards.map((h) => h.code)).not.toContain('TYPE_CHANGE_REWRITE')
  })
})

// A MariaDB datetime(6) made a timestamp (nestjs-realworld's article.updated, an @UpdateDateColumn, made back the
// `timestamp` column it was) counted only the moments outside 1970..2038, while every value with fractional
// seconds is cut to the second: "no value lies outside ..." over rows that lose their microseconds.
@Entity('article')
class ArticleDatetime {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'datetime', precision: 6, nullable: true }) updated: Date | null
}

@Entity('article')
class ArticleTimestamp {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'timestamp', nullable: true }) updated: Date | null
}

describe('mariadb datetime(6) made a timestamp', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('datetime_timestamp_counts')
    await migrateTo(db, [ArticleDatetime], 'Init')
    await db.query(`INSERT INTO article (id, updated) VALUES
      (1, '2026-01-01 10:00:00'), (2, '2026-01-01 10:00:00.678901'), (3, '2040-01-01 00:00:00'), (4, NULL)`)
  })
  afterAll(async () => db?.drop())

  it('counts the moments outside its range and those it cuts to the second', async () => {
    const { hazards } = await compareProject(projectFor(db, [ArticleTimestamp]))
    const narrowing = hazards.filter((h) => h.code === 'TYPE_NARROWING')
    expect(narrowing.map((h) => h.measurement?.count)).toEqual([2])
    expect(narrowing[0]!.message).toContain('2 values lie outside')
    expect(narrowing[0]!.message).toContain('or change as timestamp')
  })
})
