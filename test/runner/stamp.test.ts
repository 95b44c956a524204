import { afterDatabaseLine, withoutRunTimes } from '../support/run-cli'
import { bothDialects } from '../support/test-database'
import { names, runnerFixture } from './runner-project'

// stamp adopts a database whose schema was made without the migrations table: it records the migrations
// up to NAME without running them once the database matches the entities, refuses (exit 1, nothing
// recorded) when it does not, unless --force; stamp --delete removes a record.

const [init, addViews, dropText, backfill] = names

describe.each(bothDialects('stamp'))('on %s', (_label, createDatabase) => {
  const fixture = runnerFixture(createDatabase)
  const cli = (...args: string[]) => fixture.runner.cli(...args)

  /** adoptable leaves the schema of `target` (upgrade --to) with no migrations table, as a database made by hand. */
  const adoptable = async (target: string) => {
    for (const table of ['note', 'migrations']) await fixture.db.query(`DROP TABLE IF EXISTS ${table}`)
    expect((await cli('upgrade', '--to', target)).code).toBe(0)
    await fixture.db.query('DROP TABLE migrations')
  }


  it('records every migration of a database at the newest one, running none, after which upgrade has nothing to do', async () => {
    await adoptable(backfill)
    await fixture.db.query('INSERT INTO note (views) VALUES (3)')
    const run = await cli('stamp', 'Backfill')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(afterDatabaseLine(run.stdout)).toBe(names.map((name) => `Stamped ${name} (recorded as applied, not run)\n`).join(''))
    expect(await fixture.runner.recorded()).toEqual([...names])
    expect(await fixture.db.query('SELECT views FROM note')).toEqual([{ views: 3 }])
    expect(afterDatabaseLine((await cli('upgrade')).stdout)).toBe('Up to date: no pending migrations.\n')
    expect(afterDatabaseLine((await cli('stamp', backfill)).stdout)).toBe(`Nothing to stamp: ${backfill} is already applied, and no migration after it is.\n`)
  })

  it('refuses, recording nothing, when the database does not match the entities; --force records anyway', async () => {
    await adoptable(addViews)
    const run = await cli('stamp', backfill)
    expect(run.code).toBe(1)
    expect(afterDatabaseLine(run.stdout)).toMatch(/"text"/)
    expect(run.stderr).toBe(`The database does not match the entities, so it is not at ${backfill}: nothing was recorded. The changes above are what it lacks; apply them, or pass --force to record anyway.\n`)
    expect(await fixture.runner.recorded()).toEqual([])
    const forced = await cli('stamp', backfill, '--force')
    expect(forced.code).toBe(0)
    expect(await fixture.runner.recorded()).toEqual([...names])
  })

  it('checks an older migration against a scratch database those migrations build, and upgrade then runs only the rest', async () => {
    await adoptable(addViews)
    const stamped = await cli('stamp', 'AddViews')
    expect(stamped.stderr).toBe('')
    expect(afterDatabaseLine(stamped.stdout)).toBe(`Stamped ${init} (recorded as applied, not run)\nStamped ${addViews} (recorded as applied, not run)\n`)
    const upgrade = await cli('upgrade')
    expect(upgrade.code).toBe(0)
    expect(withoutRunTimes(afterDatabaseLine(upgrade.stdout))).toBe(`Applied ${dropText}\nApplied ${backfill}\n2 migrations applied\n`)
    expect(await fixture.runner.noteColumns()).toEqual(['id', 'views'])
  })

  it('refuses an older migration the database is not at, naming the difference; --force records anyway', async () => {
    await adoptable(init)
    const refused = await cli('stamp', 'AddViews')
    expect(refused.code).toBe(1)
    // Not "changed outside the migrations", as check --drift words it: what the migrations up to the target do not make.
    expect(afterDatabaseLine(refused.stdout)).toMatch(new RegExp(`^DRIFT: the live database lacks column "views" .* that the migrations up to ${addViews} create\n$`))
    expect(refused.stderr).toBe(`The database does not have the schema the migrations up to ${addViews} build, so it is not at ${addViews}: nothing was recorded. Apply or undo the differences above (\`downgrade --to ${addViews}\` reverts the migrations after it), or pass --force to record anyway.\n`)
    expect(await fixture.runner.recorded()).toEqual([])
    expect((await cli('stamp', 'AddViews', '--force')).code).toBe(0)
    expect(await fixture.runner.recorded()).toEqual([init, addViews])
    await adoptable(backfill) // the next tests start from a database at the newest migration
    expect((await cli('stamp', backfill)).code).toBe(0)
  })

  it('stamp --delete removes one record, running nothing; upgrade then runs that migration again', async () => {
    await fixture.db.query('INSERT INTO note (views) VALUES (1)')
    const run = await cli('stamp', '--delete', 'Backfill')
    expect(run.code).toBe(0)
    expect(afterDatabaseLine(run.stdout)).toBe(`Removed the record of ${backfill}: its changes stay in the database, and upgrade runs it again.\n`)
    expect(await fixture.runner.recorded()).toEqual([init, addViews, dropText])
    expect(await fixture.db.query('SELECT views FROM note')).toEqual([{ views: 1 }])
    const again = await cli('stamp', '--delete', 'Backfill')
    expect(again.stderr).toBe(`typeorm-autogen: ${backfill} is not recorded as applied: stamp --delete removes the record of an applied migration (see \`typeorm-autogen status\`)\n`)
    expect(again.code).toBe(2)
    expect(withoutRunTimes(afterDatabaseLine((await cli('upgrade')).stdout))).toBe(`Applied ${backfill}\n`)
    expect(await fixture.db.query('SELECT views FROM note')).toEqual([{ views: 7 }])
  })

  it('stamp --delete of a migration the project does not have says that upgrade cannot run it again', async () => {
    await fixture.db.query(`INSERT INTO migrations (timestamp, name) VALUES (1700000009999, 'Ghost1700000009999')`)
    const run = await cli('stamp', '--delete', 'Ghost1700000009999')
    expect(run.code).toBe(0)
    expect(afterDatabaseLine(run.stdout)).toBe('Removed the record of Ghost1700000009999: its changes stay in the database, ' +
      'and no migration of the project holds it, so upgrade cannot run it again (its file is on another branch?).\n')
    expect(await fixture.runner.recorded()).not.toContain('Ghost1700000009999')
  })

  it('refuses a name not in the folder, and --force with --delete, changing nothing', async () => {
    for (const [args, message] of [
      [['stamp', 'Nope'], `no migration matches "Nope": name one of ${names.join(', ')} (its name, its timestamp, or a unique prefix of either)`],
      [['stamp', '--delete', 'Nope'], `no migration matches "Nope": name one of ${names.join(', ')} (its name, its timestamp, or a unique prefix of either)`],
      [['stamp', 'Init', '--delete', '--force'], '--force and --delete cannot be given together: pass one of them (see --help)'],
    ] as const) {
      const run = await cli(...args)
      expect(run.stderr).toBe(`typeorm-autogen: ${message}\n`)
      expect(run.code).toBe(2)
      expect(await fixture.runner.recorded()).toEqual([...names])
    }
  })

  it('stamp NAME of an applied migration stamps back, as Alembic does: the records after it go, once the database is at NAME', async () => {
    expect((await cli('downgrade', '--to', 'AddViews')).code).toBe(0)
    expect((await cli('stamp', backfill, '--force')).code).toBe(0) // recorded at the newest, while the schema is AddViews'
    const dryRun = await cli('stamp', 'AddViews', '--dry-run')
    expect(afterDatabaseLine(dryRun.stdout)).toBe(`Would unstamp ${backfill} (dry run: nothing removed)\nWould unstamp ${dropText} (dry run: nothing removed)\n`)
    expect(await fixture.runner.recorded()).toEqual([...names])
    const run = await cli('stamp', 'AddViews')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(afterDatabaseLine(run.stdout)).toBe(`Unstamped ${backfill} (record removed, not reverted)\nUnstamped ${dropText} (record removed, not reverted)\n`)
    expect(await fixture.runner.recorded()).toEqual([init, addViews])
    expect(withoutRunTimes(afterDatabaseLine((await cli('upgrade')).stdout))).toBe(`Applied ${dropText}\nApplied ${backfill}\n2 migrations applied\n`)
    const refused = await cli('stamp', 'AddViews')
    expect(refused.code).toBe(1)
    expect(afterDatabaseLine(refused.stdout)).toMatch(/"text"/)
    expect(refused.stderr).toBe(`The database does not have the schema the migrations up to ${addViews} build, so it is not at ${addViews}: no record was removed. ` +
      `Apply or undo the differences above (\`downgrade --to ${addViews}\` reverts the migrations after it), or pass --force to remove the records anyway.\n`)
    expect(await fixture.runner.recorded()).toEqual([...names])
  })

  it('stamp base removes every record, newest first, once the database has none of the schema: refused while it has; --dry-run, --force', async () => {
    const lines = (verb: (name: string) => string) => [...names].reverse().map((name) => `${verb(name)}\n`).join('')
    const refused = await cli('stamp', 'base')
    expect(refused.code).toBe(1)
    expect(afterDatabaseLine(refused.stdout)).toMatch(/^DRIFT: the live database has table "(public"\.")?note" \(\d columns\), which base, where no migration has run, lacks\n/)
    expect(refused.stderr).toBe('The database is not at base, where no migration has run: it has the schema above, so no record was removed. ' +
      'Drop it first (`downgrade base` reverts the migrations and removes their records), or pass --force to remove the records anyway.\n')
    expect(await fixture.runner.recorded()).toEqual([...names])
    await fixture.db.query('DROP TABLE note')
    const dryRun = await cli('stamp', 'base', '--dry-run')
    expect(afterDatabaseLine(dryRun.stdout)).toBe(lines((name) => `Would unstamp ${name} (dry run: nothing removed)`))
    expect(await fixture.runner.recorded()).toEqual([...names])
    const run = await cli('stamp', 'base')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(afterDatabaseLine(run.stdout)).toBe(lines((name) => `Unstamped ${name} (record removed, not reverted)`))
    expect(await fixture.runner.recorded()).toEqual([])
    expect(afterDatabaseLine((await cli('stamp', 'base')).stdout)).toBe('Nothing to stamp: no migration is recorded as applied.\n')
    expect((await cli('upgrade')).code).toBe(0)
    expect(await fixture.runner.noteColumns()).toEqual(['id', 'views'])
    const forced = await cli('stamp', 'base', '--force')
    expect(forced.code).toBe(0)
    expect(await fixture.runner.recorded()).toEqual([])
  })

  it('stamp NAME of an applied migration also records the pending ones before it, as a merge of two branches leaves them', async () => {
    expect((await cli('stamp', 'head', '--force')).code).toBe(0)
    expect((await cli('stamp', '--delete', 'AddViews')).code).toBe(0) // pending, behind the newer applied ones, its column there
    const head = await cli('stamp', 'head')
    expect(head.stderr).toBe('')
    expect(head.code).toBe(0)
    expect(afterDatabaseLine(head.stdout)).toBe(`Stamped ${addViews} (recorded as applied, not run)\n`)
    expect((await fixture.runner.recorded()).sort()).toEqual([...names].sort())

    expect((await cli('stamp', '--delete', 'AddViews')).code).toBe(0)
    const back = await cli('stamp', 'DropText') // AddViews recorded, Backfill's record removed: the database is at DropText
    expect(back.stderr).toBe('')
    expect(afterDatabaseLine(back.stdout)).toBe(`Stamped ${addViews} (recorded as applied, not run)\nUnstamped ${backfill} (record removed, not reverted)\n`)
    expect((await fixture.runner.recorded()).sort()).toEqual([init, addViews, dropText].sort())
    expect(afterDatabaseLine((await cli('stamp', 'DropText')).stdout)).toBe(`Nothing to stamp: ${dropText} is already applied, and no migration after it is.\n`)
  })
})
