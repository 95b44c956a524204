import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { expectCleanCycle, migrateTo, pendingChanges, revertLast, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A spatial feature type and SRID are part of a PostGIS column's type (`geography(Point,4326)`): they are
// compared, created and changed as the type, after TypeORM's synchronize as after our own migration; a spatial
// index is a GiST index, as TypeORM makes it. PostGIS
// is a package of its own (postgresql-15-postgis-3, which .ci/run installs).

let db: TestDatabase
beforeEach(async () => {
  db = await createPostgresDatabase('spatial')
  const postgis = await db.query("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")
  if (postgis.length === 0) throw new Error('PostGIS is not installed on the PostgreSQL server: install postgresql-15-postgis-3 (.ci/run does)')
})
afterEach(async () => db?.drop())

@Entity('place')
class Place {
  @PrimaryGeneratedColumn() id: number
  // TypeORM makes a spatial index USING GiST.
  @Index({ spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, nullable: true }) location: object | null
  // geography's SRID is 4326 unless given; PostGIS prints it.
  @Column({ type: 'geography', spatialFeatureType: 'Point', nullable: true }) entrance: object | null
  @Column({ type: 'geometry', spatialFeatureType: 'Polygon', srid: 3857, nullable: true }) area: object | null
  @Column({ type: 'geometry', spatialFeatureType: 'LineString', nullable: true }) path: object | null
  @Column({ type: 'geometry', nullable: true }) shape: object | null
}

@Entity('place')
class PlaceInAnotherSrid {
  @PrimaryGeneratedColumn() id: number
  @Index({ spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, nullable: true }) location: object | null
  @Column({ type: 'geography', spatialFeatureType: 'Point', nullable: true }) entrance: object | null
  @Column({ type: 'geometry', spatialFeatureType: 'Polygon', srid: 4326, nullable: true }) area: object | null
  @Column({ type: 'geometry', spatialFeatureType: 'LineString', nullable: true }) path: object | null
  @Column({ type: 'geometry', nullable: true }) shape: object | null
}

it('creates spatial columns of their feature type and SRID, and finds nothing to change after', async () => {
  const { source } = await migrateTo(db, [Place], 'Place')
  expect(source).toContain('"location" geography(point,4326)')
  expect(await pendingChanges(db, [Place])).toEqual([])
  const types = await db.query<{ attname: string; type: string }>(
    "SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'place'::regclass AND attnum > 1 ORDER BY attnum")
  expect(types.map((t) => `${t.attname} ${t.type}`)).toEqual([
    'location geography(Point,4326)', 'entrance geography(Point,4326)', 'area geometry(Polygon,3857)', 'path geometry(LineString)', 'shape geometry',
  ])
  const indexes = await db.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE tablename = 'place' AND indexdef LIKE '%gist%'")
  expect(indexes.map((i) => i.indexdef.replace(/"IDX_\w+"/, 'IDX'))).toEqual(['CREATE INDEX IDX ON public.place USING gist (location)'])
  await revertLast(db, [Place])
})

it('finds nothing to change after TypeORM\'s synchronize', async () => {
  await synchronizeWithTypeorm(db, [Place])
  expect(await pendingChanges(db, [Place])).toEqual([])
})

it('changes an SRID as a type change, and back', async () => {
  await migrateTo(db, [Place], 'Place')
  await db.query('INSERT INTO place (area) VALUES (NULL)')
  const { source } = await expectCleanCycle(db, [Place], [PlaceInAnotherSrid], 'AnotherSrid', 'SELECT id FROM place')
  expect(source).toContain('geometry(polygon,4326)')
})

// PostGIS prints a geometry of any feature type and no SRID (`geometry(Geometry)`, `geometry(Geometry,0)`) as plain
// `geometry`, and SRID 0 as none: compared as declared, such columns were changed again by every migration.
@Entity('shape')
class AnyShape {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'geometry', spatialFeatureType: 'Geometry', nullable: true }) any: object | null
  @Column({ type: 'geometry', spatialFeatureType: 'Geometry', srid: 0, nullable: true }) anyNoSrid: object | null
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 0, nullable: true }) point: object | null
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 0, nullable: true }) place: object | null
  @Column({ type: 'geometry', spatialFeatureType: 'Geometry', srid: 4326, nullable: true }) anyWithSrid: object | null
}

it('finds nothing to change on a geometry of any feature type or SRID 0, after our migration and after TypeORM\'s synchronize', async () => {
  await migrateTo(db, [AnyShape], 'AnyShape')
  expect(await pendingChanges(db, [AnyShape])).toEqual([])
  await revertLast(db, [AnyShape])
  await synchronizeWithTypeorm(db, [AnyShape])
  expect(await pendingChanges(db, [AnyShape])).toEqual([])
})
