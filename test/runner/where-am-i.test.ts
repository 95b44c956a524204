import { readFileSync, rmSync } from 'node:fs'
import { readMigrationHeader } from '../../src/runner/migration-header'
import { afterDatabaseLine } from '../support/run-cli'
import { bothDialects } from '../support/test-database'
import { names, runnerFixture } from './runner-project'

// status, current, history and show, in text and JSON, on real databases through the built CLI, with Init
// and AddViews applied and DropText (a DROP_COLUMN hazard) and the hand-written Backfill pending.

const [init, addViews, dropText, backfill] = names
const files = names.map((name) => `migrations/${name.slice(-13)}-${name.slice(0, -13)}.ts`)

describe.each(bothDialects('whereami'))('on %s', (_label, createDatabase) => {
  const fixture = runnerFixture(createDatabase)
  const cli = (...args: string[]) => fixture.runner.cli(...args)
  const json = async (...args: string[]) => {
    const run = await cli(...args, '--format', 'json')
    expect(run.code).toBe(0)
    return JSON.parse(run.stdout)
  }


  it('current prints nothing for a new database, and null in JSON', async () => {
    const run = await cli('current')
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(await json('current')).toEqual({ current: null })
  })

  it('status and current say where the database is, in text and JSON', async () => {
    expect((await cli('upgrade', '--to', 'AddViews')).code).toBe(0)
    const status = await cli('status')
    expect(status.code).toBe(0)
    expect(afterDatabaseLine(status.stdout)).toBe(
      `[applied] ${init}\n[applied] ${addViews}\n[pending] ${dropText}\n[pending] ${backfill}\n`)
    expect(status.stderr).toContain(`warning: ${dropText} line `)
    expect(await json('status')).toEqual({
      migrations: names.map((name, i) => ({
        name, timestamp: Number(name.slice(-13)), state: i < 2 ? 'applied' : 'pending', file: fixture.runner.project.file(files[i]!),
      })),
    })
    const current = await cli('current')
    expect(current.stdout).toBe(`${addViews}\n`)
    expect(current.stderr).toMatch(/^Database: /)
    expect(await json('current')).toEqual({ current: addViews })
  })

  it('history lists each migration with its header\'s summary and its hazards', async () => {
    const run = await cli('history')
    expect(run.code).toBe(0)
    const lines = afterDatabaseLine(run.stdout).trimEnd().split('\n')
    expect(lines.filter((line) => line.startsWith('['))).toEqual(
      [`[applied] ${init}`, `[applied] ${addViews}`, `[pending] ${dropText}`, `[pending] ${backfill}`])
    expect(lines[1]).toMatch(/^ {4}\+ table ("public"\.)?"note" \(2 columns\)$/)
    expect(lines).toContain('    hazard DROP_COLUMN (danger)')
    // Backfill's header, written by create, was never filled in: it has no summary, not create's placeholder.
    expect(lines.at(-1)).toBe(`[pending] ${backfill}`)
    expect(run.stdout).not.toContain('describe here')
    const verbose = afterDatabaseLine((await cli('history', '--verbose')).stdout)
    expect(verbose).toContain(`    file: ${files[2]}\n`)
    expect(verbose).toMatch(/ {4}line \d+: hazard DROP_COLUMN \(danger\): .*"text"/)
  })

  it('history --format json holds each file\'s header, summary and hazard comments', async () => {
    const { migrations } = await json('history')
    expect(migrations.map((m: { name: string }) => m.name)).toEqual([...names])
    for (const [i, m] of migrations.slice(0, 3).entries()) {
      const source = readFileSync(fixture.runner.project.file(files[i]!), 'utf8')
      expect(m.summary).toEqual(readMigrationHeader(source).changes)
      expect(m.summary.length).toBeGreaterThan(0)
    }
    expect(migrations[3].summary).toEqual([])
    expect(migrations[3].header).toContain('  (describe here what up() changes, for `typeorm-autogen history`)')
    expect(migrations[2].hazards).toEqual([expect.objectContaining({ code: 'DROP_COLUMN', severity: 'danger', accepted: false, line: expect.any(Number) })])
    expect(migrations[3].hazards).toEqual([])
  })

  it('show prints the SQL of a generated migration both ways, as its file has it, running nothing', async () => {
    const shown = await json('show', 'DropT')
    const source = readFileSync(fixture.runner.project.file(files[2]!), 'utf8')
    const [up, down] = source.split('public async down')
    expect(shown).toMatchObject({ name: dropText, state: 'pending', file: fixture.runner.project.file(files[2]!) })
    expect(shown.up.length).toBe(up!.split('await queryRunner.query(').length - 1)
    expect(shown.down.length).toBe(down!.split('await queryRunner.query(').length - 1)
    for (const query of [...shown.up, ...shown.down]) expect(source).toContain(query.sql)
    expect(shown.hazards.map((h: { code: string }) => h.code)).toEqual(['DROP_COLUMN'])
    expect(await fixture.runner.noteColumns()).toEqual(['id', 'text', 'views'])
    expect(await fixture.runner.recorded()).toEqual([init, addViews])

    const text = await cli('show', dropText)
    expect(text.code).toBe(0)
    const printed = afterDatabaseLine(text.stdout)
    expect(printed.startsWith(`${dropText} [pending]\nFile: ${files[2]}\n\nChanges:\n`)).toBe(true)
    expect(printed).toContain(`\n-- up\n${shown.up.map((q: { sql: string }) => `${q.sql};`).join('\n')}\n\n-- down\n`)
  })

  it('show records the queries of a migration written by hand', async () => {
    const shown = await json('show', '1700000003000')
    expect(shown).toMatchObject({ name: backfill, up: [{ sql: 'UPDATE note SET views = 7' }], down: [{ sql: 'UPDATE note SET views = 0' }], hazards: [] })
    expect(await fixture.db.query('SELECT count(*) AS n FROM note')).toEqual([{ n: fixture.db.label === 'sqlite' ? 0 : '0' }])
  })

  it('show says why a migration that reads back what it made cannot be recorded', async () => {
    fixture.runner.project.write('migrations/1700000009000-Helpers.ts', [
      "import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm'",
      'export class Helpers1700000009000 implements MigrationInterface {',
      '  async up(q: QueryRunner): Promise<void> {',
      "    await q.createTable(new Table({ name: 'audit', columns: [{ name: 'id', type: 'integer', isPrimary: true }, { name: 'msg', type: 'varchar' }] }), true)",
      "    await q.createIndex('audit', new TableIndex({ name: 'IDX_audit_msg', columnNames: ['msg'] }))",
      '  }',
      "  async down(q: QueryRunner): Promise<void> { await q.dropTable('audit') }",
      '}',
    ].join('\n'))
    try {
      const run = await cli('show', 'Helpers')
      expect(afterDatabaseLine(run.stderr)).toMatch(/^typeorm-autogen: Helpers1700000009000 failed while its up was recorded \(show runs no query, so every query it makes gets no rows, which a migration reading back what it made, as TypeORM's createIndex does, cannot take\): .+; read its file instead\n$/)
      expect(run.code).toBe(2)
    } finally {
      rmSync(fixture.runner.project.file('migrations/1700000009000-Helpers.ts'))
    }
  })

  it('show refuses an unknown or ambiguous name with exit code 2', async () => {
    const unknown = await cli('show', 'Nope')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe(`typeorm-autogen: no migration matches "Nope": name one of ${names.join(', ')} (its name, its timestamp, or a unique prefix of either)\n`)
    const none = await cli('show')
    expect(none.code).toBe(2)
  })
})
