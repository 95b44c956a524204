import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A table an extension owns (PostGIS's spatial_ref_sys) is the extension's: no entity declares it, and dropping it
// fails ("extension postgis requires it"). It is not read, so never proposed for dropping. An extension of the
// server's own contrib owns a table here the way PostGIS does, through ALTER EXTENSION ... ADD TABLE.

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('extension_tables')
  await db.query('CREATE EXTENSION pg_trgm')
  await db.query('CREATE TABLE spatial_ref_sys (srid int PRIMARY KEY, auth_name varchar(256))')
  await db.query("INSERT INTO spatial_ref_sys VALUES (4326, 'EPSG')")
  await db.query('ALTER EXTENSION pg_trgm ADD TABLE spatial_ref_sys')
})
afterAll(async () => db?.drop())

@Entity('place')
class Place {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}

it('leaves a table an extension owns out of the comparison', async () => {
  expect(await pendingChanges(db, [])).toEqual([])
  await migrateTo(db, [Place], 'Place')
  expect(await pendingChanges(db, [Place])).toEqual([])
  expect(await db.query('SELECT srid FROM spatial_ref_sys')).toEqual([{ srid: 4326 }])
})
