import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { mariadbSchemaDump } from '../support/mariadb-schema-dump'
import { postgresSchemaDump } from '../support/postgres-schema-dump'
import { createMariaDbDatabase, createPostgresDatabase, type TestDatabase } from '../support/test-database'

// apitable's tables, made by its own SQL, have indexes with a COMMENT (`KEY k_space_id (space_id) COMMENT
// 'Space ID Index'`), which no entity can declare; PostgreSQL keeps them apart (COMMENT ON INDEX, COMMENT ON
// CONSTRAINT). A migration dropping such an index got a down that created it again without its comment;
// and a comment is no difference to diff.

@Entity('asset')
@Index('k_space_id', ['spaceId'])
@Unique('uk_checksum', ['checksum'])
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

interface Server {
  readonly create: (prefix: string) => Promise<TestDatabase>
  /** The statements that give both the index and the unique a comment. */
  readonly comment: readonly string[]
  readonly dump: (db: TestDatabase) => Promise<string> | string
  /** How the dump shows each comment. */
  readonly shown: readonly string[]
}

const servers: Array<[string, Server]> = [
  ['MariaDB', {
    create: createMariaDbDatabase,
    comment: [
      "ALTER TABLE asset DROP INDEX k_space_id, ADD INDEX k_space_id (space_id) COMMENT 'Space ID Index'",
      "ALTER TABLE asset DROP INDEX uk_checksum, ADD UNIQUE INDEX uk_checksum (checksum) COMMENT 'Unique checksum'",
    ],
    dump: mariadbSchemaDump,
    shown: ["COMMENT 'Space ID Index'", "COMMENT 'Unique checksum'"],
  }],
  ['PostgreSQL', {
    create: createPostgresDatabase,
    comment: ["COMMENT ON INDEX k_space_id IS 'Space ID Index'", "COMMENT ON CONSTRAINT uk_checksum ON asset IS 'Unique checksum'"],
    dump: postgresSchemaDump,
    shown: ["COMMENT ON INDEX public.k_space_id IS 'Space ID Index'", "COMMENT ON CONSTRAINT uk_checksum ON public.asset IS 'Unique checksum'"],
  }],
]

describe.each(servers)('%s', (_, server) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await server.create('indexcomment')
    await migrateTo(db, [AssetV1], 'Init')
    for (const sql of server.comment) await db.query(sql)
  })
  afterAll(async () => db?.drop())

  it('finds no difference in an index or unique comment, and a down puts a dropped one back with its comment', async () => {
    expect(await pendingChanges(db, [AssetV1])).toEqual([])
    const before = await server.dump(db)
    for (const shown of server.shown) expect(before).toContain(shown)
    await migrateTo(db, [AssetV2], 'DropIndex')
    expect(await server.dump(db)).not.toContain('k_space_id')
    await revertLast(db, [AssetV2])
    expect(await server.dump(db)).toEqual(before)
  })
})
