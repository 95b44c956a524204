import { noteHistory, scratchDatabases } from '../support/scratch-project'

// A down that converts varchar back to json: before PostgreSQL 16 (no pg_input_is_valid) no value can be tested
// for it, but a column with no value cannot fail, and downgrade says so by saying nothing of it.

const asJson = "@Column({ type: 'json', nullable: true }) link: unknown"
const asText = "@Column({ type: 'varchar', nullable: true }) link: string | null"

describe('postgres: downgrade of a cast it cannot test for the values', () => {
  const history = noteHistory(scratchDatabases('downgrade_untestable_cast').find(([label]) => label === 'postgres')![1], [asJson, asText], ['AsText'])

  it('warns of nothing where the column holds no value', async () => {
    await history.db.query("INSERT INTO note (text, link) VALUES ('a', NULL)")
    const run = await history.cli('downgrade', '--dry-run')
    expect(run.stderr).not.toContain(' down: ')
    expect(run.stderr).not.toContain('Counted on this database now')
    expect(run.code).toBe(0)
  })

  it('warns where a value stands in the way', async () => {
    await history.db.query("INSERT INTO note (text, link) VALUES ('b', 'not json')")
    const run = await history.cli('downgrade', '--dry-run')
    expect(run.stderr).toMatch(/warning: AsText1700000001000 down: TYPE_CAST_MAY_FAIL \(danger\): Changes "public"\."note"\."link" from varchar to json/)
    expect(run.code).not.toBe(0)
  })
})
