import { rmSync } from 'node:fs'
import { EntitySchema } from 'typeorm'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import type { Statement } from '../../src/dialect/statement'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase } from '../support/test-database'

// A label of an ENUM column stated renamed is added, its rows moved, and the old label removed: the last step
// redefines the column, which copies the table. Beside another change of the same table (a column retyped, which
// copies it too), the two went in two ALTERs, two copies; one ALTER now carries both. And columns added to a table
// are added in the order the entity declares them.

const ticket = (labels: readonly string[], points: 'int' | 'bigint', added: readonly string[] = []) => new EntitySchema({
  name: 'ticket',
  columns: {
    id: { type: 'int', primary: true },
    status: { type: 'enum', enum: [...labels], default: labels[0] },
    points: { type: points },
    ...Object.fromEntries(added.map((name) => [name, { type: 'int', nullable: true }])),
  },
})

const copiesOf = (statements: readonly Statement[]) => statements.filter((s) => s.rebuild === 'ticket').length
const rows = 'SELECT id, status, points FROM ticket ORDER BY id'

describe('mariadb: a label stated renamed beside another change of its table', () => {
  let db: TestDatabase
  const before = [ticket(['pending', 'open'], 'int')]
  beforeAll(async () => {
    db = await createMariaDbDatabase('labelonecopy')
    await migrateTo(db, before, 'Init')
    await db.query(`INSERT INTO ticket (id, status, points) VALUES (1, 'pending', 3), (2, 'open', 5)`)
  })
  afterAll(async () => db?.drop())

  it('copies the table once each way, keeps the rows, and reverts', async () => {
    const after = [ticket(['queued', 'open'], 'bigint')]
    const renames = parseRenameFlags(['ticket.status:pending=queued'])
    const { upStatements, downStatements } = await compareProject(projectFor(db, after), { renames })
    expect([copiesOf(upStatements), copiesOf(downStatements)]).toEqual([1, 1])
    const rowsBefore = await db.query(rows)
    const { file } = await generateMigration(projectFor(db, after), 'Relabel', 1_900_000_000_000, { renames })
    expect(await upgrade(projectFor(db, after))).toEqual(['Relabel1900000000000'])
    expect(await pendingChanges(db, after)).toEqual([])
    expect(await db.query(rows)).toEqual([{ id: 1, status: 'queued', points: '3' }, { id: 2, status: 'open', points: '5' }])
    await revertLast(db, after)
    expect(await pendingChanges(db, before)).toEqual([])
    expect(await db.query(rows)).toEqual(rowsBefore)
    rmSync(file!)
  })

  it('adds several columns in the order the entity declares them', async () => {
    const after = [ticket(['pending', 'open'], 'int', ['zeta', 'alpha', 'mid'])]
    await migrateTo(db, after, 'Columns')
    const columns = await db.query<{ name: string }>(
      `SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ticket' ORDER BY ORDINAL_POSITION`)
    expect(columns.map((c) => c.name)).toEqual(['id', 'status', 'points', 'zeta', 'alpha', 'mid'])
    await revertLast(db, after)
  })
})
