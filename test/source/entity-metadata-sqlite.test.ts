import * as fs from 'node:fs'
import * as path from 'node:path'
import { readEntities } from '../../src/source/entity-metadata'
import { loadProject } from '../../src/source/load-config'
import { UserError } from '../../src/source/user-error'
import { sqliteEntities } from './fixtures/sqlite-entities'
import { type ReadProject, readProject } from './helpers/load-entities'
import { type TempProject, sqliteConfig, tempProject } from '../support/temp-project'

const globConfig = sqliteConfig({ entities: "[path.join(__dirname, 'entities', '*.ts')]" })

describe('readEntities on SQLite entities', () => {
  let project: TempProject
  let read: ReadProject
  beforeAll(async () => {
    project = tempProject({ ...sqliteEntities, 'ormconfig.ts': globConfig })
    read = await readProject(project)
  })
  afterAll(() => project.remove())

  test('builds the model from metadata alone: nothing is connected or created', () => {
    expect(read.loaded.dataSource.isInitialized).toBe(false)
    expect(fs.existsSync(project.file('data'))).toBe(false)
  })

  test('lists the tables TypeORM would create, sorted, and no namespaces', () => {
    expect(read.model.tables.map((t) => t.name)).toEqual([
      'audit',
      'category',
      'category_closure',
      'content',
      'post',
      'post_tags_tag',
      'post_versions',
      'tag',
      'users',
    ])
    expect(read.model.schemas).toEqual([])
    expect(read.model.enums).toEqual([])
    expect(read.model.extensions).toEqual([])
    expect(read.model.tables.every((t) => t.schema === undefined)).toBe(true)
  })

  test('columns in position order with the driver type, parameters as numbers, defaults and generation', () => {
    const columns = Object.fromEntries(read.table('users').columns.map((c) => [c.name, c]))
    expect(read.table('users').columns.map((c) => c.name)).toEqual([
      'id', 'firstName', 'lastName', 'email', 'handle', 'age', 'balance', 'score', 'active', 'motto', 'joinedAt',
      'role', 'letter', 'settings', 'tags', 'nickname', 'fullName', 'createdAt', 'updatedAt', 'deletedAt',
      'revision', 'addressStreet', 'addressCity',
    ])
    expect(columns.id).toEqual({ name: 'id', type: 'integer', nullable: false, generated: { kind: 'increment' } })
    expect(columns.firstName).toEqual({ name: 'firstName', type: 'varchar', nullable: false })
    expect(columns.email).toEqual({ name: 'email', type: 'varchar', length: 120, nullable: false })
    expect(columns.age).toEqual({ name: 'age', type: 'integer', nullable: true })
    expect(columns.balance).toEqual({ name: 'balance', type: 'decimal', precision: 10, scale: 2, nullable: false, default: '0' })
    expect(columns.score).toEqual({ name: 'score', type: 'real', precision: 6, nullable: false })
    expect(columns.active).toEqual({ name: 'active', type: 'boolean', nullable: false, default: '1' })
    expect(columns.joinedAt).toEqual({ name: 'joinedAt', type: 'datetime', nullable: false, default: 'CURRENT_TIMESTAMP' })
    expect(columns.settings).toEqual({ name: 'settings', type: 'text', nullable: true })
    expect(columns.tags).toEqual({ name: 'tags', type: 'text', nullable: false })
  })

  test('a string default with a quote is a valid literal', () => {
    expect(read.table('users').columns.find((c) => c.name === 'motto')?.default).toBe("'it''s'")
  })

  test('enums keep their labels; enumName only when declared', () => {
    const [role, letter] = ['role', 'letter'].map((n) => read.table('users').columns.find((c) => c.name === n))
    expect(role).toEqual({ name: 'role', type: 'varchar', nullable: false, default: "'member'", enumValues: ['admin', 'member'], declared: { stringDefault: 'member' } })
    expect(letter).toEqual({ name: 'letter', type: 'varchar', nullable: false, enumValues: ['a', 'b'], enumName: 'letter' })
  })

  test('comments, collations and computed columns', () => {
    const byName = (n: string) => read.table('users').columns.find((c) => c.name === n)
    expect(byName('nickname')).toEqual({
      name: 'nickname', type: 'varchar', nullable: true, comment: 'shown publicly', collation: 'NOCASE',
    })
    expect(byName('fullName')).toEqual({
      name: 'fullName', type: 'varchar', nullable: true, computed: { expression: "firstName || ' ' || lastName", stored: false },
    })
  })

  test('create/update/delete date and version columns', () => {
    const byName = (n: string) => read.table('users').columns.find((c) => c.name === n)
    expect(byName('createdAt')).toEqual({ name: 'createdAt', type: 'datetime', nullable: false, default: "datetime('now')" })
    expect(byName('updatedAt')).toEqual({ name: 'updatedAt', type: 'datetime', nullable: false, default: "datetime('now')", onUpdate: "datetime('now')" })
    expect(byName('deletedAt')).toEqual({ name: 'deletedAt', type: 'datetime', nullable: true })
    expect(byName('revision')).toEqual({ name: 'revision', type: 'integer', nullable: false })
  })

  test('embedded columns carry their prefix', () => {
    expect(read.table('users').columns.slice(-2)).toEqual([
      { name: 'addressStreet', type: 'varchar', nullable: false },
      { name: 'addressCity', type: 'varchar', nullable: true },
    ])
  })

  test('primary keys, single and composite, named by the naming strategy', () => {
    expect(read.table('users').primaryKey).toEqual({ name: 'PK_a3ffb1c0c8416b9fc6f907b7433', columns: ['id'] })
    expect(read.table('post_versions').primaryKey).toEqual({
      name: 'PK_7b3b70308f984d9ac71af0652f2',
      columns: ['postId', 'version'],
    })
    const post = read.table('post')
    expect(post.columns[0]).toEqual({ name: 'id', type: 'varchar', nullable: false, generated: { kind: 'uuid' } })
  })

  test('indexes (composite, unique, partial), uniques (both kinds) and checks, sorted by name', () => {
    const users = read.table('users')
    expect(users.indexes).toEqual([
      { name: 'IDX_9b83803f5624b6f6b23db8151c', columns: ['lastName', 'firstName'], unique: false },
      { name: 'IDX_users_live_email', columns: ['email'], unique: true, where: '"deletedAt" IS NULL' },
    ])
    expect(users.uniques).toEqual([
      { name: 'UQ_97672ac88f789774dd47f7c8be3', columns: ['email'] },
      { name: 'UQ_users_handle', columns: ['handle'] },
    ])
    expect(users.checks).toEqual([{ name: 'CHK_users_age', expression: '"age" >= 0' }])
    expect(users.foreignKeys).toEqual([])
  })

  test('foreign keys of ManyToOne and owning OneToOne sides, with actions in upper case', () => {
    const post = read.table('post')
    expect(post.foreignKeys).toEqual([
      {
        name: 'FK_01b60f3ee873e38d8767a7c2b21', columns: ['reviewer_id'], referencedTable: 'users',
        referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION',
      },
      {
        name: 'FK_21cfd92153745cf699c6e72a6c3', columns: ['editorId'], referencedTable: 'users',
        referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'SET NULL',
      },
      {
        name: 'FK_c6fb082a3114f35d0cc27c518e0', columns: ['authorId'], referencedTable: 'users',
        referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION',
      },
    ])
    expect(post.uniques).toEqual([{ name: 'REL_01b60f3ee873e38d8767a7c2b2', columns: ['reviewer_id'] }])
    expect(post.columns.find((c) => c.name === 'authorId')).toEqual({ name: 'authorId', type: 'integer', nullable: false })
  })

  test('ManyToMany junction tables', () => {
    const junction = read.table('post_tags_tag')
    expect(junction.columns).toEqual([
      { name: 'postId', type: 'varchar', nullable: false },
      { name: 'tagId', type: 'integer', nullable: false },
    ])
    expect(junction.primaryKey?.columns).toEqual(['postId', 'tagId'])
    expect(junction.indexes.map((i) => i.columns)).toEqual([['tagId'], ['postId']])
    expect(junction.foreignKeys.map((fk) => [fk.referencedTable, fk.onDelete, fk.onUpdate])).toEqual([
      ['tag', 'CASCADE', 'CASCADE'],
      ['post', 'CASCADE', 'CASCADE'],
    ])
  })

  test('single-table inheritance: one table, child columns nullable, the discriminator indexed', () => {
    const content = read.table('content')
    expect(content.columns).toEqual([
      { name: 'id', type: 'integer', nullable: false, generated: { kind: 'increment' } },
      { name: 'title', type: 'varchar', nullable: false },
      { name: 'size', type: 'integer', nullable: true },
      { name: 'text', type: 'text', nullable: true },
      { name: 'kind', type: 'varchar', nullable: false },
    ])
    expect(content.indexes).toEqual([{ name: 'IDX_03082f810265648fcfee701eb6', columns: ['kind'], unique: false }])
  })

  test('closure tables', () => {
    expect(read.table('category_closure').columns.map((c) => c.name)).toEqual(['id_ancestor', 'id_descendant'])
    expect(read.table('category').foreignKeys.map((fk) => fk.columns)).toEqual([['parentId']])
  })

  test('views are read; synchronize: false entities and indexes are skipped with a warning, never silently', () => {
    expect(read.model.views).toEqual([{ name: 'active_users', definition: 'SELECT id FROM users WHERE "deletedAt" IS NULL', reads: [], declaredColumns: ['id'] }])
    expect(read.warnings).toEqual([
      'skipped index "IDX_audit_manual" on "audit": it is declared synchronize: false',
      'skipped table "legacy": entity Legacy is declared synchronize: false',
    ])
    expect(read.skippedTables).toEqual([{ name: 'legacy' }])
    expect(read.skippedIndexes).toEqual([{ table: 'audit', name: 'IDX_audit_manual' }])
    expect(read.table('audit').indexes).toEqual([])
  })

  test('two reads give the same model', async () => {
    const again = await readProject(project)
    expect(JSON.stringify(again.model)).toBe(JSON.stringify(read.model))
  })
})

