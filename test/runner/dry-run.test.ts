import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterDatabaseLine } from '../support/run-cli'
import { databaseState } from '../support/database-state'
import { bothDialects } from '../support/test-database'
import { names, runnerFixture } from './runner-project'

// upgrade --dry-run and downgrade --dry-run on real databases: the migrations run in one transaction that is
// rolled back, so a failing one is named (exit 2), one that cannot run in a transaction is skipped with a
// note, and the schema and the migrations table are the same after as before.

const [init, addViews, dropText, backfill] = names

const migration = (name: string, body: string, transaction = '') => `
import { MigrationInterface, QueryRunner } from 'typeorm'
export class ${name} implements MigrationInterface {
  ${transaction}
  async up(queryRunner: QueryRunner): Promise<void> {
    ${body}
  }
  async down(): Promise<void> {}
}
`

describe.each(bothDialects('dryrun'))('on %s', (_label, createDatabase) => {
  const fixture = runnerFixture(createDatabase)
  const cli = (...args: string[]) => fixture.runner.cli(...args)
  beforeAll(async () => {
    // A dry run warns of what upgrade warns of before it runs (tested in integrity-cli): here the hazard of DropText
    // is accepted and Backfill's edit after create recorded, so that only what the run itself says is printed.
    const dropTextFile = fixture.runner.project.file('migrations/1700000002000-DropText.ts')
    writeFileSync(dropTextFile, readFileSync(dropTextFile, 'utf8').replaceAll('// hazard', '// accepted'))
    expect((await cli('hash')).code).toBe(0)
  })

  /** unchanged runs a command and expects the database as it was before. */
  const unchanged = async (...args: string[]) => {
    const before = await databaseState(fixture.db)
    const run = await cli(...args)
    expect(await databaseState(fixture.db)).toEqual(before)
    return run
  }

  it('runs every pending migration and rolls them back, changing nothing', async () => {
    const run = await unchanged('upgrade', '--dry-run')
    expect(run.stderr).toBe('')
    expect(afterDatabaseLine(run.stdout)).toBe([
      ...names.map((name) => `Would apply ${name} (it ran, and was rolled back)`),
      'Dry run: nothing changed (4 migrations ran in one transaction, rolled back).',
      '',
    ].join('\n'))
    expect(run.code).toBe(0)
  })

  it('names a migration that fails, exit 2, and changes nothing', async () => {
    const file = fixture.runner.project.write('migrations/1700000004000-Broken.ts', migration('Broken1700000004000', 'await queryRunner.query(`ALTER TABLE nowhere ADD COLUMN x integer`)'))
    const run = await unchanged('upgrade', '--dry-run')
    expect(afterDatabaseLine(run.stderr)).toMatch(/^typeorm-autogen: migration Broken1700000004000 failed in up: [^;]*nowhere[^;]*; the failing statement: ALTER TABLE nowhere ADD COLUMN x integer; the dry run's transaction was rolled back, so nothing changed\n$/)
    expect(run.stdout).not.toContain('Would apply')
    expect(run.code).toBe(2)
    rmSync(file)
  })

  it('skips a migration that cannot run in a transaction, with a note', async () => {
    const file = fixture.runner.project.write('migrations/1700000004000-Loose.ts', migration('Loose1700000004000', 'await queryRunner.query(`UPDATE note SET views = 3`)', 'transaction = false'))
    const run = await unchanged('upgrade', '--dry-run', '--quiet')
    expect(run.stderr).toBe('note: Loose1700000004000 was not run: its `transaction = false` keeps it out of a transaction, which a dry run could not roll back; the migrations after it ran without it\n')
    expect(run.stdout).toContain(`Would apply ${backfill} (it ran, and was rolled back)\n`)
    expect(run.stdout).not.toContain('Would apply Loose')
    expect(run.code).toBe(0)
    rmSync(file)
  })

  it('says that nothing ran when the only pending migration cannot run in a transaction', async () => {
    await cli('upgrade')
    const file = fixture.runner.project.write('migrations/1700000004000-Loose.ts', migration('Loose1700000004000', 'await queryRunner.query(`UPDATE note SET views = 3`)', 'transaction = false'))
    const run = await unchanged('upgrade', '--dry-run')
    expect(afterDatabaseLine(run.stderr)).toBe('note: Loose1700000004000 was not run: its `transaction = false` keeps it out of a transaction, which a dry run could not roll back\n')
    expect(afterDatabaseLine(run.stdout)).toBe('Dry run: nothing changed (no migration ran).\n')
    expect(run.code).toBe(0)
    rmSync(file)
    await cli('downgrade', '--all')
  })

  it('refuses, as upgrade does, a migration with its own transaction where every migration runs in one (migrationsTransactionMode all)', async () => {
    const file = fixture.runner.project.write('migrations/1700000004000-Loose.ts', migration('Loose1700000004000', 'await queryRunner.query(`UPDATE note SET views = 3`)', 'transaction = false'))
    fixture.runner.project.write('all.ts', [
      "import { DataSource } from 'typeorm'",
      "import { Note } from './note'",
      `export default new DataSource({ ...${JSON.stringify(fixture.db.options)}, entities: [Note], migrations: ['migrations/*.ts'], migrationsTransactionMode: 'all' })`,
    ].join('\n'))
    const dryRun = await unchanged('upgrade', '--dry-run', '-c', 'all.ts')
    const upgrade = await unchanged('upgrade', '-c', 'all.ts')
    expect([dryRun.code, upgrade.code]).toEqual([2, 2])
    expect(afterDatabaseLine(dryRun.stderr)).toMatch(/^typeorm-autogen: .*Loose1700000004000.*so TypeORM's runner refuses them: remove their `transaction` property, or set the DataSource's migrationsTransactionMode to "each"\n$/)
    expect(afterDatabaseLine(upgrade.stderr)).toContain('Loose1700000004000')
    rmSync(file)
  })

  it('stops, with a note, at a later part of a change, which commits the parts before it', async () => {
    const commitFirst = 'if (queryRunner.isTransactionActive) { await queryRunner.commitTransaction(); await queryRunner.startTransaction() }\n    await queryRunner.query(`UPDATE note SET views = 4`)'
    const part = fixture.runner.project.write('migrations/1700000004000-Part.ts', migration('Part1700000004000', commitFirst))
    const after = fixture.runner.project.write('migrations/1700000005000-After.ts', migration('After1700000005000', 'await queryRunner.query(`UPDATE note SET views = 5`)'))
    const run = await unchanged('upgrade', '--dry-run', '--quiet')
    expect(run.stderr).toBe(
      'note: Part1700000004000 and the migration after it (After1700000005000) were not run: Part1700000004000 first commits the migrations before it ' +
      '(a later part of its change: it uses what an earlier part added, or runs outside a transaction), which a dry run cannot do; `upgrade` runs them\n',
    )
    expect(run.stdout).toContain(`Would apply ${backfill} (it ran, and was rolled back)\n`)
    expect(run.stdout).not.toContain('Would apply Part')
    expect(run.code).toBe(0)
    rmSync(part)
    rmSync(after)
  })

  it('stops a downgrade, with a note naming downgrade, at a migration whose down commits first', async () => {
    const undo = fixture.runner.project.write('migrations/1700000004000-Undo.ts', `
import { MigrationInterface, QueryRunner } from 'typeorm'
export class Undo1700000004000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`UPDATE note SET views = 4\`)
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.isTransactionActive) { await queryRunner.commitTransaction(); await queryRunner.startTransaction() }
    await queryRunner.query(\`UPDATE note SET views = 0\`)
  }
}
`)
    expect((await cli('upgrade')).code).toBe(0)
    const run = await unchanged('downgrade', '--dry-run', '--quiet')
    expect(run.stderr).toBe(
      'note: Undo1700000004000 was not run: Undo1700000004000 reverts outside a transaction (its down commits first), ' +
      'which a dry run cannot do; `downgrade` runs it\n',
    )
    expect(run.stdout).toBe('Dry run: nothing changed (no migration ran).\n')
    expect(run.code).toBe(0)
    expect((await cli('downgrade')).code).toBe(0)
    rmSync(undo)
    await cli('downgrade', '--all')
  })

  it('reverts and rolls back, changing nothing', async () => {
    expect((await cli('upgrade', '--to', dropText)).code).toBe(0)
    await fixture.db.query('INSERT INTO note (views) VALUES (5)')
    const run = await unchanged('downgrade', '--dry-run', '--all')
    expect(afterDatabaseLine(run.stdout)).toBe([
      ...[dropText, addViews, init].map((name) => `Would revert ${name} (it ran, and was rolled back)`),
      'Dry run: nothing changed (3 migrations ran in one transaction, rolled back).',
      '',
    ].join('\n'))
    expect(await fixture.db.query('SELECT views FROM note')).toEqual([{ views: 5 }])
    expect(run.code).toBe(0)
    const stamp = await unchanged('stamp', backfill, '--force', '--dry-run')
    expect(afterDatabaseLine(stamp.stdout)).toBe(`Would stamp ${backfill} (dry run: nothing recorded)\n`)
    const unstamp = await unchanged('stamp', '--delete', dropText, '--dry-run')
    expect(afterDatabaseLine(unstamp.stdout)).toBe(`Would remove the record of ${dropText} (dry run: nothing changed).\n`)
    const both = await unchanged('upgrade', '--dry-run', '--sql')
    expect(both.stderr).toBe('typeorm-autogen: --sql and --dry-run cannot be given together: pass one of them (see --help)\n')
    // An offline script runs in the user's client, under its session's timeouts; a dry run takes no lock.
    expect((await unchanged('upgrade', '--sql', '--statement-timeout', '1')).stderr).toBe('typeorm-autogen: --sql and --statement-timeout cannot be given together: pass one of them (see --help)\n')
    expect((await unchanged('downgrade', '--sql', '--lock-timeout', '1')).stderr).toBe('typeorm-autogen: --sql and --lock-timeout cannot be given together: pass one of them (see --help)\n')
    expect((await unchanged('downgrade', '--dry-run', '--wait-for-lock', '1')).stderr).toBe('typeorm-autogen: --dry-run and --wait-for-lock cannot be given together: pass one of them (see --help)\n')
  })

  it('generate --dry-run prints the files it would write and its report, writing nothing', async () => {
    expect((await cli('upgrade')).code).toBe(0)
    const { project } = fixture.runner
    project.write('note.ts', readFileSync(project.file('note.ts'), 'utf8').replace('views: number', 'views: number\n  @Column({ type: \'integer\', nullable: true }) extra: number | null'))
    const folder = () => readdirSync(project.file('migrations')).map((f) => `${f}:${readFileSync(join(project.file('migrations'), f), 'utf8')}`)
    const before = folder()
    const run = await unchanged('generate', 'AddExtra', '--timestamp', '1700000009000', '--dry-run')
    expect(run.code).toBe(0)
    const out = afterDatabaseLine(run.stdout)
    expect(out).toContain('extra')
    expect(out).toMatch(/^Would write migrations\/1700000009000-AddExtra\.ts$/m)
    expect(out).toContain('Dry run: nothing was written.\n')
    expect(folder()).toEqual(before)
  })

  it('says a failing migration as upgrade says it, only what it left behind differing', async () => {
    const file = fixture.runner.project.write('migrations/1700000010000-Broken.ts', migration('Broken1700000010000', 'await queryRunner.query(`UPDATE nowhere SET x = 1`)'))
    const dryRun = await unchanged('upgrade', '--dry-run')
    const upgrade = await unchanged('upgrade')
    expect([dryRun.code, upgrade.code]).toEqual([2, 2])
    expect(afterDatabaseLine(dryRun.stderr)).toMatch(/; the failing statement: UPDATE nowhere SET x = 1; the dry run's transaction was rolled back, so nothing changed\n$/)
    expect(afterDatabaseLine(upgrade.stderr)).toMatch(/; the failing statement: UPDATE nowhere SET x = 1; its transaction was rolled back, so the database is as it was before it\n$/)
    const failure = (stderr: string) => afterDatabaseLine(stderr).replace(/; (its|the dry run's) transaction was rolled back, .*\n$/, '')
    expect(failure(dryRun.stderr)).toBe(failure(upgrade.stderr))
    rmSync(file)
  })
})
