import { DefaultNamingStrategy } from 'typeorm'
import type { Operation } from '../../../src/operations/operation'
import { POSTS_COLUMNS, POSTS_FK, P, T, USERS_COLUMNS, compile, name, posts, users } from './sqlite-compiler-fixtures'
import { col, schema, sqlOf, table } from './sqlite-fixtures'

describe('sqlite compiler: tables', () => {
  test('create_table writes the table as TypeORM does, then its indexes', () => {
    expect(sqlOf(compile([{ kind: 'create_table', table: users }], schema()))).toEqual([
      `CREATE TABLE "users" (${USERS_COLUMNS}, CONSTRAINT "UQ_users_email" UNIQUE ("email"), CONSTRAINT "CHK_users_age" CHECK ("age" >= 0))`,
      'CREATE INDEX "IDX_users_name" ON "users" ("name")',
    ])
  })

  test('create_table absorbs the later add_foreign_key and create_index on it: one CREATE in the final shape', () => {
    const bare = { ...posts, foreignKeys: [], indexes: [] }
    const ops: Operation[] = [
      { kind: 'create_table', table: bare },
      { kind: 'add_foreign_key', table: P, foreignKey: posts.foreignKeys[0] },
      { kind: 'create_index', table: P, index: posts.indexes[0] },
    ]
    const statements = compile(ops, schema(users))
    expect(sqlOf(statements)).toEqual([`CREATE TABLE "posts" (${POSTS_COLUMNS}, ${POSTS_FK})`, 'CREATE INDEX "IDX_posts_user" ON "posts" ("userId")'])
    expect(statements.map((s) => s.operations)).toEqual([ops, ops])
  })

  test('a composite key is a named constraint; uniques, checks, foreign keys and WITHOUT ROWID follow', () => {
    const tags = table('post_tags', {
      columns: [col('postId', 'integer'), col('tag', 'varchar', { length: 30 }), col('weight', 'decimal', { precision: 5, scale: 2, nullable: true })],
      primaryKey: { columns: ['postId', 'tag'] },
      uniques: [{ name: 'UQ_tag_weight', columns: ['tag', 'weight'] }],
      checks: [{ name: 'CHK_weight', expression: '"weight" > 0' }],
      foreignKeys: [
        { name: 'FK_tag_post', columns: ['postId'], referencedTable: 'posts', referencedColumns: ['id'], onDelete: 'SET NULL', onUpdate: 'CASCADE', deferrable: 'INITIALLY DEFERRED' },
      ],
      indexes: [{ name: 'IDX_heavy', columns: ['weight', 'tag'], unique: true, where: '"weight" > 10' }],
      withoutRowid: true,
    })
    const pk = new DefaultNamingStrategy().primaryKeyName('post_tags', ['postId', 'tag'])
    expect(sqlOf(compile([{ kind: 'create_table', table: tags }]))).toEqual([
      `CREATE TABLE "post_tags" ("postId" integer NOT NULL, "tag" varchar(30) NOT NULL, "weight" decimal(5,2), ` +
        `CONSTRAINT "${pk}" PRIMARY KEY ("postId", "tag"), CONSTRAINT "UQ_tag_weight" UNIQUE ("tag", "weight"), ` +
        `CONSTRAINT "CHK_weight" CHECK ("weight" > 0), CONSTRAINT "FK_tag_post" FOREIGN KEY ("postId") REFERENCES "posts" ("id") ` +
        'ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED) WITHOUT ROWID',
      'CREATE UNIQUE INDEX "IDX_heavy" ON "post_tags" ("weight", "tag") WHERE "weight" > 10',
    ])
  })

  test('computed columns, collations and odd identifiers', () => {
    const odd = table('we"ird', {
      columns: [
        col('a', 'integer'),
        col('twice', 'integer', { nullable: true, computed: { expression: '"a" * 2', stored: true } }),
        col('label', 'text', { collation: 'NOCASE', default: "'it''s'" }),
      ],
    })
    expect(sqlOf(compile([{ kind: 'create_table', table: odd }], schema()))).toEqual([
      `CREATE TABLE "we""ird" ("a" integer NOT NULL, "twice" integer AS ("a" * 2) STORED, "label" text COLLATE "NOCASE" NOT NULL DEFAULT 'it''s')`,
    ])
  })

  test('drop_table absorbs the drop_foreign_key and drop_index before it', () => {
    const ops: Operation[] = [
      { kind: 'drop_foreign_key', table: P, foreignKey: posts.foreignKeys[0] },
      { kind: 'drop_index', table: P, index: posts.indexes[0] },
      { kind: 'drop_table', table: { ...posts, foreignKeys: [], indexes: [] } },
    ]
    const statements = compile(ops)
    expect(sqlOf(statements)).toEqual(['DROP TABLE "posts"'])
    expect(statements[0].operations).toEqual(ops)
  })

  test('a table created and dropped in one migration produces nothing', () => {
    expect(compile([{ kind: 'create_table', table: posts }, { kind: 'drop_table', table: posts }], schema(users))).toEqual([])
  })

  test('rename_table runs in place; alter_table_comment compiles to nothing', () => {
    expect(sqlOf(compile([{ kind: 'rename_table', from: P, to: { name: 'articles' }, table: posts }]))).toEqual(['ALTER TABLE "posts" RENAME TO "articles"'])
    expect(compile([{ kind: 'alter_table_comment', table: T, to: 'people' }])).toEqual([])
  })

  test('enum, schema and extension operations are unsupported', () => {
    const unsupported: Operation[] = [
      { kind: 'create_schema', schema: 'app' },
      { kind: 'drop_schema', schema: 'app' },
      { kind: 'create_extension', extension: 'uuid-ossp' },
      { kind: 'drop_extension', extension: 'uuid-ossp' },
      { kind: 'create_enum', enumType: { name: 'mood', values: ['ok'] } },
      { kind: 'drop_enum', enumType: { name: 'mood', values: ['ok'] } },
      { kind: 'alter_enum', from: { name: 'mood', values: ['ok'] }, to: { name: 'mood', values: ['ok', 'sad'] }, users: [] },
    ]
    for (const op of unsupported) expect(() => compile([op])).toThrow(`sqlite: unsupported operation ${op.kind}`)
  })
})

