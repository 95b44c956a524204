import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// A column's collation changed under a unique key: values the new collation holds equal ('a' and 'A' under a
// case-insensitive one) make the migration fail, so they are counted, as the database compares them.

interface Collations {
  readonly before: string
  readonly after: string
}

function entities(collation: string) {
  @Entity('member')
  class Member {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'varchar', length: 20, unique: true, collation }) handle: string
    @Column({ type: 'varchar', length: 20, collation }) note: string
  }
  return [Member]
}

const cases: [string, () => Promise<TestDatabase>, Collations, string[]][] = [
  ['sqlite', createSqliteDatabase, { before: 'BINARY', after: 'NOCASE' }, []],
  ['mariadb', () => createMariaDbDatabase('collation'), { before: 'utf8mb4_bin', after: 'utf8mb4_unicode_ci' }, []],
  ['postgres', () => createPostgresDatabase('collation'), { before: 'C', after: 'case_blind' }, [
    // A case-insensitive collation is ICU's, and not deterministic; PostgreSQL's own ones tell every two strings apart.
    "CREATE COLLATION case_blind (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
  ]],
]

describe.each(cases)('COLLATION_CHANGE on %s', (label, create, collations, setup) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await create()
    for (const sql of setup) await db.query(sql)
    await migrateTo(db, entities(collations.before), 'Init')
    await db.query("INSERT INTO member (handle, note) VALUES ('ann', 'x'), ('Ann', 'X'), ('bob', 'x'), ('BOB', 'y'), ('cy', 'z')")
  })
  afterAll(async () => db?.drop())

  it('counts the values of the unique key the new collation holds equal, and says nothing of a column no unique key holds', async () => {
    const { hazards } = await compareProject(projectFor(db, entities(collations.after)))
    const found = hazards.filter((h) => h.code === 'COLLATION_CHANGE')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain(`Changes the collation of ${label === 'postgres' ? '"public".' : ''}"member"."handle" to "${collations.after}", which may hold values of its unique key ("handle") equal`)
    expect(found[0]!.severity).toBe('warning')
    expect(found[0]!.measurement?.text).toBe('2 duplicate values of ("handle")')
  })
})

// An entity naming the collation its table has by default (utf8mb4_general_ci, as projects write it) is read
// as taking the default: the values are compared under the table's collation all the same.
describe('COLLATION_CHANGE on mariadb to the table\'s own collation', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('collation_default')
    await migrateTo(db, entities('utf8mb4_bin'), 'Init')
    await db.query('ALTER TABLE member DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci')
    await db.query("INSERT INTO member (handle, note) VALUES ('ann', 'x'), ('Ann', 'X'), ('cy', 'z')")
  })
  afterAll(async () => db?.drop())

  it('counts the values the table\'s collation holds equal', async () => {
    const { hazards } = await compareProject(projectFor(db, entities('utf8mb4_general_ci')))
    const found = hazards.filter((h) => h.code === 'COLLATION_CHANGE')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('Changes the collation of "member"."handle" to the table\'s "utf8mb4_general_ci", which may hold values of its unique key ("handle") equal')
    expect(found[0]!.measurement?.text).toBe('1 duplicate value of ("handle")')
  })
})
