import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { expectCleanCycle, migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

@Entity('run')
class RunTagArray {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'varchar', array: true, nullable: true }) tags: string[] | null
  @Column({ type: 'integer', array: true, nullable: true }) sizes: number[] | null
}

@Entity('run')
class RunTagJson {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'jsonb', nullable: true }) tags: string[] | null
  @Column({ type: 'json', nullable: true }) sizes: number[] | null
}

const rows = 'SELECT id, tags, sizes FROM run ORDER BY id'

describe('postgres: an array column becoming json or jsonb (a String array made simple-json / jsonb), and back', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('arrjson')
    await migrateTo(db, [RunTagArray], 'Init')
  })
  afterEach(async () => db?.drop())

  it('makes each array its JSON array, which cannot fail, and down gives back the same arrays', async () => {
    await db.query(`INSERT INTO run (id, tags, sizes) VALUES
      (1, '{t1,t2}', '{1,2,3}'), (2, '{solo}', '{7}'), (3, '{}', '{}'), (4, '{"a b","x]y","q\\"z",NULL,"NULL"}', NULL), (5, NULL, NULL)`)
    // Before, an element was parsed as JSON (`("tags")[1]::jsonb`) and other arrays as their text form (`{t1,t2}`), which fails.
    const { hazards } = await compareProject(projectFor(db, [RunTagJson]))
    expect(hazards.filter((h) => h.code.startsWith('TYPE_')).map((h) => h.code)).toEqual(['TYPE_CHANGE_REWRITE', 'TYPE_CHANGE_REWRITE'])
    const { rowsAfter, source } = await expectCleanCycle(db, [RunTagArray], [RunTagJson], 'TagsJson', rows)
    expect(source).toContain('ALTER COLUMN "tags" TYPE jsonb USING to_jsonb("tags")')
    // A JSON array reads back as the JavaScript array the varchar[] did; expectCleanCycle checked down's rows.
    expect(rowsAfter[0]).toEqual({ id: 1, tags: ['t1', 't2'], sizes: [1, 2, 3] })
  })

  it('gives back in down the elements with a backslash before a letter (a Windows path), which JSON writes as \\\\', async () => {
    await db.query(`INSERT INTO run (id, tags, sizes) VALUES (1, ARRAY['C:\\temp', 'a\\\\b', 'q"z\\'], '{1}')`)
    // Before, down took `\\t` in the JSON text for an escape an array literal reads otherwise, and failed.
    await expectCleanCycle(db, [RunTagArray], [RunTagJson], 'TagsJson', rows)
  })

  it('holds JSON arrays once up has run', async () => {
    await db.query(`INSERT INTO run (id, tags, sizes) VALUES (1, '{t1,t2}', '{1,2}')`)
    await generateMigration(projectFor(db, [RunTagJson]), 'TagsJson', 1_800_000_000_000)
    await upgrade(projectFor(db, [RunTagJson]))
    expect(await db.query(`SELECT jsonb_typeof(tags) AS tags, json_typeof(sizes) AS sizes FROM run`)).toEqual([{ tags: 'array', sizes: 'array' }])
    expect(await db.query(rows)).toEqual([{ id: 1, tags: ['t1', 't2'], sizes: [1, 2] }])
  })
})

describe('postgres: a json or jsonb column becoming an array', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('jsonarr')
    await migrateTo(db, [RunTagJson], 'Init')
  })
  afterEach(async () => db?.drop())

  it('makes a JSON array the array of its elements, and any other value its one element', async () => {
    await db.query(`INSERT INTO run (id, tags, sizes) VALUES (1, '["t1", "t2"]', '[1, 2]'), (2, '[]', '[]'), (3, '"solo"', '5'), (4, NULL, NULL)`)
    await generateMigration(projectFor(db, [RunTagArray]), 'TagsArray', 1_800_000_000_000)
    await upgrade(projectFor(db, [RunTagArray]))
    expect(await db.query(rows)).toEqual([
      { id: 1, tags: ['t1', 't2'], sizes: [1, 2] },
      { id: 2, tags: [], sizes: [] },
      { id: 3, tags: ['"solo"'], sizes: [5] },
      { id: 4, tags: null, sizes: null },
    ])
  })

  it('fails rather than change an element it cannot read back (an escape, a nested array or object)', async () => {
    await db.query(`INSERT INTO run (id, tags) VALUES (1, '["line\\nbreak"]')`)
    const { hazards } = await compareProject(projectFor(db, [RunTagArray]))
    expect(hazards.filter((h) => h.code.startsWith('TYPE_')).map((h) => h.code)).toEqual(['TYPE_CAST_MAY_FAIL', 'TYPE_CAST_MAY_FAIL'])
    await generateMigration(projectFor(db, [RunTagArray]), 'TagsArray', 1_800_000_000_000)
    await expect(upgrade(projectFor(db, [RunTagArray]))).rejects.toThrow(/malformed array literal/)
    expect(await db.query('SELECT tags FROM run')).toEqual([{ tags: ['line\nbreak'] }])
  })

  it('counts the values that would fail: a JSON array not flat or with an element the type does not take, a value that is no element', async () => {
    // tags (jsonb to varchar[]): 3 and 4 fail. sizes (json to integer[]): 2, 3 and 5 fail.
    await db.query(`INSERT INTO run (id, tags, sizes) VALUES (1, '["t1", null, "C:\\\\temp"]', '[1, 2, null]'), (2, '[]', '[1.5]'),
      (3, '[["t"]]', '"7"'), (4, '["line\\nbreak"]', '7'), (5, '"solo"', '[[1]]'), (6, NULL, '[]')`)
    const counts = (await compareProject(projectFor(db, [RunTagArray]))).hazards
      .filter((h) => h.code === 'TYPE_CAST_MAY_FAIL').map((h) => h.measurement?.text)
    // Before, each JSON array was tested as one integer (5 values counted), and the varchar[] had no count.
    expect(counts).toEqual(['3 values do not look like integer[]', '2 values do not look like varchar[]'])
  })

  // Before, `[[1, 2]]` became the varchar[] {"[1","2]"}, and `[[]]` the one text `[]`.
  it.each(['[[1, 2]]', '[[]]', '[{"a": 1}]'])('fails rather than read the brackets of a nested %s as characters of elements', async (nested) => {
    await db.query(`INSERT INTO run (id, tags) VALUES (1, '${nested}')`)
    await generateMigration(projectFor(db, [RunTagArray]), 'TagsArray', 1_800_000_000_000)
    await expect(upgrade(projectFor(db, [RunTagArray]))).rejects.toThrow(/malformed array literal/)
    expect(await db.query('SELECT tags::text FROM run')).toEqual([{ tags: nested }])
  })
})
