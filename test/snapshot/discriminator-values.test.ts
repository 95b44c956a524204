import { ChildEntity, Column, Entity, PrimaryGeneratedColumn, TableInheritance } from 'typeorm'
import type { Hazard } from '../../src/hazards/hazard'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// The value an entity of a single-table inheritance writes in the discriminator column is neither in the
// database's schema nor in the diff: changing it (`@ChildEntity('photo')` to `@ChildEntity('image')`) gave no
// operation and no word, while the rows written as 'photo' were no longer read as Photo.

/** entities are Content, Photo and Video (the class names the snapshot keys the values by), Photo writing `photoValue`. */
function entities(photoValue: string, kindLength: number): Function[] {
  @Entity('content') @TableInheritance({ column: { type: 'varchar', name: 'kind', length: kindLength } })
  class Content {
    @PrimaryGeneratedColumn() id!: number
    @Column() title!: string
  }
  @ChildEntity(photoValue) class Photo extends Content { @Column({ nullable: true }) size?: number }
  @ChildEntity('video') class Video extends Content {}
  return [Content, Photo, Video]
}

/** withoutPhoto are Content and Video alone: Photo removed, its rows left behind. */
function withoutPhoto(): Function[] {
  @Entity('content') @TableInheritance({ column: { type: 'varchar', name: 'kind', length: 20 } })
  class Content {
    @PrimaryGeneratedColumn() id!: number
    @Column() title!: string
  }
  @ChildEntity('video') class Video extends Content {}
  return [Content, Video]
}

const v1 = entities('photo', 20)
const v2 = entities('image', 20)
// Photo's new value on a column that also gets longer: the note stays beside the operation.
const v3 = entities('image', 40)
const noEffect = (hazards: readonly Hazard[]) => hazards.filter((h) => h.code === 'NO_SCHEMA_EFFECT').map((h) => h.message)
const renamedPhoto = /^"content"\."kind" changes Photo's value from 'photo' to 'image': no migration changes the rows already written/

describe('single-table inheritance discriminator values', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, v1, 'Init')
    await db.query(`INSERT INTO "content" ("title", "kind") VALUES ('a', 'photo'), ('b', 'video')`)
  })
  afterAll(async () => db?.drop())

  it('notes an entity that writes another value, with no operation, until generate records it', async () => {
    const comparison = await compareProject(projectFor(db, v2))
    expect(comparison.up).toEqual([])
    expect(noEffect(comparison.hazards)).toEqual([expect.stringMatching(renamedPhoto)])
    expect(comparison.snapshotOutdated).toBe(true)
  })

  it('keeps the note beside a change of the discriminator column itself', async () => {
    const comparison = await compareProject(projectFor(db, v3))
    expect(comparison.up.map((op) => op.kind)).toEqual(['alter_column'])
    expect(noEffect(comparison.hazards)).toEqual(expect.arrayContaining([expect.stringMatching(renamedPhoto)]))
  })

  it('says nothing once the snapshot holds the new value', async () => {
    await generateMigration(projectFor(db, v2), 'Nothing', 1_800_000_000_000)
    const comparison = await compareProject(projectFor(db, v2))
    expect(noEffect(comparison.hazards)).toEqual([])
    expect(comparison.snapshotOutdated).toBe(false)
  })

  it('notes an entity removed whose value no entity writes any more, beside the drop of its own columns', async () => {
    const comparison = await compareProject(projectFor(db, withoutPhoto()))
    expect(comparison.up.map((op) => op.kind)).toEqual(['drop_column'])
    expect(noEffect(comparison.hazards)).toEqual([expect.stringMatching(
      /^"content"\."kind" loses Photo, which wrote 'image': no migration removes the rows already written, which keep that value and are read as the entity a query names/)])
  })
})
