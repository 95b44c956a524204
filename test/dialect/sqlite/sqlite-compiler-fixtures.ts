import { sqliteDialect } from '../../../src/dialect/sqlite/sqlite-dialect'
import type { Operation } from '../../../src/operations/operation'
import { col, schema, table } from './sqlite-fixtures'
import { changeSetOf } from '../../../src/plan/change-set'

/** users and posts are a small schema most tests start from. */
export const users = table('users', {
  columns: [
    col('id', 'integer', { generated: { kind: 'increment' } }),
    col('name', 'varchar', { length: 100 }),
    col('email', 'varchar', { length: 255, nullable: true }),
    col('age', 'integer', { nullable: true, default: '0' }),
    col('status', 'varchar', { enumValues: ['active', 'banned'], default: "'active'" }),
    col('created', 'datetime', { default: "datetime('now')" }),
  ],
  primaryKey: { columns: ['id'] },
  indexes: [{ name: 'IDX_users_name', columns: ['name'], unique: false }],
  uniques: [{ name: 'UQ_users_email', columns: ['email'] }],
  checks: [{ name: 'CHK_users_age', expression: '"age" >= 0' }],
})

export const posts = table('posts', {
  columns: [col('id', 'integer', { generated: { kind: 'increment' } }), col('userId', 'integer', { nullable: true }), col('title', 'text')],
  primaryKey: { columns: ['id'] },
  indexes: [{ name: 'IDX_posts_user', columns: ['userId'], unique: false }],
  foreignKeys: [
    { name: 'FK_posts_user', columns: ['userId'], referencedTable: 'users', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
  ],
})

export const compile = (ops: readonly Operation[], before = schema(users, posts)) => sqliteDialect.compile(changeSetOf(before, ops))
export const T = { name: 'users' }
export const P = { name: 'posts' }
export const name = users.columns[1]

export const USERS_COLUMNS =
  `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "email" varchar(255), "age" integer DEFAULT 0, ` +
  `"status" varchar CHECK( "status" IN ('active','banned') ) NOT NULL DEFAULT 'active', "created" datetime NOT NULL DEFAULT (datetime('now'))`
export const USERS_ALL = `"id", "name", "email", "age", "status", "created"`
export const POSTS_COLUMNS = `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "userId" integer, "title" text NOT NULL`
export const POSTS_FK = `CONSTRAINT "FK_posts_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE`

/** USERS_GUARD is the check before a rebuild of users that it knows every column the table has (see unknownColumnsCheck). */
export const USERS_GUARD = "SELECT name FROM pragma_table_info('users') WHERE name NOT IN ('id', 'name', 'email', 'age', 'status', 'created')"

/** sequenceCarried is the statement by which the rebuild of an AUTOINCREMENT table keeps its counter. */
export const sequenceCarried = (table: string) =>
  `INSERT INTO sqlite_sequence (name, seq) SELECT 'temporary_${table}', seq FROM sqlite_sequence WHERE name = '${table}'`

/** usersRebuild is the statements of a rebuild of users into `create` (its column list and constraints), after USERS_GUARD. */
export function usersRebuild(create: string, copied = USERS_ALL, from = copied): string[] {
  return [
    USERS_GUARD,
    `CREATE TABLE "temporary_users" (${create})`,
    sequenceCarried('users'),
    `INSERT INTO "temporary_users"(${copied}) SELECT ${from} FROM "users"`,
    'DROP TABLE "users"',
    'ALTER TABLE "temporary_users" RENAME TO "users"',
    'CREATE INDEX "IDX_users_name" ON "users" ("name")',
  ]
}

