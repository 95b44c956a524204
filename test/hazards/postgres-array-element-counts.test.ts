import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// Subsquid's [String!] fields are text[] and its enums varchar: made [Int!] or a native enum, every element
// must convert. TYPE_CAST_MAY_FAIL counted a text column's values, never an array's (found on OriginProtocol/origin-squid).

@Entity('delegation')
class DelegationBefore {
  @PrimaryColumn('varchar') id: string
  @Column({ type: 'text', array: true, nullable: true }) epochs: string[] | null
  @Column({ type: 'varchar', length: 9, array: true }) votes: string[]
}

@Entity('delegation')
class DelegationAfter {
  @PrimaryColumn('varchar') id: string
  @Column({ type: 'integer', array: true, nullable: true }) epochs: number[] | null
  @Column({ type: 'enum', enum: ['For', 'Against'], enumName: 'vote_type', array: true }) votes: string[]
}

describe('postgres: an array made an array of another type counts the arrays holding an element that will not convert', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('arraycast')
    await migrateTo(db, [DelegationBefore], 'Init')
    await db.query(`INSERT INTO delegation (id, epochs, votes) VALUES
      ('a', '{1,2,3}', '{For}'), ('b', '{1,x}', '{For,Abstain}'), ('c', '{NULL," 7 "}', '{}'), ('d', NULL, '{Against,NULL}'), ('e', '{}', '{Veto}')`)
  })
  afterAll(async () => {
    await db.drop()
  })

  it('counts them, and the migration fails on them, leaving the rows as they were', async () => {
    const { hazards } = await compareProject(projectFor(db, [DelegationAfter]))
    expect(hazards.filter((h) => h.code === 'TYPE_CAST_MAY_FAIL').map((h) => h.measurement?.text)).toEqual([
      '1 value does not look like integer[]',
      '2 values do not look like enum "vote_type"[]',
    ])
    const rows = await db.query('SELECT id, epochs, votes::text FROM delegation ORDER BY id')
    await generateMigration(projectFor(db, [DelegationAfter]), 'Retype', 1_800_000_000_000)
    await expect(upgrade(projectFor(db, [DelegationAfter]))).rejects.toThrow(/invalid input (syntax for type integer: "x"|value for enum vote_type)/)
    expect(await db.query('SELECT id, epochs, votes::text FROM delegation ORDER BY id')).toEqual(rows)
  })
})

@Entity('label')
class LabelBefore {
  @PrimaryColumn('varchar') id: string
  @Column({ type: 'varchar', length: 32, array: true }) tags: string[]
  @Column({ type: 'integer', array: true }) decimals: number[]
  @Column({ type: 'numeric', array: true }) amounts: string[]
}

@Entity('label')
class LabelAfter {
  @PrimaryColumn('varchar') id: string
  @Column({ type: 'varchar', length: 5, array: true }) tags: string[]
  @Column({ type: 'smallint', array: true }) decimals: number[]
  @Column({ type: 'integer', array: true }) amounts: number[]
}

// The length or range of an array type is its elements': `{ab,cd,ef}` fits varchar(5)[] though its text is
// longer, and an integer array's range was compared with the array itself, which PostgreSQL refuses (NOT_COUNTED);
// a numeric array made integer[] with an element beyond integer's range failed the cast that counts, and every count with it.
describe('postgres: an array made one of shorter varchars or smaller integers counts the arrays holding an element that does not fit', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('arraylen')
    await migrateTo(db, [LabelBefore], 'Init')
    await db.query(`INSERT INTO label (id, tags, decimals, amounts) VALUES
      ('a', '{ab,cd,ef,gh,ij,kl}', '{18,6,8}', '{1,2}'), ('b', '{}', '{}', '{}'), ('c', '{treasury,ok}', '{100000}', '{10000000000}'),
      ('d', '{NULL,abcde}', '{NULL,-32768}', '{NULL,3}')`)
  })
  afterAll(async () => {
    await db.drop()
  })

  it('counts them alone, and the migration runs where every element fits', async () => {
    const { hazards, warnings } = await compareProject(projectFor(db, [LabelAfter]))
    expect(warnings).toEqual([])
    expect(hazards.filter((h) => h.code === 'TYPE_NARROWING').map((h) => h.measurement?.text)).toEqual([
      '1 value changes as integer[]', '1 row holds an element outside -32768..32767', '1 row holds an element longer than 5 characters',
    ])
    await db.query(`DELETE FROM label WHERE id = 'c'`)
    const { hazards: fitting } = await compareProject(projectFor(db, [LabelAfter]))
    expect(fitting.filter((h) => h.code === 'TYPE_NARROWING').map((h) => h.measurement?.text)).toEqual([
      'no value changes as integer[]', 'no element lies outside -32768..32767', 'no element is longer than 5 characters',
    ])
    await generateMigration(projectFor(db, [LabelAfter]), 'Shorter', 1_800_000_000_000)
    await upgrade(projectFor(db, [LabelAfter]))
    expect(await db.query('SELECT id, tags, decimals, amounts FROM label ORDER BY id')).toEqual([
      { id: 'a', tags: ['ab', 'cd', 'ef', 'gh', 'ij', 'kl'], decimals: [18, 6, 8], amounts: [1, 2] },
      { id: 'b', tags: [], decimals: [], amounts: [] },
      { id: 'd', tags: [null, 'abcde'], decimals: [null, -32768], amounts: [null, 3] },
    ])
  })
})
