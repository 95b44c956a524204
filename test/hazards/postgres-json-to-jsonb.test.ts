import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import type { Hazard } from '../../src/hazards/hazard'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// json keeps its text as written, jsonb refuses a \u0000 escape ("unsupported Unicode escape sequence"): a
// json column made jsonb (Grist's nativeValues.jsonEntityType beside jsonbEntityType) is not a conversion
// that keeps every value, and the rows it would fail on are counted. jsonb to json always converts.

@Entity('doc')
class DocJson {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'json', nullable: true }) options: unknown
}

@Entity('doc')
class DocJsonb {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'jsonb', nullable: true }) options: unknown
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('json_to_jsonb')
  await migrateTo(db, [DocJson], 'Init')
  // The second holds a \u0000 escape, the third an escaped backslash before u0000, which jsonb takes.
  await db.query(String.raw`INSERT INTO doc (options) VALUES ('{"a":1}'), ('{"a":"x\u0000y"}'), ('{"a":"\\u0000"}'), (NULL)`)
})
afterAll(async () => db?.drop())

const typeHazards = async (entity: Function): Promise<Hazard[]> =>
  (await compareProject(projectFor(db, [entity]))).hazards.filter((h) => h.code.startsWith('TYPE_'))

it('json to jsonb may fail, and counts the values holding a \\u0000 escape', async () => {
  const [cast, ...rest] = await typeHazards(DocJsonb)
  expect(rest).toEqual([])
  expect([cast?.code, cast?.severity, cast?.measurement?.text]).toEqual(['TYPE_CAST_MAY_FAIL', 'danger', '1 value does not look like jsonb'])
  await expect(db.query(`SELECT options::jsonb FROM doc WHERE id = 2`)).rejects.toThrow('unsupported Unicode escape sequence')
  expect(await db.query(`SELECT options::jsonb::text AS value FROM doc WHERE id = 3`)).toEqual([{ value: String.raw`{"a": "\\u0000"}` }])
})

it('jsonb to json rewrites the table and always converts', async () => {
  const other = await createPostgresDatabase('jsonb_to_json')
  try {
    await migrateTo(other, [DocJsonb], 'Init')
    const hazards = (await compareProject(projectFor(other, [DocJson]))).hazards.filter((h) => h.code.startsWith('TYPE_'))
    expect(hazards.map((h) => h.code)).toEqual(['TYPE_CHANGE_REWRITE'])
  } finally {
    await other.drop()
  }
})
