import 'reflect-metadata'
import { ChildEntity, Column, DataSource, Entity, ManyToOne, PrimaryGeneratedColumn, TableInheritance } from 'typeorm'
import { EntityMetadataBuilder } from 'typeorm/metadata-builder/EntityMetadataBuilder'
import { buildEntityMetadata } from '../../src/source/build-metadata'
import { withSingleTableChildrenScan } from '../../src/source/single-table-children-scan'

@Entity()
class Author {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}

@Entity()
@TableInheritance({ column: { type: 'varchar', name: 'kind' } })
class Content {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
}

@ChildEntity()
class Photo extends Content {
  @Column() size: number
}

@ChildEntity()
class Note extends Content {
  @Column('text') text: string
  @ManyToOne(() => Author) author: Author
}

const entities = [Content, Photo, Note, Author]
const dataSource = () => new DataSource({ type: 'better-sqlite3', database: ':memory:', entities })
const columnsOf = (built: DataSource) =>
  built.entityMetadatas.flatMap((metadata) => metadata.columns.map((column) => [metadata.tableName, column.databaseName, column.isNullable]))

describe('TypeORM search for single-table children, narrowed while building', () => {
  test('builds the same columns as TypeORM unnarrowed: a single-table child column is nullable', async () => {
    const ours = dataSource()
    await buildEntityMetadata(ours)
    const theirs = dataSource()
    await (theirs as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas()
    expect(columnsOf(ours)).toEqual(columnsOf(theirs))
    expect(columnsOf(ours)).toContainEqual(['content', 'size', true])
    expect(columnsOf(ours)).toContainEqual(['author', 'name', false])
  })

  const prototype = EntityMetadataBuilder.prototype as unknown as { computeEntityMetadataStep1: (...args: unknown[]) => unknown }

  test("narrows this TypeORM's step while the work runs, and restores it", async () => {
    const original = prototype.computeEntityMetadataStep1
    let during: unknown
    await withSingleTableChildrenScan(async () => {
      during = prototype.computeEntityMetadataStep1
    })
    expect(during).not.toBe(original)
    expect(prototype.computeEntityMetadataStep1).toBe(original)
  })

  test('leaves whole a step that reads the list for more than single-table children', async () => {
    const original = prototype.computeEntityMetadataStep1
    const readsMore = function (allEntityMetadatas: { tableType: string }[], entityMetadata: unknown) {
      return [allEntityMetadatas.length, allEntityMetadatas.find((other) => other.tableType === 'entity-child' && other === entityMetadata)]
    }
    prototype.computeEntityMetadataStep1 = readsMore as never
    try {
      let during: unknown
      await withSingleTableChildrenScan(async () => {
        during = prototype.computeEntityMetadataStep1
      })
      expect(during).toBe(readsMore)
    } finally {
      prototype.computeEntityMetadataStep1 = original
    }
  })
})
