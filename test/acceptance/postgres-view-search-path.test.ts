import { Column, Entity, PrimaryColumn, ViewColumn, ViewEntity } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { downgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createPostgresDatabaseOnPath, type TestDatabase } from '../support/test-database'

// A database whose search_path names the tables' schema (`ALTER DATABASE ... SET search_path = ora, public`)
// printed its views' definitions without that schema (`FROM station`, for `FROM ora.station`), and the migration
// wrote that text where it creates a view again: its down failed on any connection without that search_path,
// a scratch database's among them ("relation "station" does not exist"). Definitions are printed with every
// name outside pg_catalog and public qualified, whatever the session's search_path.

@Entity({ name: 'station', schema: 'ora' })
class Station {
  @PrimaryColumn('integer') id: number
  @Column('integer') level: number
}

@Entity({ name: 'station', schema: 'ora' })
class StationWide {
  @PrimaryColumn('integer') id: number
  @Column('bigint') level: string
}

@ViewEntity({ name: 'high_station', schema: 'ora', expression: 'SELECT s.id, s.level FROM ora.station s WHERE s.level > 10' })
class HighStation {
  @ViewColumn() id: number
  @ViewColumn() level: number
}

let created: TestDatabase
let db: TestDatabase
beforeAll(async () => {
  created = await createPostgresDatabaseOnPath('view_path', 'ora')
  db = { ...created, options: { ...created.options, schema: 'ora' } as typeof created.options }
})
afterAll(async () => created?.drop())

it('writes a view made again with its tables\' schema, and reverts on a connection without the search_path', async () => {
  await migrateTo(db, [Station, HighStation], 'Init')
  expect(await pendingChanges(db, [Station, HighStation])).toEqual([])
  const { source } = await migrateTo(db, [StationWide, HighStation], 'Widen')
  const down = source.slice(source.indexOf('async down('))
  expect(down).toMatch(/CREATE VIEW "ora"\."high_station" AS [^`]*FROM ora\.station s/)
  await db.query(`ALTER DATABASE "${db.options.database as string}" RESET search_path`)
  await downgrade(projectFor(db, [StationWide, HighStation]))
  expect((await compareProject(projectFor(db, [Station, HighStation]))).up).toEqual([])
})
