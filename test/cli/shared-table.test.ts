import { existsSync, readdirSync } from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Two entities mapping to one table would have the diff keep one and drop the other's columns: it is an
// error naming both classes, their files and the table. Single-table inheritance shares a table on purpose,
// and an entity declaring a junction table is left to its own warning.

const product = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity()
export class Product {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
  @Column('integer') price: number
}
`
const legacyProduct = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('product')
export class LegacyProduct {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
}
`
const content = `
import { ChildEntity, Column, Entity, PrimaryGeneratedColumn, TableInheritance } from 'typeorm'
@Entity()
@TableInheritance({ column: { type: 'varchar', name: 'kind' } })
export class Content {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
}
@ChildEntity()
export class Article extends Content {
  @Column({ nullable: true }) body: string
}
@ChildEntity()
export class Video extends Content {
  @Column({ nullable: true }) url: string
}
`
const postAndTag = `
import { Entity, JoinTable, ManyToMany, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
@Entity()
export class Tag {
  @PrimaryGeneratedColumn() id: number
}
@Entity()
export class Post {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => Tag) @JoinTable() tags: Tag[]
}
@Entity('post_tags_tag')
export class PostTag {
  @PrimaryColumn() postId: number
  @PrimaryColumn() tagId: number
}
`

let project: TempProject
afterEach(() => project.remove())

const cli = (...args: string[]) => runCliInProcess(project.dir, args)
const migrationFiles = () =>
  existsSync(project.file('migrations')) ? readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts')) : []
const projectWith = (files: Record<string, string>) =>
  tempProject({ ...files, 'ormconfig.ts': sqliteConfig({ entities: "['src/entity/*.ts']", options: "migrations: ['migrations/*.ts']," }) })

it('refuses two entities that map to one table, naming both classes, their files and the table', async () => {
  project = projectWith({ 'src/entity/product.ts': product, 'src/entity/legacy-product.ts': legacyProduct })
  const message =
    'typeorm-autogen: entities LegacyProduct (src/entity/legacy-product.ts) and Product (src/entity/product.ts) both map to table "product": give one of them another table name in @Entity(), declare the one kept only to be read (as by a data migration) @Entity({ synchronize: false }), which leaves the table to the other, or remove it from the entities\n'
  for (const args of [['generate', 'Init'], ['diff'], ['check']]) {
    const run = await cli(...args)
    expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 2, stderr: message })
  }
  expect(migrationFiles()).toEqual([])
  expect(existsSync(project.file('data/app.sqlite'))).toBe(false)
})

// Veramo's PreMigrationKey: a subclass of the entity Key on its table "key", with the column its migrations
// move away and drop, kept for them to read it. Declared synchronize: false, as the error advises, it leaves the
// table to Key, whose columns the migration follows.
const preMigrationProduct = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { Product } from './product'
@Entity('product', { synchronize: false })
export class PreMigrationProduct extends Product {
  @PrimaryGeneratedColumn() id: number
  @Column({ nullable: true }) legacyCode?: string
}
`

it('follows the advice: a subclass on the same table declared synchronize: false leaves the table to the other', async () => {
  project = projectWith({ 'src/entity/product.ts': product, 'src/entity/pre-migration-product.ts': preMigrationProduct })
  const run = await cli('generate', 'Init', '--timestamp', '1700000000000')
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('+ table "product" (3 columns)')
  expect((await cli('upgrade')).code).toBe(0)
  expect((await cli('check')).code).toBe(0)
})

it('names the file of an entity a barrel re-exports, not the barrel', async () => {
  project = projectWith({
    'src/entity/product.ts': product,
    'src/legacy/legacy-product.ts': legacyProduct,
    'src/legacy/index.ts': "export * from './legacy-product'\n",
  })
  project.write('ormconfig.ts', sqliteConfig({
    imports: "import { Product } from './src/entity/product'\nimport { LegacyProduct } from './src/legacy'",
    entities: '[Product, LegacyProduct]',
  }))
  const run = await cli('diff')
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('entities LegacyProduct (src/legacy/legacy-product.ts) and Product (src/entity/product.ts)')
})

it('keeps single-table inheritance: the children share their parent\'s table', async () => {
  project = projectWith({ 'src/entity/content.ts': content })
  const run = await cli('generate', 'Init', '--timestamp', '1700000000000')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('+ table "content" (5 columns)')
  expect((await cli('upgrade')).code).toBe(0)
  expect((await cli('check')).code).toBe(0)
})

it('is no error for an entity that declares a junction table the same way: the declarations merge', async () => {
  project = projectWith({ 'src/entity/post.ts': postAndTag })
  const run = await cli('diff')
  expect(run.code).toBe(0)
  expect(run.stderr).not.toMatch(/both map to table/)
  expect(run.stdout).toMatch(/\+ table "post_tags_tag" \(2 columns\)/)
  expect(run.stdout).toMatch(/FOREIGN KEY \("postId"\) REFERENCES "post"/)
})

const personSchema = (file: string) => `
import { EntitySchema } from 'typeorm'
export const ${file}Schema = new EntitySchema<{ id: number }>({
  name: 'Person',
  columns: { id: { primary: true, type: Number, generated: 'increment' } },
})
`

it('names both files of two entity schemas of one name, which TypeORM cannot tell apart', async () => {
  project = projectWith({ 'src/entity/person.ts': personSchema('Person'), 'src/entity/person2.ts': personSchema('Person2') })
  const run = await cli('check')
  expect(run.code).toBe(2)
  expect(run.stderr).toBe(
    'typeorm-autogen: entity schemas (src/entity/person.ts, src/entity/person2.ts) are both named Person: give one of them another name, or remove it from the entities\n')
})
