import { sqlSegments } from '../../src/render/sql-segments'

const createUser =
  'CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, ' +
  '"price" numeric(10,2), CONSTRAINT "CHK_1" CHECK ("name" <> \'a, b\'), CONSTRAINT "FK_1" FOREIGN KEY ("a", "b") ' +
  'REFERENCES "other" ("a", "b") ON DELETE CASCADE)'

describe('sqlSegments', () => {
  it('cuts a long CREATE TABLE after its opening parenthesis and after each top-level comma', () => {
    expect(sqlSegments(createUser)).toEqual([
      'CREATE TABLE "user" (',
      '"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, ',
      '"name" varchar(100) NOT NULL, ',
      '"price" numeric(10,2), ',
      'CONSTRAINT "CHK_1" CHECK ("name" <> \'a, b\'), ',
      'CONSTRAINT "FK_1" FOREIGN KEY ("a", "b") REFERENCES "other" ("a", "b") ON DELETE CASCADE)',
    ])
  })

  it('never cuts inside quoted names or literals', () => {
    const sql = 'CREATE TABLE "a, (b" ("x, y" text DEFAULT \'(1, 2\', "it""s, z" text, [p, q] int, `r, s` int) WITHOUT ROWID'
    expect(sqlSegments(sql, 10)).toEqual([
      'CREATE TABLE "a, (b" (',
      '"x, y" text DEFAULT \'(1, 2\', ',
      '"it""s, z" text, ',
      '[p, q] int, ',
      '`r, s` int) WITHOUT ROWID',
    ])
  })

  it('keeps short statements, other statements and statements it cannot follow whole', () => {
    const others = [
      'CREATE TABLE "t" ("a" int, "b" int)', // shorter than the default 100
      `INSERT INTO "t" ("a", "b") SELECT "a", "b" FROM "old" ${'x'.repeat(100)}`,
      `CREATE TABLE "t" ("a" text DEFAULT 'it\\'s, odd', "b" int) ${'x'.repeat(100)}`,
      `CREATE TABLE "t" ("a" text DEFAULT $$x, y$$, "b" int) ${'x'.repeat(100)}`,
      `CREATE TABLE "t" ("a" int, -- a, comment\n "b" int) ${'x'.repeat(100)}`,
      `CREATE TABLE "t" ("a" text DEFAULT 'unclosed, "b" int) ${'x'.repeat(100)}`,
      `CREATE TABLE "t" ("a" int ${'x'.repeat(100)}`,
      `CREATE TABLE "t" AS SELECT 1 ${'x'.repeat(100)}`,
    ]
    expect(sqlSegments(others[0])).toEqual([others[0]])
    for (const sql of others.slice(1)) expect(sqlSegments(sql, 30)).toEqual([sql])
  })

  it('always gives pieces that join to the statement', () => {
    const samples = [createUser, `${createUser} PARTITION BY RANGE ("id")`, `  create temporary table x (a int, b int, c int)`]
    for (const sql of samples) expect(sqlSegments(sql, 10).join('')).toBe(sql)
    expect(sqlSegments(samples[2], 10)).toHaveLength(4)
  })
})
