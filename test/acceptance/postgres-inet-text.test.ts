import { EntitySchema } from 'typeorm'
import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// inet's cast to text always writes the netmask: an address made varchar became `10.0.0.1/32`, not the `10.0.0.1`
// the column showed and the application read.
const hosts = (type: object) => new EntitySchema({
  name: 'Host', tableName: 'hosts', columns: { id: { type: 'int', primary: true }, address: { nullable: true, ...type } as never },
})

it('postgres: an inet column made varchar keeps each address as the column showed it, and back', async () => {
  const db: TestDatabase = await createPostgresDatabase('inettext')
  try {
    await migrateTo(db, [hosts({ type: 'inet' })], 'Inet')
    await db.query(`INSERT INTO hosts (id, address) VALUES (1, '10.0.0.1'), (2, '10.0.0.0/8'), (3, '::1'), (4, NULL)`)
    const { rowsAfter } = await expectCleanCycle(db, [hosts({ type: 'inet' })], [hosts({ type: 'varchar', length: 43 })], 'Text', 'SELECT id, address FROM hosts ORDER BY id')
    expect(rowsAfter.map((r) => (r as { address: string | null }).address)).toEqual(['10.0.0.1', '10.0.0.0/8', '::1', null])
  } finally {
    await db.drop()
  }
})
