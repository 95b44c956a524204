import 'reflect-metadata'
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm-0.3'
import { connectMysql, type MysqlConnection } from '../../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import { diffSchemas } from '../../../src/diff/diff-schemas'
import { readEntities } from '../../../src/source/entity-metadata'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'

// TypeORM 0.3's `zerofill: true` is written `ZEROFILL` by its MySQL driver (in place of `UNSIGNED`, which the server
// then adds), and MariaDB stores it as `unsigned zerofill`. The entity side read it as `unsigned` only: a database
// TypeORM's synchronize made showed a type change on every such column (`decimal(12,2) unsigned zerofill ->
// decimal(12,2) unsigned`), and the migrations written for new ones left ZEROFILL out. Found on a RuoYi-style
// Nest admin (taozhi1010/nest-admin) with a `balance` column. TypeORM 1.x removed the option.

@Entity('accounts')
class Account {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'decimal', precision: 12, scale: 2, zerofill: true, default: 0 }) balance: string
  @Column({ type: 'int', width: 6, zerofill: true, nullable: true }) code: number
  @Column({ type: 'int', unsigned: true, zerofill: true, default: 7 }) visits: number
  @Column({ type: 'int', unsigned: true, default: 0 }) plain: number
}

describe('mysql: zerofill columns (TypeORM 0.3)', () => {
  let db: TestDatabase
  let dataSource: DataSource
  let connection: MysqlConnection

  beforeAll(async () => {
    db = await createMariaDbDatabase('zerofill')
    dataSource = new DataSource({ ...db.options, entities: [Account], synchronize: true, logging: false } as never)
    await dataSource.initialize()
    connection = await connectMysql(db.options)
  })
  afterAll(async () => {
    await connection?.close()
    if (dataSource?.isInitialized) await dataSource.destroy()
    await db?.drop()
  })

  it('a table TypeORM synchronize made reads back equal to the entities', async () => {
    const dialect = mysqlDialectAt(connection.server)
    const desired = dialect.normalize((await readEntities(dataSource as never)).model, dataSource.options as never)
    const actual = await dialect.introspect(connection, { ignoreTables: [] })
    const types = (m: typeof actual) => m.tables.find((t) => t.name === 'accounts')!.columns.map((c) => [c.name, c.type])
    expect(types(desired)).toEqual([['id', 'int'], ['balance', 'decimal unsigned zerofill'], ['code', 'int unsigned zerofill'],
      ['visits', 'int unsigned zerofill'], ['plain', 'int unsigned']])
    expect(types(actual)).toEqual(types(desired))
    const reconciled = await dialect.reconcile!(desired, actual, connection)
    expect(diffSchemas(actual, reconciled, dialect.capabilities)).toEqual([])
  })
})
