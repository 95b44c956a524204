import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { normalizeMysql } from '../../src/dialect/mysql/mysql-normalize'
import { mysqlServerOf } from '../../src/dialect/mysql/mysql-server'
import { readEntities } from '../../src/source/entity-metadata'

// TypeORM's MySQL driver maps `uuid` and `json` by the server's version once connected (native uuid on MariaDB
// 10.7+) from 0.3.16 on; before, it wrote varchar(36) and, on MariaDB, longtext whatever the server. The entities
// of an older TypeORM were made native types all the same, and its schema builder then proposed to drop and add
// every uuid key. The driver is TypeORM's own, unconnected, as the tool reads it; TypeORM before 0.3.16 is it
// without the flag its newer drivers carry for a native uuid.

@Entity('ticket')
class Ticket {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'json', nullable: true }) meta: object
}

const mariadb = mysqlServerOf('10.11.6-MariaDB', 'STRICT_TRANS_TABLES')

async function columnsWith(driverOf: (dataSource: DataSource) => void) {
  const dataSource = new DataSource({ type: 'mariadb', host: '127.0.0.1', database: 'unused', entities: [Ticket] })
  driverOf(dataSource)
  const { model } = await readEntities(dataSource)
  return normalizeMysql(model, mariadb, 'mariadb').tables[0]!.columns.map((c) => ({ name: c.name, type: c.type, length: c.length }))
}

it('are the native types on MariaDB where the project\'s TypeORM maps them by version', async () => {
  expect(await columnsWith(() => undefined)).toEqual([
    { name: 'id', type: 'uuid', length: undefined },
    { name: 'meta', type: 'json', length: undefined },
  ])
})

it('are what TypeORM before 0.3.16 writes whatever the server: varchar(36) and longtext', async () => {
  expect(await columnsWith((dataSource) => delete (dataSource.driver as unknown as Record<string, unknown>).uuidColumnTypeSuported)).toEqual([
    { name: 'id', type: 'varchar', length: 36 },
    { name: 'meta', type: 'longtext', length: undefined },
  ])
})
