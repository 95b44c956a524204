import 'reflect-metadata'
import { Column, DataSource, type DataSourceOptions, Entity, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { buildEntityMetadata } from '../../src/source/build-metadata'
import { declaredFactsOf } from '../../src/source/declared-facts'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// generate writes the entities' facts from metadata built without connecting; check --from-migrations reads
// them from an initialized DataSource. TypeORM sizes a join column to a uuid key (36) only in the first case.

@Entity('maker')
class Maker {
  @PrimaryGeneratedColumn('uuid') id: string
}

@Entity('gadget')
class Gadget {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'varchar', length: 40 }) label: string
  @ManyToOne(() => Maker) maker: Maker
  @ManyToMany(() => Maker) @JoinTable() partners: Maker[]
}

let db: TestDatabase
beforeAll(async () => { db = await createMariaDbDatabase('facts') })
afterAll(async () => db.drop())

describe('declaredFactsOf on mariadb', () => {
  it('reads the same facts before and after connecting', async () => {
    const options: DataSourceOptions = { ...db.options, entities: [Maker, Gadget] } as DataSourceOptions
    const before = declaredFactsOf(await buildEntityMetadata(new DataSource(options)))
    const connected = await new DataSource(options).initialize()
    try {
      const after = declaredFactsOf(await buildEntityMetadata(connected))
      expect(before).toEqual(after)
      const gadget = after.tables.find((t) => t.name === 'gadget')!
      expect(gadget.columns.find((c) => c.name === 'makerId')).not.toHaveProperty('length')
      expect(gadget.columns.find((c) => c.name === 'label')).toHaveProperty('length', '40')
    } finally {
      await connected.destroy()
    }
  })
})
