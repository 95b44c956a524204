import { join } from 'node:path'
import { Column, DataSource, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, Tree, TreeChildren, TreeParent } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import type { LoadedProject } from '../../src/source/load-config'
import { RenamedFrom } from '../../src/source/renamed-from'
import type { EntityList } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// With the DataSource's entityPrefix (CromwellCMS's `crw_`), TypeORM derives junction and closure table names
// from the unprefixed names, then prefixes them: a tree renamed with @RenamedFrom('crw_product_category') left
// its junction (crw_product_categories_product_category) and closure table (crw_product_category_closure)
// behind, dropped with their rows and created empty under the new names.

@Entity('product_category')
@Tree('closure-table')
class ProductCategoryV1 {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
  @TreeParent() parent: ProductCategoryV1 | null
  @TreeChildren() children: ProductCategoryV1[]
}

@Entity('product')
class ProductV1 {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => ProductCategoryV1) @JoinTable() categories: ProductCategoryV1[]
}

@Entity('category')
@RenamedFrom('crw_product_category')
@Tree('closure-table')
class Category {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
  @TreeParent() parent: Category | null
  @TreeChildren() children: Category[]
}

@Entity('product')
class Product {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => Category) @JoinTable() categories: Category[]
}

function prefixedProject(db: TestDatabase, entities: EntityList): LoadedProject {
  const migrationsDir = join(db.dir, 'migrations')
  return {
    dataSource: new DataSource({ ...db.options, entities, entityPrefix: 'crw_', migrations: [join(migrationsDir, '*.ts')], logging: false } as never),
    settings: {},
    migrationsDir,
    migrationsInSubfolders: false,
    configPath: '(test)',
  }
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('prefixrename')
  await generateMigration(prefixedProject(db, [ProductCategoryV1, ProductV1]), 'Init', 1_700_000_000_000)
  await upgrade(prefixedProject(db, [ProductCategoryV1, ProductV1]))
  await db.query(`INSERT INTO crw_product_category (name) VALUES ('clothes'), ('shirts')`)
  await db.query('INSERT INTO crw_product_category_closure VALUES (1, 1), (1, 2), (2, 2)')
  await db.query('INSERT INTO crw_product DEFAULT VALUES')
  await db.query('INSERT INTO crw_product_categories_product_category VALUES (1, 2)')
})
afterAll(async () => db?.drop())

it('renames the junction, its join column and the closure table with the tree, keeping their rows, and back', async () => {
  const after = [Category, Product]
  const result = await generateMigration(prefixedProject(db, after), 'RenameCategory', 1_700_000_001_000)
  expect(result.comparison.suspectedRenames).toEqual([])
  expect(result.comparison.renames.map((r) => `${r.kind} ${r.table.name}: ${r.from} -> ${r.to}`).sort()).toEqual([
    'column crw_product_categories_category: productCategoryId -> categoryId',
    'table crw_product_categories_product_category: crw_product_categories_product_category -> crw_product_categories_category',
    'table crw_product_category: crw_product_category -> crw_category',
    'table crw_product_category_closure: crw_product_category_closure -> crw_category_closure',
  ])
  expect(result.comparison.up.filter((op) => op.kind === 'drop_table' || op.kind === 'drop_column')).toEqual([])
  await upgrade(prefixedProject(db, after))
  expect((await compareProject(prefixedProject(db, after))).up).toEqual([])
  expect(await db.query('SELECT id_ancestor, id_descendant FROM crw_category_closure ORDER BY 1, 2'))
    .toEqual([{ id_ancestor: 1, id_descendant: 1 }, { id_ancestor: 1, id_descendant: 2 }, { id_ancestor: 2, id_descendant: 2 }])
  expect(await db.query('SELECT "productId", "categoryId" FROM crw_product_categories_category')).toEqual([{ productId: 1, categoryId: 2 }])

  await downgrade(prefixedProject(db, after))
  expect((await compareProject(prefixedProject(db, [ProductCategoryV1, ProductV1]))).up).toEqual([])
  expect(await db.query('SELECT "productId", "productCategoryId" FROM crw_product_categories_product_category')).toEqual([{ productId: 1, productCategoryId: 2 }])
})