describe('readEntities with more unusual projects', () => {
  let projects: TempProject[] = []
  const project = (files: Record<string, string>) => {
    const made = tempProject(files)
    projects.push(made)
    return made
  }
  afterEach(() => {
    for (const made of projects) made.remove()
    projects = []
  })

  test('a custom naming strategy decides every name', async () => {
    const p = project({
      'entities/order.ts': `
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm'
@Entity()
export class Customer {
  @PrimaryGeneratedColumn() id: number
  @Column({ unique: true }) emailAddress: string
}
@Entity()
@Index(['placedAt'])
export class PurchaseOrder {
  @PrimaryGeneratedColumn() id: number
  @Column() placedAt: Date
  @ManyToOne(() => Customer) customer: Customer
}
`,
      'ormconfig.ts': sqliteConfig({
        imports: `
import { DefaultNamingStrategy, Table } from 'typeorm'
const snake = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()
const nameOf = (t: Table | string) => (typeof t === 'string' ? t : t.name)
class SnakeNaming extends DefaultNamingStrategy {
  tableName(className: string, custom?: string) { return custom ?? snake(className) + 's' }
  columnName(property: string, custom: string | undefined, prefixes: string[]) { return snake([...prefixes, custom ?? property].join('_')) }
  joinColumnName(relation: string, column: string) { return snake(relation + '_' + column) }
  primaryKeyName(t: Table | string) { return 'pk_' + nameOf(t) }
  uniqueConstraintName(t: Table | string, cols: string[]) { return 'uq_' + nameOf(t) + '_' + cols.join('_') }
  indexName(t: Table | string, cols: string[]) { return 'ix_' + nameOf(t) + '_' + cols.join('_') }
  foreignKeyName(t: Table | string, cols: string[]) { return 'fk_' + nameOf(t) + '_' + cols.join('_') }
}
`,
        entities: "[path.join(__dirname, 'entities', '*.ts')]",
        options: 'namingStrategy: new SnakeNaming(),',
      }),
    })
    const read = await readProject(p)
    expect(read.model.tables.map((t) => t.name)).toEqual(['customers', 'purchase_orders'])
    const order = read.table('purchase_orders')
    expect(order.columns.map((c) => c.name)).toEqual(['id', 'placed_at', 'customer_id'])
    expect(order.primaryKey).toEqual({ name: 'pk_purchase_orders', columns: ['id'] })
    expect(order.indexes.map((i) => i.name)).toEqual(['ix_purchase_orders_placed_at'])
    expect(order.foreignKeys.map((fk) => [fk.name, fk.referencedTable])).toEqual([['fk_purchase_orders_customer_id', 'customers']])
    expect(read.table('customers').uniques).toEqual([{ name: 'uq_customers_email_address', columns: ['email_address'] }])
  })

  test('the junction and closure tables of an entity declared synchronize: false are left alone with it', async () => {
    // Phalcode/gamevault-backend keeps its v12 entities, synchronize: false, for a data migration that drops
    // their tables: their ManyToMany junctions and closure table would reference tables no one makes.
    const p = project({
      'entities/legacy.ts': `
import { Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, Tree, TreeChildren, TreeParent } from 'typeorm'
@Entity()
export class Tag {
  @PrimaryGeneratedColumn() id: number
}
@Entity('v12_tag', { synchronize: false })
export class TagV12 {
  @PrimaryGeneratedColumn() id: number
}
@Entity('v12_game', { synchronize: false })
export class GameV12 {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => TagV12) @JoinTable() tags: TagV12[]
}
@Entity()
export class Game {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => TagV12) @JoinTable() oldTags: TagV12[]
}
@Entity('v12_folder', { synchronize: false })
@Tree('closure-table')
export class FolderV12 {
  @PrimaryGeneratedColumn() id: number
  @TreeChildren() children: FolderV12[]
  @TreeParent() parent: FolderV12
}
`,
      'ormconfig.ts': globConfig,
    })
    const read = await readProject(p)
    // The junction of a synchronized entity's ManyToMany stays, as TypeORM's synchronize makes it.
    expect(read.model.tables.map((t) => t.name)).toEqual(['game', 'game_old_tags_v12_tag', 'tag'])
    expect(read.skippedTables.map((t) => t.name).sort()).toEqual(['v12_folder', 'v12_folder_closure', 'v12_game', 'v12_game_tags_v12_tag', 'v12_tag'])
    expect(read.warnings).toContain('skipped table "v12_game_tags_v12_tag": entity GameV12, whose ManyToMany derives it, is declared synchronize: false')
    expect(read.warnings).toContain('skipped table "v12_folder_closure": entity FolderV12, whose tree derives it, is declared synchronize: false')
  })

  test('a table both an entity and a @JoinTable or entity declaring synchronize: false name is the entity\'s', async () => {
    // Giveth/impact-graph maps its ManyToMany onto the table of an entity of its own, with more columns, through a
    // @JoinTable of the same name declared synchronize: false; TypeORM's synchronize makes the entity's table.
    const p = project({
      'entities/round.ts': `
import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm'
@Entity()
export class Round {
  @PrimaryGeneratedColumn() id: number
}
@Entity()
export class Project {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => Round)
  @JoinTable({ name: 'project_round', joinColumn: { name: 'projectId' }, inverseJoinColumn: { name: 'roundId' }, synchronize: false })
  rounds: Round[]
}
@Entity('project_round')
export class ProjectRound {
  @PrimaryGeneratedColumn() id: number
  @Column() projectId: number
  @Column() roundId: number
  @Column({ default: 0 }) donors: number
}
@Entity('project_round', { synchronize: false })
export class ProjectRoundSummary {
  @PrimaryGeneratedColumn() id: number
  @Column() donors: number
}
@Entity('round_member', { synchronize: false })
export class RoundMember {
  @PrimaryGeneratedColumn() id: number
  @Column() roundId: number
  @Column() memberId: number
}
@Entity()
export class Member {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => Round) @JoinTable({ name: 'round_member' }) rounds: Round[]
}
`,
      'ormconfig.ts': globConfig,
    })
    const read = await readProject(p)
    expect(read.table('project_round').columns.map((c) => c.name)).toEqual(['id', 'projectId', 'roundId', 'donors'])
    // A table that only a junction declares beside an entity declared synchronize: false stays left alone: as
    // the junction, it would lose the entity's other columns.
    expect(read.model.tables.map((t) => t.name)).toEqual(['member', 'project', 'project_round', 'round'])
    expect(read.skippedTables).toEqual([{ name: 'round_member' }])
    expect(read.warnings).toEqual(['skipped table "round_member": entity RoundMember is declared synchronize: false'])
  })

  test('fulltext, which SQLite has not, is said once for all the indexes declaring it: each is a plain index', async () => {
    const indexed = (name: string, count: number) => `
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
@Entity('${name}')
${Array.from({ length: count }, (_, i) => `@Index('IDX_${name}_${i}', ['c${i}'], { fulltext: true })`).join('\n')}
export class ${name[0]!.toUpperCase()}${name.slice(1)} {
  @PrimaryGeneratedColumn() id: number
${Array.from({ length: count }, (_, i) => `  @Column() c${i}: string`).join('\n')}
}
`
    const one = await readProject(project({ 'entities/post.ts': indexed('post', 1), 'ormconfig.ts': globConfig }))
    expect(one.warnings).toEqual(['fulltext of index "IDX_post_0" on "post" is ignored here, as TypeORM does: it is a plain index'])
    expect(one.table('post').indexes).toEqual([{ name: 'IDX_post_0', columns: ['c0'], unique: false }])
    const many = await readProject(project({ 'entities/post.ts': indexed('post', 2), 'entities/tag.ts': indexed('tag', 2), 'ormconfig.ts': globConfig }))
    expect(many.warnings).toEqual([
      'fulltext of 4 indexes, "IDX_post_0" on "post", "IDX_post_1" on "post", "IDX_tag_0" on "tag" and 1 more, is ignored here, as TypeORM does: each is a plain index',
    ])
  })

  test('a Date object as a default is read with a warning: it is the time the entities were loaded', async () => {
    const p = project({
      'entities/thing.ts': `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('things')
export class Thing {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'datetime', default: new Date() }) loadedAt: Date
}
`,
      'ormconfig.ts': globConfig,
    })
    const read = await readProject(p)
    expect(read.warnings).toEqual([
      `default of column "loadedAt" of "things" is a Date object, the time the entities were loaded: every run finds it changed; write default: () => 'CURRENT_TIMESTAMP' for the time a row is inserted`,
    ])
  })

  test('a string default written as an SQL literal is read as its text, quotes and all, with a warning', async () => {
    // kresusapp/kresus declares default: "'all'", which TypeORM writes ''all'' (no database takes it); its own
    // migration made the column with DEFAULT 'all'.
    const p = project({
      'entities/rule.ts': `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('rules')
export class Rule {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', default: "'all'" }) months: string
  @Column({ type: 'varchar', default: "it''s" }) note: string
  @Column({ type: 'varchar', default: "''" }) quote: string
}
`,
      'ormconfig.ts': globConfig,
    })
    const read = await readProject(p)
    expect(read.table('rules').columns.map((c) => c.default)).toEqual([undefined, "'''all'''", "'it''s'", "''''"])
    expect(read.warnings).toEqual([
      `default of column "months" of "rules" is the SQL literal 'all' in a string (read as the text with its quotes on a text column): TypeORM writes it ''all'', which no database takes, and puts a string default between quotes itself; write default: 'all' for the text all`,
    ])
  })

  test('unique constraints on the same columns are kept once, preferring the declared name', async () => {
    const p = project({
      'entities/thing.ts': `
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm'
@Entity('things')
@Unique('UQ_things_code', ['code'])
@Unique(['a', 'b'])
@Unique(['b', 'a'])
export class Thing {
  @PrimaryColumn() id: number
  @Column({ unique: true }) code: string
  @Column() a: number
  @Column() b: number
}
`,
      'ormconfig.ts': globConfig,
    })
    const read = await readProject(p)
    // (a, b) and (b, a) get the same generated name: the naming strategy sorts the columns
    const [pair, code] = read.table('things').uniques
    expect(read.table('things').uniques).toHaveLength(2)
    expect(code).toEqual({ name: 'UQ_things_code', columns: ['code'], alsoNamed: [expect.stringMatching(/^UQ_[0-9a-f]{27}$/)] })
    expect([...pair.columns].sort()).toEqual(['a', 'b'])
    expect(read.warnings).toHaveLength(2)
    expect(read.warnings).toEqual(
      expect.arrayContaining([
        `unique constraint "${pair.name}" on "things" repeats "${pair.name}" (same columns) and is left out`,
        expect.stringMatching(/^unique constraint "UQ_\w+" on "things" repeats "UQ_things_code" \(same columns\) and is left out$/),
      ]),
    )
  })

  test('checks of the same expression are kept once, preferring the declared name', async () => {
    const p = project({
      'entities/thing.ts': `
import { Check, Column, Entity, PrimaryColumn } from 'typeorm'
@Check('"a" > 0')
@Check('CHK_things_a', '"a" > 0')
@Check('"b" > 0')
@Check('"b" > 0')
@Entity('things')
export class Thing {
  @PrimaryColumn() id: number
  @Column() a: number
  @Column() b: number
}
`,
      'ormconfig.ts': globConfig,
    })
    const read = await readProject(p)
    const checks = read.table('things').checks
    expect(checks.map((c) => c.expression).sort()).toEqual(['"a" > 0', '"b" > 0'])
    expect(checks.find((c) => c.expression === '"a" > 0')?.name).toBe('CHK_things_a')
    const b = checks.find((c) => c.expression === '"b" > 0')!.name
    expect(read.warnings).toEqual(
      expect.arrayContaining([
        `check constraint "${b}" on "things" repeats "${b}" (same expression) and is left out`,
        expect.stringMatching(/^check constraint "CHK_\w+" on "things" repeats "CHK_things_a" \(same expression\) and is left out$/),
      ]),
    )
    expect(read.warnings).toHaveLength(2)
  })

  test('two column decorators on one property: a warning names the one TypeORM keeps and the options it ignores', async () => {
    const p = project({
      'entities/role.ts': `
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm'
@Entity('button_roles')
export class ButtonRole {
  @Column({ type: 'bigint', generated: 'increment' })
  @PrimaryColumn()
  id: string
  @Column({ length: 20 }) name: string
  @Column({ type: 'timestamp' })
  @CreateDateColumn()
  createdDate: Date
  @Column()
  @CreateDateColumn()
  updated: Date
  @Column({ nullable: true })
  @Column({ type: 'simple-json' })
  changes: string[]
}
`,
      'ormconfig.ts': globConfig,
    })
    const read = await readProject(p)
    // What TypeORM builds: the nearest decorator's type, with the other's generation.
    expect(read.table('button_roles').columns.find((c) => c.name === 'id')).toMatchObject({ type: 'varchar', generated: { kind: 'increment' } })
    expect(read.warnings).toEqual([
      'property "id" of class ButtonRole has 2 column decorators: TypeORM keeps @PrimaryColumn, written nearest the property, ' +
        'and ignores the options of @Column (type; its generated still applies); write one decorator with all the options',
      'property "createdDate" of class ButtonRole has 2 column decorators: TypeORM keeps @CreateDateColumn, written nearest the property, ' +
        'and ignores the options of @Column (type); write one decorator with all the options',
      // A @Column() over another decorator gave no option (its type is the property's, which TypeORM fills in), as
      // Spacebar's Message.timestamp; one that gave some is named with them (Spacebar's AuditLog.changes gave none).
      'property "changes" of class ButtonRole has 2 column decorators: TypeORM keeps @Column, written nearest the property, ' +
        'and ignores the options of @Column (nullable); write one decorator with all the options',
    ])
  })

  test('an initialized DataSource is read from the metadata it already has', async () => {
    const p = project({
      'entities/thing.ts': `
import { Column, Entity, PrimaryColumn } from 'typeorm'
@Entity('things')
export class Thing {
  @PrimaryColumn() id: number
  @Column({ nullable: true }) label: string
}
`,
      'ormconfig.ts': globConfig,
    })
    const loaded = await loadProject(p.file('ormconfig.ts'))
    await loaded.dataSource.initialize()
    try {
      const metadatas = loaded.dataSource.entityMetadatas
      const read = await readEntities(loaded.dataSource)
      expect(loaded.dataSource.entityMetadatas).toBe(metadatas)
      expect(read.model.tables.map((t) => t.columns.map((c) => c.name))).toEqual([['id', 'label']])
    } finally {
      await loaded.dataSource.destroy()
    }
  })

  test('a DataSource without entities is read with a warning', async () => {
    const p = project({ 'ormconfig.ts': sqliteConfig({ entities: "[path.join(__dirname, 'entities', '*.ts')]" }) })
    const read = await readProject(p)
    expect(read.model.tables).toEqual([])
    expect(read.warnings).toEqual([expect.stringMatching(/^the DataSource has no entities: check its entities option/)])
  })

  test('an entity TypeORM rejects gives a one-line UserError with TypeORM\'s message', async () => {
    const p = project({
      'entities/bad.ts': `
import { Column, Entity, PrimaryColumn } from 'typeorm'
@Entity()
export class Bad {
  @PrimaryColumn() id: number
  @Column('moneybags') amount: number
}
`,
      'ormconfig.ts': globConfig,
    })
    const err = await readProject(p).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(UserError)
    expect((err as Error).message).toBe(
      'TypeORM cannot build the entity metadata: Data type "moneybags" in "Bad.amount" is not supported by "better-sqlite3" database; fix the entity or file it names',
    )
  })

  test('a column typed string | null under strict, which metadata writes as Object, is told to give its type', async () => {
    const p = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, experimentalDecorators: true, emitDecoratorMetadata: true } }),
      'entities/loose.ts': `
import { Column, Entity, PrimaryColumn } from 'typeorm'
@Entity()
export class Loose {
  @PrimaryColumn() id: number
  @Column({ nullable: true }) nickname: string | null
}
`,
      'ormconfig.ts': globConfig,
    })
    await expect(readProject(p)).rejects.toThrow(
      'TypeORM cannot build the entity metadata: Data type "Object" in "Loose.nickname" is not supported by "better-sqlite3" database; ' +
      "its property's type is a union with null or undefined (under strictNullChecks) or an object, which decorator metadata writes as Object: give the column an explicit type, as @Column({ type: 'varchar', nullable: true })",
    )
  })

  test('two properties of one entity mapped to one column (an embedded prefix that repeats a column) are refused, naming both', async () => {
    const p = project({
      'entities/post.ts': `
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm'
export class Audit {
  @Column({ type: 'varchar', nullable: true }) by: string
  @Column({ type: 'datetime', nullable: true }) at: Date
}
@Entity('post')
export class Post {
  @PrimaryColumn() id: number
  @Column(() => Audit, { prefix: 'created' }) created: Audit
  @CreateDateColumn() createdAt: Date
}
`,
      'ormconfig.ts': globConfig,
    })
    await expect(readProject(p)).rejects.toThrow(
      'table "post" has two columns named "createdAt", of Post.createdAt and Post.created.at, which the database refuses (TypeORM\'s synchronize fails there too): give one of them another name (its name option, or another embedded prefix)',
    )
  })

  test('an entity file that throws gives a UserError that names it', async () => {
    const p = project({
      'entities/broken.ts': "throw new Error('entity file exploded')\nexport {}\n",
      'ormconfig.ts': globConfig,
    })
    const err = await readProject(p).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(UserError)
    expect((err as Error).message).toBe(
      `${path.relative(process.cwd(), p.file('entities/broken.ts'))}: entity file exploded (while loading it for the DataSource's entities): fix it, then run again`,
    )
  })
})
