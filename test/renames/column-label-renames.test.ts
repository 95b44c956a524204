import { readFileSync, rmSync } from 'node:fs'
import { EntitySchema } from 'typeorm'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import type { Operation } from '../../src/operations/operation'
import { type GenerateOptions, generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast, typeormProposes } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase, createSqliteDatabase } from '../support/test-database'

// Where each column holds its labels (MySQL's ENUM, SQLite's check of the labels), a label stated renamed keeps the
// rows holding it: MySQL adds the new label, moves the rows and drops the old one; SQLite maps them as it copies
// the table.

const ticket = (type: 'enum' | 'simple-enum', labels: readonly string[], sizes: readonly string[] = ['s', 'm', 'l']) => new EntitySchema({
  name: 'ticket',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    status: { type, enum: [...labels], default: labels[0] },
    size: { type, enum: [...sizes], nullable: true },
  },
})

const kinds = (ops: readonly Operation[]) => ops.map((op) => op.kind)

describe.each([
  ['sqlite', createSqliteDatabase, 'simple-enum'],
  ['mariadb', () => createMariaDbDatabase('collabel'), 'enum'],
] as const)('%s: a label of a column stated renamed keeps its rows', (label, createDatabase, type) => {
  let db: TestDatabase
  const rows = 'SELECT id, status, size FROM ticket ORDER BY id'
  const before = [ticket(type, ['pending', 'open', 'closed'])]
  let clock = 1_900_100_000_000
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, before, 'Init')
    await db.query(`INSERT INTO ticket (status, size) VALUES ('pending', 's'), ('closed', 'l'), ('pending', NULL), ('open', 'm')`)
  })
  afterAll(async () => db?.drop())

  const step = async (after: ReturnType<typeof ticket>[], options: GenerateOptions, expectRows: unknown[]) => {
    const rowsBefore = await db.query(rows)
    clock += 1000
    const result = await generateMigration(projectFor(db, after), 'Relabel', clock, options)
    if (!result.file) throw new Error('no changes were found')
    const source = readFileSync(result.file, 'utf8')
    expect(await upgrade(projectFor(db, after))).toEqual([`Relabel${clock}`])
    expect(await pendingChanges(db, after)).toEqual([])
    expect(await typeormProposes(db, after)).toEqual([])
    expect(await db.query(rows)).toEqual(expectRows)
    await db.query(`INSERT INTO ticket (size) VALUES (NULL)`)
    const defaulted = await db.query<{ status: string }>(`SELECT status FROM ticket WHERE id > 4`)
    await db.query(`DELETE FROM ticket WHERE id > 4`)
    await revertLast(db, after)
    expect(await pendingChanges(db, before)).toEqual([])
    expect(await db.query(rows)).toEqual(rowsBefore)
    rmSync(result.file)
    return { up: result.comparison.up, source, hazards: result.comparison.hazards.map((h) => h.code), defaulted: defaulted[0]?.status }
  }

  it('renames two labels of two columns stated by --rename, beside a label added, and the default follows', async () => {
    const after = [ticket(type, ['queued', 'open', 'closed', 'archived'], ['small', 'm', 'l'])]
    const renames = parseRenameFlags(['ticket.status:pending=queued', 'ticket.size:s=small'])
    const { up, hazards, defaulted } = await step(after, { renames }, [
      { id: 1, status: 'queued', size: 'small' },
      { id: 2, status: 'closed', size: 'l' },
      { id: 3, status: 'queued', size: null },
      { id: 4, status: 'open', size: 'm' },
    ])
    expect(kinds(up)).toEqual(['rename_column_label', 'rename_column_label', 'alter_column'])
    expect(hazards).not.toContain('ENUM_VALUE_REMOVED')
    expect(hazards).toContain('RENAME')
    expect(defaulted).toBe('queued')
  })

  it(`${label === 'mariadb' ? 'adds the label, moves the rows and removes the old label' : 'maps the label as it copies the table'}`, async () => {
    const after = [ticket(type, ['pending', 'open', 'done'])]
    const { source, hazards } = await step(after, { renames: parseRenameFlags(['ticket.status:closed=done']) }, [
      { id: 1, status: 'pending', size: 's' },
      { id: 2, status: 'done', size: 'l' },
      { id: 3, status: 'pending', size: null },
      { id: 4, status: 'open', size: 'm' },
    ])
    expect(hazards).toContain('TABLE_REBUILD')
    if (label === 'mariadb') {
      const sql = source.replace(/\\`/g, '`')
      expect(sql).toContain("UPDATE `ticket` SET `status` = 'done' WHERE `status` = 'closed'")
      expect(sql).toContain("UPDATE `ticket` SET `status` = 'closed' WHERE `status` = 'done'")
    } else {
      expect(source).toContain(`CASE "status" WHEN 'closed' THEN 'done' ELSE "status" END`)
    }
  })

  it('renames a label whose case alone changes, which MariaDB\'s case-insensitive collation holds equal', async () => {
    const after = [ticket(type, ['pending', 'Open', 'closed'])]
    const { up } = await step(after, { renames: parseRenameFlags(['ticket.status:open=Open']) }, [
      { id: 1, status: 'pending', size: 's' },
      { id: 2, status: 'closed', size: 'l' },
      { id: 3, status: 'pending', size: null },
      { id: 4, status: 'Open', size: 'm' },
    ])
    expect(kinds(up)).toEqual(['rename_column_label'])
  })

  it('without a statement removes the label, counting the rows, and names the statement', async () => {
    clock += 1000
    const result = await generateMigration(projectFor(db, [ticket(type, ['queued', 'open', 'closed'])]), 'Relabel', clock, { dryRun: true })
    const removed = result.comparison.hazards.filter((h) => h.code === 'ENUM_VALUE_REMOVED')
    expect(removed.map((h) => h.measurement?.count)).toEqual([2])
    expect(removed[0]!.message).toContain(`state it: @RenamedLabel('pending', 'queued') on the column, or --rename ticket.status:pending=queued`)
  })
})
