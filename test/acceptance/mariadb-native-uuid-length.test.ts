import { Column, DataSource, Entity, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// A uuid key written `@PrimaryColumn({ type: 'varchar', generated: 'uuid', length: 36 })` (a NestJS course's
// content_categories, written for MySQL): on MariaDB 10.7+ with a `mariadb` DataSource TypeORM makes it the
// native uuid type once it connects, and then refuses the entities for the length. generate used to write a
// migration anyway (its id `uuid`, the foreign keys to it `varchar(36)`) that neither `upgrade` nor the
// application could run. Every command now stops first, naming the column; with a `mysql` DataSource TypeORM
// keeps varchar(36), and the length is fine.

@Entity('content_categories')
class Category {
  @PrimaryColumn({ type: 'varchar', generated: 'uuid', length: 36 }) id: string
  @Column({ comment: '分类名称' }) name: string
}

@Entity('content_posts')
class Post {
  @PrimaryGeneratedColumn('uuid') id: string
  @ManyToOne(() => Category, { nullable: true, onDelete: 'SET NULL' }) category: Category | null
}

@Entity('tag')
class Tag {
  @PrimaryColumn({ type: 'uuid', length: 36 }) id: string
}

@Entity('folder')
class Folder {
  @PrimaryGeneratedColumn('uuid') id: string
}

@Entity('document')
class Document {
  @PrimaryGeneratedColumn('uuid') id: string
  @ManyToOne(() => Folder, { nullable: true }) folder: Folder | null
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('native_uuid_length')
})
afterAll(async () => db.drop())

it('refuses a generated uuid key with a length, as TypeORM does once connected', async () => {
  await expect(pendingChanges(db, [Category, Post])).rejects.toThrow(
    '"content_categories"."id" is a uuid with length 36: on MariaDB 10.7+ TypeORM makes it the native uuid type, which takes no length, ' +
      "and refuses the entities when it connects; remove the length from the entity (or use type: 'mysql' in the DataSource), then run again")
  // TypeORM's own verdict on this server, which the message repeats.
  const typeorm = new DataSource({ ...db.options, entities: [Category, Post] } as never)
  await expect(typeorm.initialize()).rejects.toThrow('Column id of Entity Category does not support length property')
})

it('refuses a uuid column with a length', async () => {
  await expect(pendingChanges(db, [Tag])).rejects.toThrow('"tag"."id" is a uuid with length 36')
  const typeorm = new DataSource({ ...db.options, entities: [Tag] } as never)
  await expect(typeorm.initialize()).rejects.toThrow('Column id of Entity Tag does not support length property')
})

it('takes a uuid key without a length, the foreign keys to it included', async () => {
  const migrated = await migrateTo(db, [Folder, Document], 'Documents')
  expect(migrated.source).toContain('\\`folderId\\` uuid NULL')
  expect(await pendingChanges(db, [Folder, Document])).toEqual([])
})
