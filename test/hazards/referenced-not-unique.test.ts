import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { mysqlDialectAt } from '../../src/dialect/mysql/mysql-dialect'
import { compareProject } from '../../src/pipeline/compare-project'
import { projectFor } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase } from '../support/test-database'

// A relation whose referencedColumnName is no unique key (hunt35, on open-sauced/api: a ManyToOne to `id` of a
// table whose primary key is (id, repo_id)). generate wrote it without a word; PostgreSQL then refused it at
// upgrade ("there is no unique constraint matching given keys for referenced table").

@Entity('repo')
class Repo {
  @PrimaryColumn('int') id: number
  @PrimaryColumn('int') ownerId: number
  @Index() @Column('int') code: number
  @Column('int') plain: number
}

@Entity('commit_row')
class CommitToId {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Repo) @JoinColumn({ name: 'repoId', referencedColumnName: 'id' }) repo: Repo
}

@Entity('commit_row')
class CommitToPlain {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Repo) @JoinColumn({ name: 'repoPlain', referencedColumnName: 'plain' }) repo: Repo
}

@Entity('commit_row')
class CommitToIndexed {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Repo) @JoinColumn({ name: 'repoCode', referencedColumnName: 'code' }) repo: Repo
}

@Entity('commit_row')
class CommitToKey {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Repo) @JoinColumn([{ name: 'repoOwner', referencedColumnName: 'ownerId' }, { name: 'repoId', referencedColumnName: 'id' }]) repo: Repo
}

const findings = async (db: TestDatabase, entities: Function[]) =>
  (await compareProject(projectFor(db, entities))).hazards.filter((h) => h.code === 'REFERENCED_NOT_UNIQUE').map((h) => [h.severity, h.message])

describe.each([
  ['sqlite', () => createSqliteDatabase(), false],
  ['postgres', () => createPostgresDatabase('refnotunique'), false],
  ['mariadb', () => createMariaDbDatabase('refnotunique'), true],
] as const)('%s: a foreign key to columns no unique key covers', (_dialect, create, anyIndex) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await create()
  })
  afterAll(async () => db.drop())

  it('is REFERENCED_NOT_UNIQUE (danger) on the table created with it', async () => {
    const [found, ...others] = await findings(db, [Repo, CommitToPlain])
    expect(others).toEqual([])
    expect(found?.[0]).toBe('danger')
    expect(found?.[1]).toMatch(/^Foreign key "FK_\w+" on "(public"\.")?commit_row" \("repoPlain"\) -> "(public"\.")?repo" \("plain"\) references columns that no (primary key, unique constraint or unique )?index of /)
  })

  it('is none for a whole primary key in another order; where any index serves, none for columns leading one', async () => {
    expect(await findings(db, [Repo, CommitToKey])).toEqual([])
    expect((await findings(db, [Repo, CommitToIndexed])).length).toBe(anyIndex ? 0 : 1)
    expect((await findings(db, [Repo, CommitToId])).length).toBe(anyIndex ? 0 : 1)
  })
})

describe('MySQL and MariaDB: which server takes a key to any index', () => {
  it('MariaDB and MySQL before 8.4 do, MySQL 8.4 does not, and a server not known yet is taken to', () => {
    const at = (product: 'mysql' | 'mariadb', version: [number, number, number]) => mysqlDialectAt({ product, version, sqlMode: [] }).capabilities.referencesAnyIndex
    expect(at('mariadb', [11, 8, 2])).toBe(true)
    expect(at('mysql', [8, 0, 40])).toBe(true)
    expect(at('mysql', [8, 4, 0])).toBeUndefined()
    expect(mysqlDialectAt(undefined).capabilities.referencesAnyIndex).toBe(true)
  })
})
