import { expressionForms, formEntities, formsOn, type Dialect } from './expression-forms'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { EntitySchema } from 'typeorm'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// Expressions are written as the entities (or, for `down`, the database) spell them, never in the canonical
// form the diff compares. Every form is created from an empty database with TypeORM's runner, compared
// clean, dropped, and brought back by `down` from the database's own text, which must compare clean too.

// With no entity at all the tool refuses to drop every table; this one stays while the forms go.
const anchor = new EntitySchema({ name: 'forms_anchor', columns: { id: { type: Number, primary: true, generated: true } } })

const setups: [Dialect, () => Promise<TestDatabase>][] = [
  ['postgres', () => createPostgresDatabase('expression_forms')],
  ['sqlite', createSqliteDatabase],
  ['mariadb', () => createMariaDbDatabase('expression_forms')],
]
// MySQL has no partial indexes.
const places = (dialect: Dialect) => new Set(['default', 'check', ...(dialect === 'mariadb' ? [] : ['where']), 'computed'])
const createdDefault: Record<Dialect, string> = {
  postgres: `DEFAULT (now() at time zone 'utc')`,
  sqlite: `DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  mariadb: `DEFAULT (concat('a', 'b'))`,
}

it('lists at least 30 forms in every place on each dialect', () => {
  expect(expressionForms.length).toBeGreaterThanOrEqual(60)
  for (const dialect of ['postgres', 'sqlite', 'mariadb'] as const) {
    const forms = formsOn(dialect)
    expect(forms.length).toBeGreaterThanOrEqual(30)
    expect(new Set(forms.map((f) => f.place))).toEqual(places(dialect))
  }
})

describe.each(setups)('expression forms on %s', (dialect, setup) => {
  let db: TestDatabase
  const entities = [...formEntities(dialect), anchor]
  beforeAll(async () => {
    db = await setup()
  })
  afterAll(async () => db?.drop())

  it('creates every form from an empty database, and the next diff is empty', async () => {
    const { source } = await migrateTo(db, entities, 'Forms')
    expect(await pendingChanges(db, entities)).toEqual([])
    expect(source).toContain(createdDefault[dialect])
    await db.query(dialect === 'mariadb' ? 'INSERT INTO forms_defaults () VALUES ()' : 'INSERT INTO forms_defaults DEFAULT VALUES')
    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM forms_defaults')
    const valueOf = (label: string) => row![`d${formsOn(dialect).findIndex((f) => f.label === label)}`]
    expect(valueOf('doubled quote')).toBe("it's")
    expect(valueOf('unicode in a string')).toBe('naïve ✓')
    expect(valueOf('CASE WHEN')).toBe('pos')
    expect(Number(valueOf('nested parentheses'))).toBe(6)
    expect(valueOf('NULL')).toBeNull()
    await db.query(`INSERT INTO forms_host (qty, price, name) VALUES (3, 2, 'abc')`)
  })

  it('drops every form, and down brings each back from the database\'s own text', async () => {
    await migrateTo(db, [anchor], 'DropForms')
    expect(await pendingChanges(db, [anchor])).toEqual([])
    await revertLast(db, [anchor])
    expect(await pendingChanges(db, entities)).toEqual([])
  })

  it('reverts to the empty database', async () => {
    await revertLast(db, entities)
    expect(await pendingChanges(db, [])).toEqual([])
  })
})
