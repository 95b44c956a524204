import { Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { mariadbSchemaDump } from '../support/mariadb-schema-dump'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// apitable's tables, made by its own SQL, have indexes with a COMMENT (`KEY k_space_id (space_id) COMMENT
// 'Space ID Index'`), which no entity can declare. A migration dropping such an index got a down that
// created it again without its comment; and a comment is no difference to diff.

@Entity('asset')
@Index('k_space_id', ['spaceId'])
@Index('uk_checksum', ['checksum'], { unique: true })
class AssetV1 {
  @PrimaryColumn('int') id: number
  @Column({ name: 'space_id', type: 'varchar', length: 50 }) spaceId: string
  @Column({ type: 'varchar', length: 50 }) checksum: string
}

@Entity('asset')
class AssetV2 {
  @PrimaryColumn('int') id: number
  @Column({ name: 'space_id', type: 'varchar', length: 50 }) spaceId: string
  @Column({ type: 'varchar', length: 50 }) checksum: string
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('indexcomment')
  await migrateTo(db, [AssetV1], 'Init')
  await db.query("ALTER TABLE asset DROP INDEX k_space_id, ADD INDEX k_space_id (space_id) COMMENT 'Space ID Index'")
  await db.query("ALTER TABLE asset DROP INDEX uk_checksum, ADD UNIQUE INDEX uk_checksum (checksum) COMMENT 'Unique checksum'")
})
afterAll(async () => db?.drop())

it('finds no difference in an index comment, and a down puts a dropped index back with its comment', async () => {
  expect(await pendingChanges(db, [AssetV1])).toEqual([])
  const before = await mariadbSchemaDump(db)
  expect(before).toContain("COMMENT 'Space ID Index'")
  expect(before).toContain("COMMENT 'Unique checksum'")
  await migrateTo(db, [AssetV2], 'DropIndex')
  await revertLast(db, [AssetV2])
  expect(await mariadbSchemaDump(db)).toEqual(before)
})
