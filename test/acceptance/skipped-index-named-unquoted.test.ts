import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { pendingChanges, migratedDatabase } from '../support/migration-cycle'
import { allDialects } from '../support/test-database'

// immich declares `@Index('idx_originalFileName_trigram', { synchronize: false })` and makes the index in a
// migration of its own, `CREATE INDEX idx_originalFileName_trigram ON assets USING gin (...)`, unquoted:
// PostgreSQL keeps it as `idx_originalfilename_trigram`, and every migration dropped it as an index no entity
// declares. MySQL, MariaDB and SQLite take index names that differ only in case for the same name.

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
