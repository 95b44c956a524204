import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { mysqlDialect } from '../../src/dialect/mysql/mysql-dialect'
import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import { compareProject } from '../../src/pipeline/compare-project'
import { identityColumnWarnings } from '../../src/pipeline/identity-columns'
import { column, schema, table } from '../support/model-builders'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// `@PrimaryGeneratedColumn('identity')` on a database without identity columns: TypeORM writes the column with no
// generation (no AUTO_INCREMENT), and so does the migration, without a word: a key that was 'increment' stopped counting.

const entities = schema([table('ticket', [column('id', 'integer', { generated: { kind: 'identity', always: false } }), column('seq', 'integer', { generated: { kind: 'increment' } })])])

it('warns of each identity column where the database has none, and nowhere else', () => {
  expect(identityColumnWarnings(entities, mysqlDialect.capabilities)).toEqual([
    expect.stringMatching(/^"ticket"\."id" is generated as identity, which this database does not have: .* so a counter it was stops counting/),
  ])
  expect(identityColumnWarnings(entities, postgresDialect.capabilities)).toEqual([])
})

@Entity('ticket')
class TicketIncrement {
  @PrimaryGeneratedColumn('increment') id!: number
  @Column() title!: string
}

@Entity('ticket')
class TicketIdentity {
  @PrimaryGeneratedColumn('identity') id!: number
  @Column() title!: string
}

describe('mariadb', () => {
  let db: TestDatabase
  beforeAll(async () => { db = await createMariaDbDatabase('identity_columns') })
  afterAll(async () => db?.drop())

  it('says so where an increment key becomes identity, beside the change that drops its AUTO_INCREMENT', async () => {
    await migrateTo(db, [TicketIncrement], 'Init')
    const comparison = await compareProject(projectFor(db, [TicketIdentity]))
    expect(comparison.up.map((op) => op.kind)).toEqual(['alter_column'])
    expect(comparison.warnings.filter((w) => w.code === 'NOT_DIFFED').map((w) => w.message)).toEqual([
      expect.stringMatching(/^"ticket"\."id" is generated as identity, which this database does not have/),
    ])
  })
})
