import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from '../../src/decorators'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, migratedDatabase, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { allDialects } from '../support/test-database'

// An index the entities declare with `synchronize: false` and make by hand (graasp's GiST index on its item
// paths) stays with its table when the table is renamed: the migration dropped it, as if the entities had
// left it, since the entities' table has the new name and the database's the old one.

@Entity('doc')
@Index('doc_title_by_hand', { synchronize: false })
class Doc {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
}

@Entity('document')
@RenamedFrom('doc')
@Index('doc_title_by_hand', { synchronize: false })
class Document {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
}

describe.each(allDialects('renskipped'))('%s: renaming a table with an index made by hand', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [Doc], 'CREATE INDEX doc_title_by_hand ON doc (title)')

  it('renames the table and leaves the index alone, up and down', async () => {
    const { up } = await migrateTo(database(), [Document], 'RenameDoc')
    expect(up.map((op) => op.kind)).not.toContain('drop_index')
    expect(await pendingChanges(database(), [Document])).toEqual([])
    const { actual } = await compareProject(projectFor(database(), [Document]))
    expect(actual.tables.find((t) => t.name === 'document')?.indexes.map((i) => i.name)).toContain('doc_title_by_hand')
    await revertLast(database(), [Document])
    expect(await pendingChanges(database(), [Doc])).toEqual([])
  })
})
