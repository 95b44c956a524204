import { Column, Entity, PrimaryColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// nestjs-realworld's article.updated, a `timestamp`, made an @UpdateDateColumn (datetime(6)): its `down` made the
// column a timestamp again and cut every value written since to the second without a word (10:00:00.678901 came
// back 10:00:00), where a timestamp(6) made back a timestamp(0) was stopped. Both lose the fractional seconds.

@Entity('article')
class ArticleTimestamp {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'timestamp', default: () => 'CURRENT_TIMESTAMP' }) updated: Date
}

@Entity('article')
class ArticleDatetime {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'datetime', precision: 6, default: () => 'CURRENT_TIMESTAMP(6)' }) updated: Date
}

describe('mariadb: down making a datetime(6) a timestamp again', () => {
  let db: TestDatabase
  const updatedOf = async () => (await db.query('SELECT CAST(updated AS CHAR) AS updated FROM article WHERE id = 1'))[0]!.updated
  beforeAll(async () => {
    db = await createMariaDbDatabase('datetime_timestamp_down')
    await migrateTo(db, [ArticleTimestamp], 'Init')
    await db.query(`INSERT INTO article (id, updated) VALUES (1, '2026-01-01 10:00:00')`)
  })
  afterAll(async () => db?.drop())

  it('stops while a value has fractional seconds, and runs once none has', async () => {
    await generateMigration(projectFor(db, [ArticleDatetime]), 'UpdateDate', 1_900_000_000_000)
    expect(await upgrade(projectFor(db, [ArticleDatetime]))).toEqual(['UpdateDate1900000000000'])
    await db.query(`UPDATE article SET updated = '2026-01-01 10:00:00.678901'`)

    const refusal = await revertLast(db, [ArticleDatetime]).then(() => undefined, (err: Error) => err.message)
    expect(refusal).toMatch(/down cannot run: changing "article"\."updated" back from datetime\(6\) to timestamp would round or cut the time/)
    expect(await pendingChanges(db, [ArticleDatetime])).toEqual([])
    expect(await updatedOf()).toBe('2026-01-01 10:00:00.678901')

    await db.query(`UPDATE article SET updated = '2026-01-01 10:00:00'`)
    await revertLast(db, [ArticleDatetime])
    expect(await pendingChanges(db, [ArticleTimestamp])).toEqual([])
    expect(await updatedOf()).toBe('2026-01-01 10:00:00')
  })
})
