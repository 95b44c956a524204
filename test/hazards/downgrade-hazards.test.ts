import { noteHistory, scratchDatabases } from '../support/scratch-project'

// downgrade (and its dry run) counts the hazards of the down it is about to run on the database as it is then:
// the rows written after up (a NULL, a repeated value, a longer string) are what a down fails on or loses.

const strict = "@Column({ type: 'varchar', length: 20, unique: true }) label: string"
const loose = "@Column({ type: 'varchar', length: 200, nullable: true }) label: string | null"

const databases = scratchDatabases('downgrade_hazards')

describe.each(databases)('%s: downgrade counts the hazards of down before it runs it', (label, create) => {
  const history = noteHistory(create, [strict, loose], ['Loosen'],
    `INSERT INTO note (text, label) VALUES ('a', NULL), ('b', 'twice'), ('c', 'twice'), ('d', '${'x'.repeat(50)}')`)

  it('warns of each, with what stands in its way on this database, before down runs', async () => {
    if (label === 'mariadb') {
      // Its dry run is refused (no transaction holds schema changes there) before the warnings of a run it will not make.
      const refused = await history.cli('downgrade', '--dry-run')
      expect(refused.code).toBe(2)
      expect(refused.stderr).not.toContain(' down: ')
    }
    const run = label === 'mariadb' ? await history.cli('downgrade') : await history.cli('downgrade', '--dry-run')
    const warned = run.stderr.split('\n').filter((line) => line.startsWith('warning: Loosen1700000001000 down: '))
    expect(warned).toEqual(expect.arrayContaining([
      expect.stringMatching(/^warning: Loosen1700000001000 down: SET_NOT_NULL \(warning\): Makes ("public"\.)?"note"\."label" NOT NULL, which fails while a row holds NULL there \(1 row has NULL in "label"\)/),
      expect.stringMatching(/^warning: Loosen1700000001000 down: ADD_UNIQUE \(warning\): .*\(1 duplicate value of \("label"\)\)/),
    ]))
    // SQLite enforces no length: narrowing it back is no hazard there.
    expect(warned.some((line) => /TYPE_NARROWING \(danger\): .*\(1 row is longer than 20 characters\)/.test(line))).toBe(label !== 'sqlite')
    expect(warned).toHaveLength(label === 'sqlite' ? 2 : 3)
    expect(run.stderr).toContain('Counted on this database now: down fails on these rows')
    // The down fails on them, changing nothing.
    expect(run.code).not.toBe(0)
    const [{ n }] = await history.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM note')
    expect(Number(n)).toBe(4)
  })

  it('show and history --verbose give the file\'s Down hazards section, without the record downgrade reads', async () => {
    for (const run of [await history.cli('show', 'Loosen1700000001000'), await history.cli('history', '--verbose')]) {
      expect(run.stdout).toContain('Down hazards (')
      expect(run.stdout).not.toContain('typeorm-autogen down hazards:')
    }
  })

  it('says nothing once no row stands in the way, and reverts', async () => {
    await history.db.query("DELETE FROM note WHERE label IS NULL OR text = 'c' OR text = 'd'")
    const run = await history.cli('downgrade')
    expect(run.stderr).not.toContain(' down: ')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Reverted Loosen1700000001000')
  })
})
