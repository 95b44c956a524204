import { noteHistory, scratchDatabases } from '../support/scratch-project'

// A downgrade of several migrations whose older down stops at its start (a NOT NULL column up dropped, which down
// cannot bring back while the table has rows) is refused before it reverts the newer ones, which would drop their
// columns and then stop halfway.

const kept = "@Column() code: string"
const added = "@Column({ type: 'varchar', length: 20, nullable: true }) more: string | null"

const databases = scratchDatabases('stops_ahead')

describe.each(databases)('%s: downgrade refuses a run whose older down would stop halfway', (_, create) => {
  const history = noteHistory(create, [kept, '', added], ['DropCode', 'AddMore'], "INSERT INTO note (text, more) VALUES ('a', 'kept')")

  it('reverts nothing, and says which down would stop and why', async () => {
    const run = await history.cli('downgrade', '--all')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/nothing was reverted: once AddMore1700000002000 was reverted, migration DropCode1700000001000 failed in down: down cannot run: .*"code".*fix those rows first, or revert only the migrations after it \(`downgrade --to DropCode1700000001000`\)/)
    expect(await history.db.query('SELECT text, more FROM note')).toEqual([{ text: 'a', more: 'kept' }])
    expect((await history.cli('current')).stdout).toContain('AddMore1700000002000')
  })

  it('still reverts the migrations after it', async () => {
    const run = await history.cli('downgrade', '--to', 'DropCode1700000001000')
    expect(run.code).toBe(0)
    expect((await history.cli('current')).stdout).toContain('DropCode1700000001000')
  })
})
