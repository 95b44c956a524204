import { DefaultNamingStrategy } from 'typeorm'
import { sqliteDialect } from '../../../src/dialect/sqlite/sqlite-dialect'
import { applyOperations } from '../../../src/operations/apply'
import type { Operation } from '../../../src/operations/operation'
import { reverseOperations } from '../../../src/operations/reverse'
import { POSTS_COLUMNS, POSTS_FK, P, T, USERS_COLUMNS, USERS_GUARD, compile, name, posts, sequenceCarried, users, usersRebuild } from './sqlite-compiler-fixtures'
import { col, schema, sqlOf, table } from './sqlite-fixtures'
import { changeSetOf } from '../../../src/plan/change-set'
import { alterColumn } from '../../../src/plan/column-change'

describe('sqlite compiler: rebuilds', () => {
  test('alter_column, add_check and drop_unique fold into ONE copy of the table, carrying all three', () => {
    const ops: Operation[] = [
      alterColumn(T, name, { ...name, length: 200 }),
      { kind: 'add_check', table: T, check: { name: 'CHK_name', expression: 'length("name") > 0' } },
      { kind: 'drop_unique', table: T, unique: users.uniques[0] },
    ]
    const statements = compile(ops)
    expect(sqlOf(statements)).toEqual(
      usersRebuild(
        USERS_COLUMNS.replace('varchar(100)', 'varchar(200)') +
          `, CONSTRAINT "CHK_name" CHECK (length("name") > 0), CONSTRAINT "CHK_users_age" CHECK ("age" >= 0)`,
      ),
    )
    expect(statements.every((s) => s.operations === statements[0].operations)).toBe(true)
    expect(statements[0].operations).toEqual(ops)
  })

  test('a table made WITHOUT ROWID, or back, is rebuilt as such (ALTER TABLE cannot change it)', () => {
    const keyed = table('kv', { columns: [col('k', 'varchar'), col('v', 'text')], primaryKey: { columns: ['k'] } })
    const pk = new DefaultNamingStrategy().primaryKeyName('kv', ['k'])
    const up: Operation[] = [{ kind: 'alter_table_options', table: { name: 'kv' }, from: {}, to: { withoutRowid: true } }]
    const created = `CREATE TABLE "temporary_kv" ("k" varchar NOT NULL, "v" text NOT NULL, CONSTRAINT "${pk}" PRIMARY KEY ("k"))`
    expect(sqlOf(compile(up, schema(keyed))).slice(1, 3)).toEqual([`${created} WITHOUT ROWID`, 'INSERT INTO "temporary_kv"("k", "v") SELECT "k", "v" FROM "kv"'])
    expect(sqlOf(compile(reverseOperations(up), schema({ ...keyed, withoutRowid: true }))).slice(1, 2)).toEqual([created])
  })

  test('every other change of a table rebuilds it', () => {
    const rebuilding: Operation[] = [
      { kind: 'add_column', table: T, column: col('code', 'varchar') },
      { kind: 'add_column', table: T, column: col('seen', 'datetime', { default: 'CURRENT_TIMESTAMP' }) },
      { kind: 'drop_column', table: T, column: users.columns[2] },
      { kind: 'drop_column', table: T, column: name },
      { kind: 'add_unique', table: T, unique: { name: 'UQ_name', columns: ['name'] } },
      { kind: 'drop_check', table: T, check: users.checks[0] },
    ]
    for (const op of rebuilding) expect(sqlOf(compile([op])).slice(0, 2)).toEqual([USERS_GUARD, expect.stringMatching(/^CREATE TABLE "temporary_users"/)])
    expect(sqlOf(compile([{ kind: 'drop_foreign_key', table: P, foreignKey: posts.foreignKeys[0] }]))[1]).toMatch(/^CREATE TABLE "temporary_posts"/)
    const plain = table('plain', { columns: [col('a', 'integer'), col('b', 'text')], primaryKey: { columns: ['a'] } })
    const keyOps: Operation[] = [
      { kind: 'drop_primary_key', table: { name: 'plain' }, primaryKey: { columns: ['a'] } },
      { kind: 'add_primary_key', table: { name: 'plain' }, primaryKey: { columns: ['a', 'b'] } },
    ]
    const pk = new DefaultNamingStrategy().primaryKeyName('plain', ['a', 'b'])
    expect(sqlOf(compile(keyOps, schema(plain)))).toEqual([
      "SELECT name FROM pragma_table_info('plain') WHERE name NOT IN ('a', 'b')",
      `CREATE TABLE "temporary_plain" ("a" integer NOT NULL, "b" text NOT NULL, CONSTRAINT "${pk}" PRIMARY KEY ("a", "b"))`,
      'INSERT INTO "temporary_plain"("a", "b") SELECT "a", "b" FROM "plain"',
      'DROP TABLE "plain"',
      'ALTER TABLE "temporary_plain" RENAME TO "plain"',
    ])
  })

  test('the copy follows renamed columns, skips dropped ones and leaves added ones to their default', () => {
    const ops: Operation[] = [
      { kind: 'rename_column', table: T, from: 'name', to: 'fullName', column: name },
      { kind: 'drop_column', table: T, column: users.columns[5] },
      { kind: 'add_column', table: T, column: col('joined', 'datetime', { default: 'CURRENT_TIMESTAMP' }) },
    ]
    // The guard names the columns the table has before the rebuild, under their old names.
    const [guard, ...sql] = sqlOf(compile(ops))
    expect(guard).toBe(USERS_GUARD)
    expect(sql[2]).toBe(
      `INSERT INTO "temporary_users"("id", "fullName", "email", "age", "status") SELECT "id", "name", "email", "age", "status" FROM "users"`,
    )
    expect(sql[0]).toContain('"fullName" varchar(100) NOT NULL')
    expect(sql[0]).toContain('"joined" datetime NOT NULL DEFAULT (CURRENT_TIMESTAMP)')
    expect(sql).toHaveLength(6)
  })

  test('the rebuild of an AUTOINCREMENT table carries its counter before the copy; one of a table without none', () => {
    const sql = sqlOf(compile([alterColumn(P, posts.columns[2], { ...posts.columns[2], nullable: true })]))
    expect(sql.slice(1, 4)).toEqual([
      expect.stringMatching(/^CREATE TABLE "temporary_posts"/),
      `INSERT INTO sqlite_sequence (name, seq) SELECT 'temporary_posts', seq FROM sqlite_sequence WHERE name = 'posts'`,
      expect.stringMatching(/^INSERT INTO "temporary_posts"/),
    ])
    const plain = table('plain', { columns: [col('a', 'integer'), col('b', 'text')], primaryKey: { columns: ['a'] } })
    const retyped = sqlOf(compile([alterColumn({ name: 'plain' }, plain.columns[1], { ...plain.columns[1], nullable: true })], schema(plain)))
    expect(retyped.filter((s) => s.includes('sqlite_sequence'))).toEqual([])
  })

  test('a rebuild with foreign keys is checked at the end of the migration, with the message to fail with', () => {
    const ops: Operation[] = [
      alterColumn(P, posts.columns[2], { ...posts.columns[2], nullable: true }),
      alterColumn(T, name, { ...name, nullable: true }),
    ]
    const statements = compile(ops)
    expect(sqlOf(statements)).toEqual([
      "SELECT name FROM pragma_table_info('posts') WHERE name NOT IN ('id', 'userId', 'title')",
      `CREATE TABLE "temporary_posts" (${POSTS_COLUMNS.replace('text NOT NULL', 'text')}, ${POSTS_FK})`,
      sequenceCarried('posts'),
      `INSERT INTO "temporary_posts"("id", "userId", "title") SELECT "id", "userId", "title" FROM "posts"`,
      'DROP TABLE "posts"',
      'ALTER TABLE "temporary_posts" RENAME TO "posts"',
      'CREATE INDEX "IDX_posts_user" ON "posts" ("userId")',
      ...usersRebuild(
        USERS_COLUMNS.replace('varchar(100) NOT NULL', 'varchar(100)') +
          `, CONSTRAINT "UQ_users_email" UNIQUE ("email"), CONSTRAINT "CHK_users_age" CHECK ("age" >= 0)`,
      ),
      `SELECT * FROM pragma_foreign_key_check('posts')`,
    ])
    expect(statements[0]).toEqual({
      sql: "SELECT name FROM pragma_table_info('posts') WHERE name NOT IN ('id', 'userId', 'title')",
      operations: [ops[0]],
      failIfRows: '"posts" has columns this migration does not know, which its rebuild of the table would drop with their values: ' +
        'it was generated before another migration changed the table; delete it and generate it again',
    })
    expect(statements[14]).toEqual({
      sql: `SELECT * FROM pragma_foreign_key_check('posts')`,
      operations: [ops[0]],
      failIfRows: `Rebuilding "posts" broke a foreign key: fix the rows listed by SELECT * FROM pragma_foreign_key_check('posts')`,
    })
  })

  test('the rebuild sits at the table\'s last operation and takes the name the table has there', () => {
    const ops: Operation[] = [
      { kind: 'add_check', table: P, check: { name: 'CHK_title', expression: '"title" <> \'\'' } },
      { kind: 'rename_table', from: P, to: { name: 'articles' }, table: posts },
      { kind: 'create_index', table: { name: 'articles' }, index: { name: 'IDX_title', columns: ['title'], unique: false } },
    ]
    const sql = sqlOf(compile(ops))
    expect(sql[0]).toBe('ALTER TABLE "posts" RENAME TO "articles"')
    expect(sql.slice(1, 7)).toEqual([
      "SELECT name FROM pragma_table_info('articles') WHERE name NOT IN ('id', 'userId', 'title')",
      `CREATE TABLE "temporary_articles" (${POSTS_COLUMNS}, CONSTRAINT "CHK_title" CHECK ("title" <> ''), ${POSTS_FK})`,
      sequenceCarried('articles'),
      `INSERT INTO "temporary_articles"("id", "userId", "title") SELECT "id", "userId", "title" FROM "articles"`,
      'DROP TABLE "articles"',
      'ALTER TABLE "temporary_articles" RENAME TO "articles"',
    ])
    expect(sql.slice(7)).toEqual([
      'CREATE INDEX "IDX_posts_user" ON "articles" ("userId")',
      'CREATE INDEX "IDX_title" ON "articles" ("title")',
      `SELECT * FROM pragma_foreign_key_check('articles')`,
    ])
  })

  test('a rename in a rebuilt table rebuilds the tables whose foreign keys name the column, from the rename on', () => {
    const rename: Operation = { kind: 'rename_column', table: T, from: 'id', to: 'uid', column: users.columns[0] }
    const ops: Operation[] = [rename, alterColumn(T, name, { ...name, length: 200 })]
    const statements = compile(ops)
    const sql = sqlOf(statements)
    const postsRebuilt = sql.slice(0, 7)
    expect(postsRebuilt).toEqual([
      "SELECT name FROM pragma_table_info('posts') WHERE name NOT IN ('id', 'userId', 'title')",
      `CREATE TABLE "temporary_posts" (${POSTS_COLUMNS}, ${POSTS_FK.replace('("id")', '("uid")')})`,
      sequenceCarried('posts'),
      `INSERT INTO "temporary_posts"("id", "userId", "title") SELECT "id", "userId", "title" FROM "posts"`,
      'DROP TABLE "posts"',
      'ALTER TABLE "temporary_posts" RENAME TO "posts"',
      'CREATE INDEX "IDX_posts_user" ON "posts" ("userId")',
    ])
    expect(statements.slice(0, 7).every((s) => s.operations.length === 1 && s.operations[0] === rename)).toBe(true)
    expect(sql[8]).toMatch(/^CREATE TABLE "temporary_users" \("uid" integer PRIMARY KEY AUTOINCREMENT/)
    expect(sql[sql.length - 1]).toBe(`SELECT * FROM pragma_foreign_key_check('posts')`)
    expect(sqliteDialect.viewBreakingChanges(changeSetOf(schema(users, posts), ops))).toEqual([T, P])
  })

  test('a table changed in place whose key names a column a rebuild renames is rebuilt instead, after the rename', () => {
    const views: Operation = { kind: 'add_column', table: P, column: col('views', 'integer', { default: '0' }) }
    const ops: Operation[] = [views, { kind: 'rename_column', table: T, from: 'id', to: 'uid', column: users.columns[0] }, alterColumn(T, name, { ...name, length: 200 })]
    const statements = compile(ops)
    const sql = sqlOf(statements)
    expect(sql[1]).toBe(`CREATE TABLE "temporary_posts" (${POSTS_COLUMNS}, "views" integer NOT NULL DEFAULT 0, ${POSTS_FK.replace('("id")', '("uid")')})`)
    expect(statements[1].operations).toEqual([views])
    expect(sql.filter((s) => s.startsWith('ALTER TABLE "posts"'))).toEqual([])
  })

  test('a rename ALTER TABLE makes leaves the referencing tables alone: SQLite rewrites their keys itself', () => {
    expect(sqlOf(compile([{ kind: 'rename_column', table: T, from: 'id', to: 'uid', column: users.columns[0] }]))).toEqual([
      'ALTER TABLE "users" RENAME COLUMN "id" TO "uid"',
    ])
  })

  test('down migrations compile: reverse(ops) from the state after ops', () => {
    const up: Operation[] = [
      { kind: 'create_table', table: { ...table('tags', { columns: [col('id', 'integer'), col('postId', 'integer')], primaryKey: { columns: ['id'] } }) } },
      { kind: 'add_foreign_key', table: { name: 'tags' }, foreignKey: { name: 'FK_tags_post', columns: ['postId'], referencedTable: 'posts', referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' } },
      alterColumn(T, name, { ...name, length: 150 }),
      { kind: 'add_column', table: P, column: col('views', 'integer', { default: '0' }) },
    ]
    const before = schema(users, posts)
    const down = sqliteDialect.compile(changeSetOf(applyOperations(before, up), reverseOperations(up)))
    expect(sqlOf(down)).toEqual([
      'ALTER TABLE "posts" DROP COLUMN "views"',
      ...usersRebuild(USERS_COLUMNS + `, CONSTRAINT "UQ_users_email" UNIQUE ("email"), CONSTRAINT "CHK_users_age" CHECK ("age" >= 0)`),
      'DROP TABLE "tags"',
    ])
  })

  test('AUTOINCREMENT outside a single-column key is refused', () => {
    const bad = table('bad', { columns: [col('a', 'integer', { generated: { kind: 'increment' } }), col('b', 'integer')], primaryKey: { columns: ['a', 'b'] } })
    expect(() => compile([{ kind: 'create_table', table: bad }])).toThrow('sqlite: "bad"."a" is AUTOINCREMENT')
  })

  test('quoteIdent doubles quotes', () => {
    expect(sqliteDialect.quoteIdent('we"ird')).toBe('"we""ird"')
  })
})
