import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

@Entity('post')
class PostBefore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text', nullable: true }) body: string | null
}

@Entity('post')
class PostAfter {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text', nullable: true }) content: string | null
}

describe('SUSPECTED_RENAME on a live database', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [PostBefore], 'Init')
    await db.query("INSERT INTO post (body) VALUES ('hello'), ('world'), (NULL)")
  })
  afterAll(async () => {
    await db.drop()
  })

  it('warns on the drop of what the rename detector suspects, with the values that would be lost', async () => {
    const comparison = await compareProject(projectFor(db, [PostAfter]))
    expect(comparison.suspectedRenames).toHaveLength(1)
    const hazard = comparison.hazards.find((h) => h.code === 'SUSPECTED_RENAME')
    expect(hazard).toMatchObject({ severity: 'danger', operation: { kind: 'drop_column', column: { name: 'body' } } })
    expect(hazard?.message).toMatch(/^Column "post"."body" is dropped and "post"."content" added, which looks like a rename \(.+\): as written every value is deleted \(2 non-null values\); if it is a rename, .*--rename post\.body=content/)
  })
})
