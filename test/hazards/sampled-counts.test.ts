import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// A probe reads at most 100,000 rows of a table (DEFAULT_ROW_LIMIT). On a bigger table whose duplicates lie
// past that sample, adding a unique constraint must not be reported as safe: the count "could not tell".

const item = (unique: boolean) => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('item')
export class Item {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', unique: ${unique} }) code: string
}
`
// 100,001 distinct codes, then one that repeats the first: the repeat is past the first 100,000 rows.
const fill: Record<string, string> = {
  sqlite: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100001) INSERT INTO item (code) SELECT 'c' || i FROM n",
  postgres: "INSERT INTO item (code) SELECT 'c' || i FROM generate_series(1, 100001) AS i",
  // MariaDB's Sequence engine: seq_1_to_N is a table of the numbers 1 to N.
  mariadb: "INSERT INTO item (code) SELECT CONCAT('c', seq) FROM seq_1_to_100001",
}

const setups: [string, () => Promise<TestDatabase>][] = [
  ['sqlite', createSqliteDatabase],
  ['postgres', () => createPostgresDatabase('sampled')],
  ['mariadb', () => createMariaDbDatabase('sampled')],
]

describe.each(setups)('a unique constraint on a table over the sample limit, on %s', (label, createDatabase) => {
  let db: TestDatabase
  let project: TempProject
  beforeAll(async () => {
    db = await createDatabase()
    project = tempProject({
      'item.ts': item(false),
      'ormconfig.ts': [
        "import { DataSource } from 'typeorm'",
        "import { Item } from './item'",
        `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Item], migrations: ['migrations/*.ts'] })`,
      ].join('\n'),
    })
    expect(await (await runCliInProcess(project.dir, ['generate', 'Init', '--timestamp', '1700000000000'])).code).toBe(0)
    expect(await (await runCliInProcess(project.dir, ['upgrade'])).code).toBe(0)
    await db.query(fill[label]!)
    await db.query("INSERT INTO item (code) VALUES ('c1')")
    project.write('item.ts', item(true))
  }, 120_000)
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })

  it('says it could not tell, not that no value repeats', async () => {
    const run = await runCliInProcess(project.dir, ['diff', '--format', 'json'])
    expect(run.code).toBe(0)
    const hazards = (JSON.parse(run.stdout) as { hazards: { message: string; measurement?: { complete: boolean; count: number } }[] }).hazards
    const unique = hazards.find((h) => h.message.includes('which fails while values repeat'))
    expect(unique?.measurement).toMatchObject({ complete: false, count: 0 })
    expect(unique?.message).toContain('(could not tell (only the first 100,000 rows were read; the table has more))')
    expect(unique?.message).not.toMatch(/no duplicate/)
  })
})
