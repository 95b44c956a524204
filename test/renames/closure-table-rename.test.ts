import { Column, Entity, PrimaryGeneratedColumn, Tree, TreeChildren, TreeParent } from 'typeorm'
import { RenamedFrom } from '../../src/decorators'
import { migrateTo, migratedDatabase, pendingChanges, revertLast } from '../support/migration-cycle'
import { allDialects } from '../support/test-database'

// A closure-table tree is renamed with @RenamedFrom on its class: the closure table TypeORM derives from its
// name (category_closure) follows, with its rows, as a ManyToMany's junction does.

@Entity('category')
@Tree('closure-table')
class Category {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) name: string
  @TreeParent() parent: Category | null
  @TreeChildren() children: Category[]
}

@Entity('topic')
@RenamedFrom('category')
@Tree('closure-table')
class Topic {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) name: string
  @TreeParent() parent: Topic | null
  @TreeChildren() children: Topic[]
}

describe.each(allDialects('closurerename'))('%s: renaming a closure-table tree', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [Category], `INSERT INTO category (name) VALUES ('root')`)

  it('renames its closure table with it, and back, keeping the rows', async () => {
    const db = database()
    await db.query('INSERT INTO category_closure (id_ancestor, id_descendant) VALUES (1, 1)')
    const { up } = await migrateTo(db, [Topic], 'RenameToTopic')
    expect(up.filter((op) => op.kind === 'rename_table').map((op) => op.kind === 'rename_table' && `${op.from.name}>${op.to.name}`).sort())
      .toEqual(['category>topic', 'category_closure>topic_closure'])
    expect(await pendingChanges(db, [Topic])).toEqual([])
    expect(await db.query('SELECT id_ancestor, id_descendant FROM topic_closure')).toEqual([{ id_ancestor: 1, id_descendant: 1 }])
    await revertLast(db, [Topic])
    expect(await pendingChanges(db, [Category])).toEqual([])
    expect(await db.query('SELECT id_ancestor, id_descendant FROM category_closure')).toEqual([{ id_ancestor: 1, id_descendant: 1 }])
  })
})
