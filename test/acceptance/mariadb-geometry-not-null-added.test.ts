import * as fs from 'node:fs'
import { Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Found on a RuoYi-style Nest admin (taozhi1010/nest-admin): a migration that renamed a column of one table and changed
// others, then added a `point` NOT NULL column with a SPATIAL index (which takes only NOT NULL columns) to `sys_upload`,
// which had rows. ADD_NOT_NULL_WITHOUT_DEFAULT said those rows would silently get the type's implicit default, but a
// geometry has none: MariaDB gives them an empty value that is no geometry, and refused the SPATIAL index ("Cannot get
// geometry object from data you send to the GEOMETRY field") after the five statements before it had committed. The
// migration now checks first and fails while the table has rows, changing nothing.

@Entity('upload')
class UploadBefore {
  @PrimaryColumn({ type: 'varchar', length: 20 }) id: string
  @Column({ type: 'int' }) size: number
}

@Entity('notice')
class NoticeBefore {
  @PrimaryColumn({ type: 'int' }) id: number
  @Column({ type: 'varchar', length: 50 }) title: string
}

@Entity('upload')
class UploadLocated {
  @PrimaryColumn({ type: 'varchar', length: 20 }) id: string
  @Column({ type: 'bigint' }) size: number
  @Index('sp_upload_location', { spatial: true })
  @Column({ type: 'point' }) location: string
}

@Entity('notice')
class NoticeWider {
  @PrimaryColumn({ type: 'int' }) id: number
  @Column({ type: 'varchar', length: 80 }) title: string
}

const tablesQuery = "SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE y FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' ORDER BY t, c"

describe('MariaDB: a NOT NULL geometry column added without a default', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('geometry_added')
    await migrateTo(db, [NoticeBefore, UploadBefore], 'Init')
  })
  afterEach(async () => db?.drop())

  it('to a table with rows: the hazard says it fails, and the migration fails before its first statement', async () => {
    await db.query("INSERT INTO upload (id, size) VALUES ('a1', 1024)")
    const schemaBefore = await db.query(tablesQuery)
    const written = await generateMigration(projectFor(db, [NoticeWider, UploadLocated]), 'Located', 1_800_000_000_000)
    const text = fs.readFileSync(written.file!, 'utf8')
    expect(text).toContain('Adds "upload"."location" NOT NULL without a default, which fails if "upload" has rows')
    expect(text).not.toContain('implicit default')
    const failure = await upgrade(projectFor(db, [NoticeWider, UploadLocated])).then(() => undefined, (error: Error) => error)
    expect(failure?.message).toContain('"upload" has rows, which the NOT NULL point column "location" added without a default cannot be filled for')
    expect(failure?.message).toContain('nothing of the table was changed')
    expect(await db.query(tablesQuery)).toEqual(schemaBefore)
  })

  it('to an empty table: the check finds no row and the migration runs', async () => {
    await generateMigration(projectFor(db, [NoticeWider, UploadLocated]), 'Located', 1_800_000_000_000)
    await upgrade(projectFor(db, [NoticeWider, UploadLocated]))
    expect(await db.query("SELECT COLUMN_TYPE y, IS_NULLABLE n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'upload' AND COLUMN_NAME = 'location'"))
      .toEqual([{ y: 'point', n: 'NO' }])
  })
})
