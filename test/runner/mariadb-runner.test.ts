import { afterDatabaseLine, withoutRunTimes } from '../support/run-cli'
import { createMariaDbDatabase } from '../support/test-database'
import { names, runnerFixture } from './runner-project'

// The runner on MariaDB with the hand-written migrations of runnerProject: status, current and history,
// stamp --force and --delete. (Targets, --sql scripts, the runner lock, backups, timeouts and failures are
// tested on MariaDB among the other dialects; stamp without --force and history's summaries need the MySQL
// introspector and compiler.)

const [init, addViews, dropText, backfill] = names

describe('on mariadb', () => {
  const fixture = runnerFixture(() => createMariaDbDatabase('runner'))
  const cli = (...args: string[]) => fixture.runner.cli(...args)

  it('status, current and history say where the database is', async () => {
    expect((await cli('current')).stdout).toBe('')
    expect((await cli('upgrade', '--to', 'AddViews')).code).toBe(0)
    const status = await cli('status')
    expect(afterDatabaseLine(status.stdout)).toBe(`[applied] ${init}\n[applied] ${addViews}\n[pending] ${dropText}\n[pending] ${backfill}\n`)
    expect(status.code).toBe(0)
    expect((await cli('current')).stdout).toBe(`${addViews}\n`)
    const history = await cli('history')
    expect(afterDatabaseLine(history.stdout).split('\n').filter((line) => line.startsWith('[')))
      .toEqual([`[applied] ${init}`, `[applied] ${addViews}`, `[pending] ${dropText}`, `[pending] ${backfill}`])
  })

  it('stamp --force records without running, and stamp --delete removes one record', async () => {
    await fixture.db.query('ALTER TABLE note DROP COLUMN text')
    await fixture.db.query('INSERT INTO note (views) VALUES (1)')
    const stamped = await cli('stamp', backfill, '--force')
    expect(stamped.code).toBe(0)
    expect(afterDatabaseLine(stamped.stdout)).toBe(`Stamped ${dropText} (recorded as applied, not run)\nStamped ${backfill} (recorded as applied, not run)\n`)
    expect(await fixture.runner.recorded()).toEqual([...names])
    expect(await fixture.db.query('SELECT views FROM note')).toEqual([{ views: 1 }])
    const deleted = await cli('stamp', '--delete', 'Backfill')
    expect(afterDatabaseLine(deleted.stdout)).toBe(`Removed the record of ${backfill}: its changes stay in the database, and upgrade runs it again.\n`)
    expect(await fixture.runner.recorded()).toEqual([init, addViews, dropText])
    expect(withoutRunTimes(afterDatabaseLine((await cli('upgrade')).stdout))).toBe(`Applied ${backfill}\n`)
    expect(await fixture.db.query('SELECT views FROM note')).toEqual([{ views: 7 }])
  })
})
