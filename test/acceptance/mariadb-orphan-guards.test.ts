import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Found on Nest-Blog (MariaDB): a migration that changed the ON DELETE of `types`' key to its parent (dropping it
// and adding it again) and created a junction table, then added a foreign key from `articles_versions`.`pid` to
// `articles`, while one version pointed at no article. ADD_FOREIGN_KEY counted that row, but the ADD failed
// ("Cannot add or update a child row") after the statements before it had committed, leaving `types` without its
// key and the migration half applied. A check for the rows that match no referenced row now runs first, as the
// checks of narrower types do.

@Entity('article')
class Article {
  @PrimaryColumn('int') id: number
}

@Entity('category')
class CategoryBefore {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 20 }) name: string
}

@Entity('category')
class CategoryWider {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 40 }) name: string
}

@Entity('version')
class VersionBefore {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) pid: number | null
}

@Entity('version')
class VersionKeyed {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) pid: number | null
  @ManyToOne(() => Article, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'pid' }) article: Article
}

const before = [Article, CategoryBefore, VersionBefore]
const after = [Article, CategoryWider, VersionKeyed]
const columnsQuery = "SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE y FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' ORDER BY t, c"
const keysQuery = "SELECT CONSTRAINT_NAME n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY n"

describe('MariaDB: a migration adding a foreign key after other statements', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('orphan_guards')
    await migrateTo(db, before, 'Init')
    await db.query('INSERT INTO article (id) VALUES (1), (2)')
    await db.query("INSERT INTO category (id, name) VALUES (1, 'news')")
    await db.query('INSERT INTO version (id, pid) VALUES (1, 1), (2, NULL), (3, 99)')
  })
  afterEach(async () => db?.drop())

  it('fails before its first statement while a row points at no referenced row, then runs once none does', async () => {
    const columnsBefore = await db.query(columnsQuery)
    await generateMigration(projectFor(db, after), 'Keyed', 1_800_000_000_000)
    const failure = await upgrade(projectFor(db, after)).then(() => undefined, (error: Error) => error)
    expect(failure?.message).toContain('rows of "version" ("pid") point at no row of "article": point them at existing rows, or set their values to NULL, first')
    expect(failure?.message).toContain('nothing of the table was changed')
    expect(await db.query(columnsQuery)).toEqual(columnsBefore)
    expect(await db.query(keysQuery)).toEqual([])

    await db.query('UPDATE version SET pid = 2 WHERE id = 3')
    expect(await upgrade(projectFor(db, after))).toEqual(['Keyed1800000000000'])
    expect(await pendingChanges(db, after)).toEqual([])
  })
})
