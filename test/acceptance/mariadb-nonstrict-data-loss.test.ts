import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { upUnderLooseSqlMode } from '../support/loose-sql-mode'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Outside strict mode (a sql_mode without STRICT_TRANS_TABLES or STRICT_ALL_TABLES) MariaDB takes an ALTER that
// drops an ENUM or SET label rows hold, makes a column holding NULLs NOT NULL, gives a column a charset without
// characters rows hold, or a type too short or too small for values rows hold, and turns those values into '', a
// shorter set, '' or 0, '?' in place of each such character, a cut string or the nearest bound, with a warning only;
// a number made an ENUM or a SET that is no label's position, or has a bit past the last label, becomes '' or loses
// those bits. The generated migration checks first and fails, changing nothing.

@Entity('article')
class ArticleBefore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['draft', 'published', 'archived'], default: 'draft' }) status: string
  @Column({ type: 'set', enum: ['a', 'b', 'c'], nullable: true }) tags: string[] | null
  @Column({ type: 'varchar', length: 50, nullable: true }) title: string | null
  @Column({ type: 'int', nullable: true }) views: number | null
}

@Entity('article')
class ArticleFewerLabels {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['draft', 'published'], default: 'draft' }) status: string
  @Column({ type: 'set', enum: ['a', 'b'], nullable: true }) tags: string[] | null
  @Column({ type: 'varchar', length: 50, nullable: true }) title: string | null
  @Column({ type: 'int', nullable: true }) views: number | null
}

@Entity('article')
class ArticleNotNull {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['draft', 'published', 'archived'], default: 'draft' }) status: string
  @Column({ type: 'set', enum: ['a', 'b', 'c'], nullable: true }) tags: string[] | null
  @Column({ type: 'varchar', length: 50 }) title: string
  @Column({ type: 'int' }) views: number
}

@Entity('article')
class ArticleAsciiTitle {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['draft', 'published', 'archived'], default: 'draft' }) status: string
  @Column({ type: 'set', enum: ['a', 'b', 'c'], nullable: true }) tags: string[] | null
  @Column({ type: 'varchar', length: 50, nullable: true, charset: 'ascii' }) title: string | null
  @Column({ type: 'int', nullable: true }) views: number | null
}

@Entity('article')
class ArticleShortTitle {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['draft', 'published', 'archived'], default: 'draft' }) status: string
  @Column({ type: 'set', enum: ['a', 'b', 'c'], nullable: true }) tags: string[] | null
  @Column({ type: 'varchar', length: 3, nullable: true }) title: string | null
  @Column({ type: 'int', nullable: true }) views: number | null
}

@Entity('article')
class ArticleUnsignedViews {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['draft', 'published', 'archived'], default: 'draft' }) status: string
  @Column({ type: 'set', enum: ['a', 'b', 'c'], nullable: true }) tags: string[] | null
  @Column({ type: 'varchar', length: 50, nullable: true }) title: string | null
  @Column({ type: 'int', unsigned: true, nullable: true }) views: number | null
}

@Entity('article')
class ArticleViewsAsLabels {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['draft', 'published', 'archived'], default: 'draft' }) status: string
  @Column({ type: 'set', enum: ['a', 'b', 'c'], nullable: true }) tags: string[] | null
  @Column({ type: 'varchar', length: 50, nullable: true }) title: string | null
  @Column({ type: 'enum', enum: ['none', 'few', 'many'], nullable: true }) views: string | null
}

@Entity('article')
class ArticleViewsAsFlags {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['draft', 'published', 'archived'], default: 'draft' }) status: string
  @Column({ type: 'set', enum: ['a', 'b', 'c'], nullable: true }) tags: string[] | null
  @Column({ type: 'varchar', length: 50, nullable: true }) title: string | null
  @Column({ type: 'set', enum: ['seen', 'liked'], nullable: true }) views: string[] | null
}

const rowsQuery = 'SELECT id, status, tags, title, views FROM article ORDER BY id'

describe.each([
  ['labels rows hold', ArticleFewerLabels, "rows of \"article\".\"status\" hold 'archived', which the column no longer takes"],
  ['a column holding NULLs made NOT NULL', ArticleNotNull, 'rows of "article"."title" hold NULL, which the column no longer takes'],
  ['characters of a charset rows use', ArticleAsciiTitle, 'rows of "article"."title" hold characters that charset ascii cannot store'],
  ['the length of strings rows hold', ArticleShortTitle, 'rows of "article"."title" hold values longer than varchar(3) takes'],
  ['the range of numbers rows hold', ArticleUnsignedViews, 'rows of "article"."views" hold numbers outside 0..4294967295, which int unsigned cannot hold'],
  ["numbers that are no ENUM label's position", ArticleViewsAsLabels, 'rows of "article"."views" hold numbers that are no position of a label of enum (\'none\', \'few\', \'many\') (1..3)'],
  ['numbers with bits past the last SET label', ArticleViewsAsFlags, 'rows of "article"."views" hold numbers below 0 or with a bit past the last label of set (\'seen\', \'liked\') (outside 0..3)'],
])('outside strict mode, a migration dropping %s', (_name, after, message) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('nonstrict')
    await migrateTo(db, [ArticleBefore], 'Init')
    await db.query("INSERT INTO article (status, tags, title, views) VALUES ('archived', 'a,c', NULL, NULL), ('draft', 'a', 'x', 3), ('draft', NULL, 'Grüße', -1)")
  })
  afterAll(async () => db?.drop())

  it('fails before its ALTER, and the rows keep their values', async () => {
    const rowsBefore = await db.query(rowsQuery)
    const { file } = await generateMigration(projectFor(db, [after]), 'Narrowed', 1_800_000_000_000)
    await expect(upUnderLooseSqlMode(db, file!)).rejects.toThrow(message)
    expect(await db.query(rowsQuery)).toEqual(rowsBefore)
    expect(await pendingChanges(db, [ArticleBefore])).toEqual([])
  })
})

it('outside strict mode, the same migration runs once no row holds what it drops', async () => {
  const db = await createMariaDbDatabase('nonstrict_clean')
  try {
    await migrateTo(db, [ArticleBefore], 'Init')
    await db.query("INSERT INTO article (status, tags, title, views) VALUES ('draft', 'a', 'x', 3)")
    const { file } = await generateMigration(projectFor(db, [ArticleFewerLabels]), 'FewerLabels', 1_800_000_000_000)
    await upUnderLooseSqlMode(db, file!)
    expect(await pendingChanges(db, [ArticleFewerLabels])).toEqual([])
  } finally {
    await db.drop()
  }
})