describe('sqlite compiler: in place', () => {
  test('add_column in place when SQLite allows it', () => {
    const ops: Operation[] = [
      { kind: 'add_column', table: T, column: col('nick', 'varchar', { length: 20, nullable: true }) },
      { kind: 'add_column', table: T, column: col('score', 'real', { default: '-1.5' }) },
      { kind: 'add_column', table: T, column: col('mood', 'varchar', { enumValues: ['ok', 'sad'], default: "'ok'" }) },
    ]
    expect(sqlOf(compile(ops))).toEqual([
      'ALTER TABLE "users" ADD COLUMN "nick" varchar(20)',
      'ALTER TABLE "users" ADD COLUMN "score" real NOT NULL DEFAULT -1.5',
      `ALTER TABLE "users" ADD COLUMN "mood" varchar CHECK( "mood" IN ('ok','sad') ) NOT NULL DEFAULT 'ok'`,
    ])
  })

  test('drop_column, rename_column, create_index and drop_index in place', () => {
    const ops: Operation[] = [
      { kind: 'drop_column', table: T, column: users.columns[5] },
      { kind: 'rename_column', table: T, from: 'status', to: 'state', column: users.columns[4]! },
      { kind: 'drop_index', table: T, index: users.indexes[0] },
      { kind: 'create_index', table: T, index: { name: 'IDX_partial', columns: ['name', 'age'], unique: true, where: '"age" > 18' } },
    ]
    const statements = compile(ops)
    expect(sqlOf(statements)).toEqual([
      'ALTER TABLE "users" DROP COLUMN "created"',
      'ALTER TABLE "users" RENAME COLUMN "status" TO "state"',
      'DROP INDEX "IDX_users_name"',
      'CREATE UNIQUE INDEX "IDX_partial" ON "users" ("name", "age") WHERE "age" > 18',
    ])
    expect(statements.map((s) => s.operations)).toEqual(ops.map((op) => [op]))
  })

  test('drop_column after the index on it is dropped runs in place', () => {
    const ops: Operation[] = [
      { kind: 'drop_index', table: T, index: users.indexes[0] },
      { kind: 'drop_column', table: T, column: name },
    ]
    expect(sqlOf(compile(ops))).toEqual(['DROP INDEX "IDX_users_name"', 'ALTER TABLE "users" DROP COLUMN "name"'])
  })
})
