import { Column, Entity, PrimaryColumn } from 'typeorm'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'
import { compareProject } from '../../src/pipeline/compare-project'

// apitable's node_desc.description is declared `default: () => ''`: an expression with no text. TypeORM writes
// `DEFAULT ` and MariaDB refuses it; the Init migration wrote `DEFAULT ()`, which it refuses too, and failed
// halfway, the tables before it created for good (MariaDB commits each).

@Entity('node_desc')
class NodeDesc {
  @PrimaryColumn('bigint') id: string
  @Column({ type: 'text', nullable: false, default: () => '' }) description: string
  @Column({ type: 'varchar', length: 20, default: () => ' ' }) note: string
}

let db: TestDatabase
beforeAll(async () => { db = await createMariaDbDatabase('emptydefault') })
afterAll(async () => db?.drop())

it('leaves out a default whose expression is empty, saying so, and the migration runs', async () => {
  const { warnings } = await compareProject(projectFor(db, [NodeDesc]))
  expect(warnings.filter((w) => w.code === 'NOT_DIFFED').map((w) => w.message)).toEqual([
    expect.stringContaining('default of column "description" of "node_desc" is an empty expression (a function returning \'\'), which no database takes: it is left out; write default: \'\' for an empty string'),
    expect.stringContaining('default of column "note" of "node_desc" is an empty expression'),
  ])
  const { source } = await migrateTo(db, [NodeDesc], 'Init')
  expect(source.replace(/\\`/g, '`')).toContain('`description` text NOT NULL,')
  expect(await pendingChanges(db, [NodeDesc])).toEqual([])
})
