import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { pendingChanges, migratedDatabase } from '../support/migration-cycle'
import { allDialects, createPostgresDatabase } from '../support/test-database'

// An index the entities declare `synchronize: false` is the database's index of the name the database keeps
// for the declared one. immich declares `@Index('idx_originalFileName_trigram', { synchronize: false })` and
// makes the index in a migration of its own, `CREATE INDEX idx_originalFileName_trigram ON assets USING gin
// (...)`, unquoted: PostgreSQL keeps it as `idx_originalfilename_trigram`, and every migration dropped it as an
// index no entity declares. MySQL, MariaDB and SQLite take index names that differ only in case for the same
// name; PostgreSQL cuts a name longer than 63 bytes.

@Entity('asset')
@Index('idx_originalFileName_byHand', { synchronize: false })
class Asset {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) filename: string
}

describe.each(allDialects('skipcase'))('%s: an index made by hand under its declared name written unquoted', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [Asset], 'CREATE INDEX idx_originalfilename_byhand ON asset (filename)')

  it('is left alone', async () => {
    expect(await pendingChanges(database(), [Asset])).toEqual([])
  })
})

const longName = 'idx_asset_original_file_name_trigram_by_hand_for_the_search_page_of_the_app'

@Entity('asset')
@Index(longName, { synchronize: false })
class AssetWithLongIndexName {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) filename: string
}

describe('postgres: an index made by hand under a declared name longer than 63 bytes', () => {
  const database = migratedDatabase(() => createPostgresDatabase('skiplong'), [AssetWithLongIndexName], `CREATE INDEX ${longName} ON asset (filename)`)

  it('is left alone', async () => {
    expect(await pendingChanges(database(), [AssetWithLongIndexName])).toEqual([])
  })
})
