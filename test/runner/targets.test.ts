import { afterDatabaseLine, withoutRunTimes } from '../support/run-cli'
import { allDialects } from '../support/test-database'
import { names, runnerFixture } from './runner-project'

// upgrade --to/--steps and downgrade --to/--steps/--all on real databases, through the built CLI: targets by
// name, timestamp and prefix, and every refusal exits 2 with one line and leaves the database as it was.

const [init, addViews, dropText, backfill] = names

describe.each(allDialects('targets'))('on %s', (_label, createDatabase) => {
  const fixture = runnerFixture(createDatabase)
  const cli = (...args: string[]) => fixture.runner.cli(...args)
  const views = async () => (await fixture.db.query<{ views: number | string }>('SELECT views FROM note')).map((r) => Number(r.views))

  /** refused runs a command that must exit 2 with `message` as its one line, changing no record. */
  const refused = async (args: string[], message: string) => {
    const before = await fixture.runner.recorded()
    const run = await cli(...args)
    expect(run.stderr).toBe(`typeorm-autogen: ${message}\n`)
    expect(run.code).toBe(2)
    expect(await fixture.runner.recorded()).toEqual(before)
  }


  it('upgrades to a prefix of a name, leaving the later migrations pending', async () => {
    const run = await cli('upgrade', '--to', 'AddV')
    expect(run.code).toBe(0)
    expect(withoutRunTimes(afterDatabaseLine(run.stdout))).toBe(`Applied ${init}\nApplied ${addViews}\n2 migrations applied\n`)
    expect(await fixture.runner.recorded()).toEqual([init, addViews])
    expect(await fixture.runner.noteColumns()).toEqual(['id', 'text', 'views'])
    await fixture.db.query("INSERT INTO note (text, views) VALUES ('kept', 1)")
  })

  it('refuses an applied target, an ambiguous or unknown one, too many steps and conflicting options', async () => {
    await refused(['upgrade', '--to', 'Init'], `${init} is already applied: upgrade --to takes a pending migration; to go back to it, run \`typeorm-autogen downgrade --to ${init}\``)
    await refused(['upgrade', '--to', '17000000'], `"17000000" matches 4 migrations (${names.join(', ')}): give more of the name or the whole timestamp`)
    await refused(['upgrade', '--to', 'Nope'], `no migration matches "Nope": name one of ${names.join(', ')} (its name, its timestamp, or a unique prefix of either)`)
    await refused(['upgrade', '--steps', '3'], 'upgrade --steps 3 asks for more than the 2 pending migrations: pass --steps 2 or leave --steps out to apply them all')
    await refused(['upgrade', '--steps', '0'], '--steps 0 is not a count of migrations: pass a whole number of at least 1')
    await refused(['upgrade', '--steps', '-1'], '--steps -1 is not a count of migrations: pass a whole number of at least 1')
    await refused(['upgrade', '--to', 'DropText', '--steps', '1'], '--to and --steps cannot be given together: pass one of them (see --help)')
    await refused(['downgrade', '--to', 'Backfill'], `${backfill} is not applied: downgrade --to takes an applied migration, which stays applied; to revert everything, pass --all`)
    await refused(['downgrade', '--steps', '3'], 'downgrade --steps 3 asks for more than the 2 applied migrations: pass --steps 2, or --all')
    await refused(['downgrade', '--all', '--steps', '1'], '--steps and --all cannot be given together: pass one of them (see --help)')
    await refused(['downgrade', '--to', 'Init', '--all'], '--to and --all cannot be given together: pass one of them (see --help)')
  })

  it('upgrades by steps, then through the migration written by hand', async () => {
    const step = await cli('upgrade', '--steps', '1')
    expect(withoutRunTimes(afterDatabaseLine(step.stdout))).toBe(`Applied ${dropText}\n`)
    expect(await fixture.runner.noteColumns()).toEqual(['id', 'views'])
    const rest = await cli('upgrade')
    expect(withoutRunTimes(afterDatabaseLine(rest.stdout))).toBe(`Applied ${backfill}\n`)
    expect(await views()).toEqual([7])
    expect(await fixture.runner.recorded()).toEqual([...names])
  })

  it('downgrades to the last applied migration as a no-op, then by steps through the hand-written one', async () => {
    const none = await cli('downgrade', '--to', backfill)
    expect(afterDatabaseLine(none.stdout)).toBe('Nothing to revert: it is the last applied migration.\n')
    const one = await cli('downgrade', '--steps', '1')
    expect(withoutRunTimes(afterDatabaseLine(one.stdout))).toBe(`Reverted ${backfill}\n`)
    expect(await views()).toEqual([0])
  })

  it('downgrades to a timestamp, which stays applied, keeping the SQLite rows of the rebuilt table', async () => {
    const run = await cli('downgrade', '--to', '1700000000000')
    expect(run.code).toBe(0)
    expect(withoutRunTimes(afterDatabaseLine(run.stdout))).toBe(`Reverted ${dropText}\nReverted ${addViews}\n2 migrations reverted\n`)
    expect(await fixture.runner.recorded()).toEqual([init])
    expect(await fixture.runner.noteColumns()).toEqual(['id', 'text'])
    expect(await fixture.db.query('SELECT count(*) AS n FROM note')).toEqual([{ n: fixture.db.label === 'sqlite' ? 1 : '1' }])
  })

  it('downgrades everything with --all, and then has nothing to revert', async () => {
    const run = await cli('downgrade', '--all')
    expect(withoutRunTimes(afterDatabaseLine(run.stdout))).toBe(`Reverted ${init}\n`)
    expect(await fixture.runner.recorded()).toEqual([])
    const again = await cli('downgrade', '--all')
    expect(afterDatabaseLine(again.stdout)).toBe('Nothing to revert: no migration is applied.\n')
    await refused(['downgrade', '--to', 'Init'], `${init} is not applied: downgrade --to takes an applied migration, which stays applied; to revert everything, pass --all`)
  })
})
