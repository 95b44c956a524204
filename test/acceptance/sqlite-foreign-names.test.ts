import Database from 'better-sqlite3'
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { canonicalSql } from '../../src/dialect/sqlite/sqlite-sql-text'
import { parseIndexWhere } from '../../src/dialect/sqlite/sqlite-create-index-parser'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// Issue 8 item 2 on SQLite: a database built by hand, with its own names and indexes the entities cannot
// declare (DESC, collations, expressions, partial). Names are left as they are (SQLite cannot rename an
// index); an index whose definition differs is re-created; the database-only ones are dropped and their
// down re-creates them exactly.

@Entity('org')
class Org {
  @PrimaryGeneratedColumn() id: number
}

@Entity('member')
@Unique(['email', 'orgId'])
@Check(`email <> ''`)
@Index(['email'])
@Index('member_org_desc', ['orgId'])
class Member {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) email: string
  @Column() orgId: number
  @Column({ type: 'datetime', nullable: true }) deleted_at: Date | null
  @ManyToOne(() => Org, { onDelete: 'CASCADE', nullable: false }) @JoinColumn({ name: 'orgId' }) org: Org
}

const entities = [Org, Member]
const databaseOnly = ['member_email_nocase', 'member_lower_email', 'member_live_email', 'member_total']

const handWritten = `
CREATE TABLE org (id integer PRIMARY KEY AUTOINCREMENT NOT NULL);
CREATE TABLE member (
  id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  email varchar(100) NOT NULL,
  orgId integer NOT NULL,
  deleted_at datetime,
  CONSTRAINT member_email_org_uq UNIQUE (email, orgId),
  CONSTRAINT member_org_fk FOREIGN KEY (orgId) REFERENCES org (id) ON DELETE CASCADE,
  CONSTRAINT member_email_ck CHECK (email <> '')
);
CREATE INDEX member_email_ix ON member (email);
CREATE INDEX member_org_desc ON member (orgId DESC);
CREATE INDEX member_email_nocase ON member (email COLLATE NOCASE);
CREATE INDEX member_lower_email ON member (lower(email), orgId);
CREATE UNIQUE INDEX member_live_email ON member (email collate nocase DESC, orgId) WHERE deleted_at IS NULL;
CREATE INDEX member_total ON member (orgId + id);
INSERT INTO org (id) VALUES (1);
INSERT INTO member (email, orgId) VALUES ('a@x', 1), ('b@x', 1);
`

let db: TestDatabase
beforeAll(async () => {
  db = await createSqliteDatabase()
  const sqlite = new Database((db.options as { database: string }).database)
  sqlite.exec(handWritten)
  sqlite.close()
})
afterAll(async () => db?.drop())

/** catalog is every table's CREATE text and every index as SQLite reports it: keys, order, collations, predicate. */
function catalog(): unknown {
  const sqlite = new Database((db.options as { database: string }).database, { readonly: true })
  try {
    const tables = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence') ORDER BY name`).all()
    const indexes = sqlite.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all() as { name: string; tbl_name: string; sql: string | null }[]
    return {
      tables,
      indexes: indexes.filter((i) => i.tbl_name !== 'migrations').map((i) => ({
        name: i.name,
        list: sqlite.prepare(`SELECT "unique", origin, partial FROM pragma_index_list(?) WHERE name = ?`).all(i.tbl_name, i.name),
        // Collation names are case-insensitive in SQLite: the model spells them upper case.
        keys: sqlite.prepare(`SELECT seqno, cid, name, "desc", upper(coll) AS coll, "key" FROM pragma_index_xinfo(?)`).all(i.name),
        where: i.sql === null ? null : (parseIndexWhere(i.sql) ?? null) && canonicalSql(parseIndexWhere(i.sql)!),
      })),
    }
  } finally {
    sqlite.close()
  }
}

it('leaves names alone, re-creates the index whose definition differs, drops the database-only ones, and down restores them exactly', async () => {
  const before = catalog()
  const { up, source } = await migrateTo(db, entities, 'Adopt')
  const summary = up.map((op) => `${op.kind} ${op.kind === 'drop_index' || op.kind === 'create_index' ? op.index.name : ''}`).sort()
  expect(summary).toEqual([
    'create_index member_org_desc',
    'drop_index member_org_desc',
    ...databaseOnly.map((name) => `drop_index ${name}`),
  ].sort())
  expect(source).toContain('CREATE INDEX "member_org_desc" ON "member" ("orgId" DESC)')
  expect(source).toContain('CREATE UNIQUE INDEX "member_live_email" ON "member" ("email" COLLATE "NOCASE" DESC, "orgId") WHERE deleted_at IS NULL')
  expect(source).toContain('CREATE INDEX "member_lower_email" ON "member" (lower(email), "orgId")')
  expect(source).toContain('CREATE INDEX "member_total" ON "member" ((orgId + id))')
  expect(await pendingChanges(db, entities)).toEqual([])
  await revertLast(db, entities)
  expect(catalog()).toEqual(before)
  expect(await db.query('SELECT email, orgId FROM member ORDER BY id')).toEqual([{ email: 'a@x', orgId: 1 }, { email: 'b@x', orgId: 1 }])
})
