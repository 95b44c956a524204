import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'

// A named @Index on a base class names the index of every entity extending it (Grist's Resource is such a
// base). PostgreSQL wants an index name unique in the schema and SQLite in the database, so the migration
// failed on the second CREATE INDEX; MySQL and MariaDB keep index names per table, and there it works.

abstract class Stamped {
  @Index('idx_created_on') @Column({ type: 'varchar', length: 30, default: '2024-01-01' }) createdOn: string
}

@Entity('document')
class Document extends Stamped {
  @PrimaryGeneratedColumn() id: number
}

@Entity('workspace')
class Workspace extends Stamped {
  @PrimaryGeneratedColumn() id: number
}

const entities = [Document, Workspace]
const clash = (where: string, table: (name: string) => string) =>
  `"idx_created_on" names the index of table ${table('document')} and the index of table ${table('workspace')}, but the database wants it unique in the ${where}: ` +
  'give one of them another name (a name given on a base class names the index of every entity that extends it)'

describe.each(allDialects('widenames'))('%s: one index name on two tables', (label, createDatabase) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createDatabase()
  })
  afterEach(async () => db?.drop())

  if (label === 'mariadb') {
    it('migrates, as the index names are the tables\' own', async () => {
      await migrateTo(db, entities, 'Init')
      expect(await pendingChanges(db, entities)).toEqual([])
      await revertLast(db, entities)
    })
  } else {
    it('is refused, naming both tables', async () => {
      const expected = label === 'postgres' ? clash('schema', (name) => `public.${name}`) : clash('database', (name) => name)
      await expect(pendingChanges(db, entities)).rejects.toThrow(expected)
    })
  }
})
