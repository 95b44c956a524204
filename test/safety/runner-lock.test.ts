import { type CliRun, runCliInProcess } from '../support/run-cli'
import { allDialects, type TestDatabase } from '../support/test-database'
import { type CliProcess, type LockProject, lockProject, quick, slow, startCli, until } from './concurrent-upgrade'

// Two upgrade processes started together on one database take turns on the migrations lock: each migration
// runs exactly once, and the second process waits, then finds nothing pending. One that cannot wait long
// enough exits 2 and runs nothing.

describe.each(allDialects('lock'))('on %s', (label, createDatabase) => {
  let db: TestDatabase
  let lock: LockProject
  beforeAll(async () => {
    db = await createDatabase()
    lock = await lockProject(db)
  })
  afterAll(async () => {
    lock?.project.remove()
    await db?.drop()
  })

  it('runs each migration once when two upgrades start together, the second waiting for the first', async () => {
    const first = startCli(lock.project.dir, ['upgrade'])
    await lock.slowStarted()

    const impatient = await runCliInProcess(lock.project.dir, ['upgrade', '--wait-for-lock', '0.2'])
    expect(impatient.stderr).toBe('typeorm-autogen: another upgrade, downgrade or stamp held the migrations lock for more than 0.2 s: run again when it has finished, or wait longer with --wait-for-lock SECONDS\n')
    expect(impatient.code).toBe(2)

    const second = startCli(lock.project.dir, ['upgrade'])
    // It says so as it starts to wait: released earlier, the first could finish before the second asked.
    await second.printed(/^Waiting for another upgrade, downgrade or stamp to finish\.\.\.$/m)
    if (label === 'postgres') {
      await until(async () => (await db.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).length > 0)
    }
    if (label === 'mariadb') {
      await until(async () => (await db.query("SELECT 1 FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT GET_LOCK%' AND STATE = 'User lock'")).length > 0)
    }
    lock.release()

    const [one, two] = await Promise.all([first.exited(), second.exited()])
    expect(one.stderr).toBe('')
    expect(one.stdout).toMatch(new RegExp(`\\nApplied ${slow} \\(\\d+\\.\\d s\\)\\nApplied ${quick} \\(\\d+\\.\\d s\\)\\n`))
    expect(one.code).toBe(0)
    expect(two.stderr).toBe('')
    expect(two.stdout).toMatch(/\nWaiting for another upgrade, downgrade or stamp to finish\.\.\.\nWaited \d+\.\d s for another upgrade, downgrade or stamp to finish\.\nUp to date: no pending migrations\.\n$/)
    expect(two.code).toBe(0)
    expect(await lock.runs()).toEqual([slow, quick])
    expect(await lock.recorded()).toEqual([slow, quick])
  })

  // stamp writes the migrations table too: one started while an upgrade runs a migration waits, then finds it
  // applied, instead of recording it a second time beside the upgrade's own record (or one the upgrade rolls back).
  it('makes a stamp wait for a running upgrade, then find nothing to stamp; one that cannot wait exits 2', async () => {
    expect((await runCliInProcess(lock.project.dir, ['downgrade', '--all'])).code).toBe(0)
    expect(await lock.recorded()).toEqual([])
    lock.hold()
    const upgrade = startCli(lock.project.dir, ['upgrade'])
    let stamp: CliProcess
    let impatient: CliRun
    try {
      await lock.slowStarted()
      stamp = startCli(lock.project.dir, ['stamp', 'Quick', '--force'])
      await Promise.race([stamp.printed(/^Waiting for another upgrade, downgrade or stamp to finish\.\.\.$/m), stamp.exited()])
      impatient = await runCliInProcess(lock.project.dir, ['stamp', 'Quick', '--force', '--wait-for-lock', '0.2'])
    } finally {
      lock.release()
    }
    const [upgraded, stamped] = await Promise.all([upgrade.exited(), stamp.exited()])
    expect(await lock.recorded()).toEqual([slow, quick])
    expect(await lock.runs()).toEqual([slow, quick])
    expect(upgraded.code).toBe(0)
    expect(stamped.stderr).toBe('')
    expect(stamped.stdout).toMatch(/\nWaiting for another upgrade, downgrade or stamp to finish\.\.\.\nWaited \d+\.\d s for another upgrade, downgrade or stamp to finish\.\nNothing to stamp: Quick1700000001000 is already applied, and no migration after it is\.\n$/)
    expect(stamped.code).toBe(0)
    expect(impatient.stderr).toBe('typeorm-autogen: another upgrade, downgrade or stamp held the migrations lock for more than 0.2 s: run again when it has finished, or wait longer with --wait-for-lock SECONDS\n')
    expect(impatient.code).toBe(2)
  })
})
