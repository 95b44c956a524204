import { ChildEntity, Column, DataSource, Entity, ManyToOne, PrimaryGeneratedColumn, TableInheritance } from 'typeorm'
import { readEntities } from '../../src/source/entity-metadata'
import { decoratorAdvice, renameTargetsOf } from '../../src/source/rename-hints'
import { RenamedFrom } from '../../src/source/renamed-from'

class Address {
  @RenamedFrom('homeTown') @Column({ type: 'text', nullable: true }) city: string | null
}

abstract class Stamped {
  @RenamedFrom('created') @Column({ type: 'text', default: 'now' }) createdOn: string
}

@Entity('article')
@RenamedFrom('post', 'blog_post')
class Article extends Stamped {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('body', 'text') @Column({ type: 'text', name: 'content_text' }) content: string
  @Column(() => Address) address: Address
  @Column({ type: 'integer' }) views: number
}

// Renamed twice, the first hint kept beside the second (as a spent hint may stay): both count, in the order written.
@Entity('reminder')
@RenamedFrom('note')
@RenamedFrom('memo')
class Reminder {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('body')
  @RenamedFrom('text')
  @Column({ type: 'text' }) content: string
}

@Entity('rule')
@TableInheritance({ column: { name: 'kind', type: 'varchar' } })
class Rule {
  @PrimaryGeneratedColumn() id: number
}

@ChildEntity()
class DocumentRule extends Rule {
  @Column({ type: 'text', nullable: true }) note: string | null
}

@Entity('topic')
class Topic {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Topic, { nullable: true }) parent: Topic | null
}

async function hintsOf(...entities: Function[]) {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities })
  return { hints: (await readEntities(dataSource)).renameHints, metadatas: dataSource.entityMetadatas }
}

// The package exports it (src/index.ts); rename-cli.test.ts imports it from the build, as a project would.
describe('@RenamedFrom', () => {
  it('states table renames on the class and column renames on properties, inherited and embedded ones too', async () => {
    const { hints } = await hintsOf(Article)
    expect(hints).toEqual([
      { kind: 'table', table: { name: 'post' }, from: 'post', to: 'article', origin: "@RenamedFrom('post') on Article" },
      { kind: 'table', table: { name: 'blog_post' }, from: 'blog_post', to: 'article', origin: "@RenamedFrom('blog_post') on Article" },
      { kind: 'column', table: { name: 'article' }, from: 'created', to: 'createdOn', origin: "@RenamedFrom('created') on Article.createdOn" },
      { kind: 'column', table: { name: 'article' }, from: 'body', to: 'content_text', origin: "@RenamedFrom('body') on Article.content" },
      { kind: 'column', table: { name: 'article' }, from: 'text', to: 'content_text', origin: "@RenamedFrom('text') on Article.content" },
      { kind: 'column', table: { name: 'article' }, from: 'homeTown', to: 'addressCity', origin: "@RenamedFrom('homeTown') on Article.address.city" },
    ])
  })

  it('adds up the names of stacked decorators, in the order they are written', async () => {
    const { hints } = await hintsOf(Reminder)
    expect(hints.map((hint) => hint.origin)).toEqual([
      "@RenamedFrom('note') on Reminder", "@RenamedFrom('memo') on Reminder",
      "@RenamedFrom('body') on Reminder.content", "@RenamedFrom('text') on Reminder.content",
    ])
  })

  it('names the decorator to add for a suspected rename', async () => {
    const { metadatas } = await hintsOf(Article)
    expect(decoratorAdvice(renameTargetsOf(metadatas), { kind: 'column', table: { name: 'article' }, from: 'hits', to: 'views' })).toBe("add @RenamedFrom('hits') to Article.views")
    expect(decoratorAdvice(renameTargetsOf(metadatas), { kind: 'table', table: { name: 'story' }, from: 'story', to: 'article' })).toBe("add @RenamedFrom('story') to Article")
    expect(decoratorAdvice(renameTargetsOf(metadatas), { kind: 'table', table: { name: 'a' }, from: 'a', to: 'b' })).toBeUndefined()
  })

  it('names the class that declares an inherited, embedded or child entity\'s property: the decorator goes there', async () => {
    const { metadatas } = await hintsOf(Article, Rule, DocumentRule)
    const advice = (table: string, from: string, to: string) => decoratorAdvice(renameTargetsOf(metadatas), { kind: 'column', table: { name: table }, from, to })
    expect(advice('article', 'created', 'createdOn')).toBe("add @RenamedFrom('created') to Stamped.createdOn")
    expect(advice('article', 'town', 'addressCity')).toBe("add @RenamedFrom('town') to Address.city")
    expect(advice('rule', 'memo', 'note')).toBe("add @RenamedFrom('memo') to DocumentRule.note")
  })

  it('names a relation\'s property for its join column, where @RenamedFrom is read (not Topic.parent.id)', async () => {
    // A naming strategy made freeCodeCamp/chapter's tree parent column parentId into parent_id.
    const { metadatas } = await hintsOf(Topic)
    expect(decoratorAdvice(renameTargetsOf(metadatas), { kind: 'column', table: { name: 'topic' }, from: 'parent_id', to: 'parentId' }))
      .toBe("add @RenamedFrom('parent_id') to Topic.parent")
  })

  it('needs an old name', () => {
    expect(() => RenamedFrom()).toThrow(TypeError)
    expect(() => RenamedFrom('')).toThrow("@RenamedFrom needs the old table or column name, e.g. @RenamedFrom('body')")
  })
})
