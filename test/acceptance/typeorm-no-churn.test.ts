import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm'
import { migrateTo, pendingChanges, typeormProposes } from '../support/migration-cycle'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// Where the entities leave the spelling of a default to TypeORM (`@CreateDateColumn`, `default: () =>
// 'now()'`, generated uuids, `@VersionColumn`), our migrations write what TypeORM would, so that TypeORM's own
// schema builder (`schema:log`, `migration:generate`) finds nothing to change after them.

@Entity('stamps')
class Stamps {
  @PrimaryGeneratedColumn('uuid') id: string
  @CreateDateColumn() created: Date
  @UpdateDateColumn() updated: Date
  @VersionColumn() version: number
  @Column({ type: 'timestamptz', default: () => 'now()' }) nowCall: Date
  @Column({ type: 'timestamptz', default: () => 'CURRENT_TIMESTAMP' }) currentTimestamp: Date
  @Column({ type: 'int', default: 0 }) zero: number
  @Column({ type: 'varchar', default: 'draft' }) state: string
  @Column({ default: false }) flag: boolean
}

@Entity('stamps')
class LiteStamps {
  @PrimaryGeneratedColumn('uuid') id: string
  @CreateDateColumn() created: Date
  @UpdateDateColumn() updated: Date
  @VersionColumn() version: number
  @Column({ type: 'datetime', default: () => "datetime('now')" }) nowCall: Date
  @Column({ type: 'datetime', default: () => 'CURRENT_TIMESTAMP' }) currentTimestamp: Date
  @Column({ type: 'int', default: 0 }) zero: number
  @Column({ type: 'varchar', default: 'draft' }) state: string
  @Column({ default: false }) flag: boolean
}

@Entity('stamps')
class MyStamps {
  @PrimaryGeneratedColumn('uuid') id: string
  @CreateDateColumn() created: Date
  @UpdateDateColumn() updated: Date
  @VersionColumn() version: number
  @Column({ type: 'datetime', default: () => 'now()' }) nowCall: Date
  @Column({ type: 'datetime', precision: 6, default: () => 'CURRENT_TIMESTAMP(6)', onUpdate: 'CURRENT_TIMESTAMP(6)' }) touched: Date
  @Column({ type: 'timestamp', default: () => 'CURRENT_TIMESTAMP' }) currentTimestamp: Date
  @Column({ type: 'int', default: 0 }) zero: number
  @Column({ type: 'varchar', default: 'draft' }) state: string
  @Column({ default: false }) flag: boolean
}

/** The columns of the example application's posts: soft delete, an enum with a default. */
abstract class PostColumns {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 200 }) title: string
  @Column({ type: 'simple-enum', enum: ['draft', 'live'], default: 'draft' }) status: string
  @Column({ type: 'int', default: 0 }) wordCount: number
  @Column({ type: 'text', nullable: true }) body: string | null
  @Column({ type: Date, nullable: true }) publishedAt: Date | null
  @CreateDateColumn() createdAt: Date
  @UpdateDateColumn() updatedAt: Date
  @DeleteDateColumn() deletedAt: Date | null
}

/** Like the example application's posts, with a partial index and a check. */
@Entity('posts')
@Index(['publishedAt'], { where: '"deletedAt" IS NULL' })
@Check('"wordCount" >= 0')
class Post extends PostColumns {}

/** Post as MySQL can have it: MySQL has no partial index. */
@Entity('posts')
@Index(['publishedAt'])
@Check('wordCount >= 0')
class MyPost extends PostColumns {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const setups: [string, () => Promise<TestDatabase>, Function, Function][] = [
  ['postgres', () => createPostgresDatabase('no_churn'), Stamps, Post],
  ['sqlite', createSqliteDatabase, LiteStamps, Post],
  ['mariadb', () => createMariaDbDatabase('no_churn'), MyStamps, MyPost],
]

describe.each(setups)('TypeORM after our migration on %s', (_label, setup, stamps, post) => {
  let db: TestDatabase
  const entities = [post, stamps]
  beforeAll(async () => {
    const made = await setup()
    db = made
  })
  afterAll(async () => db?.drop())

  it('proposes no query of its own', async () => {
    const { source } = await migrateTo(db, entities, 'Example')
    expect(await pendingChanges(db, entities)).toEqual([])
    expect(source).not.toContain('CURRENT_TIMESTAMP at')
    expect(await typeormProposes(db, entities)).toEqual([])
  })
})
