import { Column, Entity, ManyToMany, JoinTable, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'

// A view entity copied from a table's entity keeps its ManyToMany (podverse-api's episodes_most_recent): TypeORM
// derives a junction table for it whose key to the view has no column, since a view has no primary column, and
// its synchronize, like a migration creating it, fails on `CREATE INDEX ... ()`.

@Entity('author')
class Author {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}

@ViewEntity({ name: 'recent_author', expression: 'SELECT id, name FROM author' })
class RecentAuthor {
  @ViewColumn() id: number
  @ViewColumn() name: string
  @ManyToMany(() => Author) @JoinTable() friends: Author[]
}

const entities = [Author, RecentAuthor]

describe.each(allDialects('viewjunction'))('%s: a ManyToMany of a view entity', (_label, createDatabase) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createDatabase()
  })
  afterEach(async () => db?.drop())

  it('gets no junction table, with a warning, and nothing is left to change after the migration', async () => {
    const { up } = await migrateTo(db, entities, 'Init')
    expect(up.flatMap((op) => (op.kind === 'create_table' ? [op.table.name] : []))).toEqual(['author'])
    expect(await pendingChanges(db, entities)).toEqual([])
    const { warnings } = await compareProject(projectFor(db, entities))
    expect(warnings).toContainEqual({
      code: 'NOT_DIFFED',
      message: 'skipped junction table "recent_author_friends_author": a ManyToMany of view entity RecentAuthor derives it, and a view has no key for it to reference (TypeORM\'s synchronize fails on it)',
    })
    await revertLast(db, entities)
  })
})
