import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { type TestDatabase, allDialects } from '../support/test-database'

// A relation to an entity declared synchronize: false (immich's person.faceAssetId to asset_faces, which only a
// hand-written migration of theirs creates) on a database without that table: generate stops, naming the key,
// the table and the fix, and writes nothing. Its migration failed at the key (on MariaDB after the statements
// before it had committed; SQLite took the key, and then refused every write to the table).

@Entity('face', { synchronize: false })
class Face {
  @PrimaryGeneratedColumn() id: number
}

@Entity('person')
class Person {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) name: string
  @ManyToOne(() => Face, { nullable: true, onDelete: 'SET NULL' }) face: Face | null
}

const faceTable: Record<string, string> = {
  sqlite: 'CREATE TABLE "face" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL)',
  postgres: 'CREATE TABLE "face" ("id" SERIAL PRIMARY KEY)',
  mariadb: 'CREATE TABLE `face` (`id` int NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB',
}

describe.each(allDialects('absentref'))('%s: a relation to a table left alone that the database lacks', (label, createDatabase) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
  })
  afterAll(async () => db?.drop())

  it('stops generate, writing nothing, until the table is there; then makes the key', async () => {
    await expect(migrateTo(db, [Person, Face], 'People')).rejects.toThrow(
      /^foreign key "FK_\w+" of "(public"\.")?person" references table "(public"\.")?face", which the database does not have and the migration would not create \(its entity is declared synchronize: false, or autogen\.ignore names it\): create it first, in a migration of your own \(typeorm-autogen create\), run upgrade, then generate again$/)
    const migrations = join(db.dir, 'migrations')
    expect(existsSync(migrations) ? readdirSync(migrations).filter((f) => f.endsWith('.ts')) : []).toEqual([])

    await db.query(faceTable[label]!)
    await migrateTo(db, [Person, Face], 'People')
    expect(await pendingChanges(db, [Person, Face])).toEqual([])
  })
})
