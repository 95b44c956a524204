import { Column, DataSource, Entity, JoinTable, ManyToMany, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// across-protocol/indexer reads the junction of a ManyToMany through an entity of its own, declared
// synchronize: false (`@Entity('bundle_executions', { synchronize: false })` with the junction's two columns):
// TypeORM's synchronize and migration:generate make the junction all the same, which the ManyToMany needs. An
// entity declared synchronize: false with a column the junction lacks keeps the table left alone: as the
// junction, it would lose that column.

@Entity('execution')
class Execution {
  @PrimaryGeneratedColumn() id: number
}

@Entity('bundle')
class Bundle {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => Execution)
  @JoinTable({ name: 'bundle_executions', joinColumn: { name: 'bundleId' }, inverseJoinColumn: { name: 'executionId' } })
  executions: Execution[]
}

@Entity('bundle_executions', { synchronize: false })
class BundleExecution {
  @PrimaryColumn() bundleId: number
  @PrimaryColumn() executionId: number
}

@Entity('member')
class Member {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => Execution)
  @JoinTable({ name: 'member_executions' })
  executions: Execution[]
}

@Entity('member_executions', { synchronize: false })
class MemberExecution {
  @PrimaryGeneratedColumn() id: number
  @Column() memberId: number
  @Column() executionId: number
}

const entities = [Execution, Bundle, BundleExecution, Member, MemberExecution]

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('readonlyjunction')
})
afterAll(async () => db?.drop())

it('makes a junction that a read-only entity of its columns also declares, as TypeORM does; one with a column more stays left alone', async () => {
  const { up } = await migrateTo(db, entities, 'Init')
  expect(up.filter((op) => op.kind === 'create_table').map((op) => ('table' in op ? op.table.name : undefined)).sort()).toEqual([
    'bundle',
    'bundle_executions',
    'execution',
    'member',
  ])
  expect(await pendingChanges(db, entities)).toEqual([])

  const dataSource = new DataSource({ ...db.options, entities, logging: false } as never)
  await dataSource.initialize()
  try {
    const execution = await dataSource.getRepository(Execution).save({})
    await dataSource.getRepository(Bundle).save({ executions: [execution] })
    expect(await dataSource.getRepository(BundleExecution).count()).toBe(1)
    // TypeORM's own schema builder finds the junction made as it would make it.
    const queries = (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)
    expect(queries.filter((q) => q.includes('bundle_executions'))).toEqual([])
  } finally {
    await dataSource.destroy()
  }
})
