import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'

// A name given on a base class names the object of every entity extending it (Grist's Resource is such a
// base). PostgreSQL wants an index name unique in the schema and SQLite in the database, and InnoDB a foreign
// key name in the database: the migration failed on the second CREATE. Where the names are the tables' own
// (MariaDB's index names, PostgreSQL's and SQLite's foreign key names), it works.

@Entity('member')
class Member {
  @PrimaryGeneratedColumn() id: number
}

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

abstract class Owned {
  @ManyToOne(() => Member, { nullable: true }) @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_owner' }) owner: Member | null
}

@Entity('album')
class Album extends Owned {
  @PrimaryGeneratedColumn() id: number
}

@Entity('playlist')
class Playlist extends Owned {
  @PrimaryGeneratedColumn() id: number
}

@Entity('report')
class Report extends Stamped {
  @PrimaryGeneratedColumn() id: number
}

@Entity('queue')
class Queue extends Owned {
  @PrimaryGeneratedColumn() id: number
}

const indexed = [Document, Workspace]
const owned = [Member, Album, Playlist]
const clash = (name: string, kind: string, where: string, first: string, second: string) =>
  `"${name}" names the ${kind} of table ${first} and the ${kind} of table ${second}, but the database wants it unique in the ${where}: ` +
  `give one of them another name (a name given on a base class names the ${kind} of every entity that extends it)`

describe.each(allDialects('widenames'))('%s: one name on the indexes or foreign keys of two tables', (label, createDatabase) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createDatabase()
  })
  afterEach(async () => db?.drop())

  const refused = label === 'mariadb'
    ? { entities: owned, message: clash('fk_owner', 'foreign key', 'database', 'album', 'playlist') }
    : label === 'postgres'
      ? { entities: indexed, message: clash('idx_created_on', 'index', 'schema', 'public.document', 'public.workspace') }
      : { entities: indexed, message: clash('idx_created_on', 'index', 'database', 'document', 'workspace') }
  const allowed = refused.entities === owned ? indexed : owned

  it('is refused where the database wants the name unique beyond the table', async () => {
    await expect(pendingChanges(db, refused.entities)).rejects.toThrow(refused.message)
  })

  it('names every clash in one run', async () => {
    const third = refused.entities === owned ? Queue : Report
    const message = await pendingChanges(db, [...refused.entities, third]).then(() => '', (err: Error) => err.message)
    expect(message).toMatch(/^2 problems stop this run, fix each: \(1\) .*; \(2\) /)
    expect(message).toContain(refused.message)
  })

  it('migrates where the names are the tables\' own', async () => {
    await migrateTo(db, allowed, 'Init')
    expect(await pendingChanges(db, allowed)).toEqual([])
    await revertLast(db, allowed)
  })
})
