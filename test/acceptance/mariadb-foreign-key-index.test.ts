import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// MySQL makes an index for a foreign key that has none; an index the entities add, led by the key's columns,
// takes over, and the made one goes. The server refuses to drop it before the new one exists, and another
// table's change sorted between the two used to put them in two ALTERs: the migration failed half-applied.

@Entity('org')
class Org {
  @PrimaryGeneratedColumn() id: number
}

@Entity('product')
class Product {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
  @ManyToOne(() => Org) org: Org
}

@Entity('product')
@Index(['org', 'name'])
class ProductIndexed {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
  @ManyToOne(() => Org) org: Org
}

@Entity('tag')
class Tag {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Org) org: Org
}

@Entity('tag')
class TagAlone {
  @PrimaryGeneratedColumn() id: number
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('fkindex')
  await migrateTo(db, [Org, Product, Tag], 'Init')
  await db.query('INSERT INTO org (id) VALUES (1), (2)')
  await db.query(`INSERT INTO product (name, orgId) VALUES ('a', 1), ('b', 2)`)
})
afterAll(async () => db?.drop())

it("drops the foreign key's own index in the ALTER that adds the index taking over, beside another table's changes", async () => {
  const { source } = await expectCleanCycle(db, [Org, Product, Tag], [Org, ProductIndexed, TagAlone], 'IndexProducts', 'SELECT * FROM product ORDER BY id')
  expect(source.replaceAll('\\`', '`')).toMatch(/ALTER TABLE `product` DROP INDEX IF EXISTS `FK_\w+`, ADD INDEX IF NOT EXISTS `IDX_\w+` \(`orgId`, `name`\)/)
})
