import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { postgresSchemaDump } from '../support/postgres-schema-dump'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// Issue 8 items 1 and 2: a database built by hand, with its own names and indexes the entities cannot
// declare. The first migration renames, drops only what the entities lack, and its down restores the
// catalog exactly.

@Entity('org')
class Org {
  @PrimaryGeneratedColumn() id: number
}

@Entity('member')
@Unique(['email', 'orgId'])
@Check(`email <> ''`)
@Index(['email'])
class Member {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) email: string
  @Column() orgId: number
  @ManyToOne(() => Org, { onDelete: 'CASCADE', nullable: false }) @JoinColumn({ name: 'orgId' }) org: Org
  @Column({ type: 'enum', enum: ['on', 'off'], enumName: 'member_state_enum' }) state: string
}

const entities = [Org, Member]
const databaseOnly = ['member_email_trgm', 'member_email_pattern', 'member_recent', 'member_lower_email', 'member_org_cover']

const handWritten = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TYPE job_state AS ENUM ('on', 'off');
CREATE TABLE org (id serial CONSTRAINT org_pk PRIMARY KEY);
CREATE TABLE member (
  id serial CONSTRAINT member_pk PRIMARY KEY,
  email varchar(100) NOT NULL,
  "orgId" integer NOT NULL,
  state job_state NOT NULL,
  CONSTRAINT member_email_org_uq UNIQUE (email, "orgId"),
  CONSTRAINT member_org_fk FOREIGN KEY ("orgId") REFERENCES org (id) ON DELETE CASCADE,
  CONSTRAINT member_email_ck CHECK (email <> '')
);
CREATE INDEX member_email_ix ON member (email);
CREATE INDEX member_email_trgm ON member USING gin (email gin_trgm_ops);
CREATE INDEX member_email_pattern ON member (email varchar_pattern_ops) WHERE state = 'on';
CREATE INDEX member_recent ON member (id DESC NULLS LAST, email COLLATE "C");
CREATE INDEX member_lower_email ON member (lower(email::text));
CREATE INDEX member_org_cover ON member ("orgId") INCLUDE (email);
`

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('foreign_names')
  for (const statement of handWritten.split(';').map((s) => s.trim()).filter(Boolean)) await db.query(statement)
})
afterAll(async () => db?.drop())

it('reports the indexes only the database has, and with keepDatabaseNames renames nothing', async () => {
  const { up } = await compareProject(projectFor(db, entities, { keepDatabaseNames: true }))
  expect(up.map((op) => (op.kind === 'drop_index' ? op.index.name : op.kind)).sort()).toEqual([...databaseOnly].sort())
})

it('renames what differs in name only, drops the database-only indexes, and down restores the catalog exactly', async () => {
  const before = postgresSchemaDump(db)
  const { up, source } = await migrateTo(db, entities, 'Adopt')
  const dropped = up.flatMap((op) => (op.kind === 'drop_index' ? [op.index.name] : []))
  expect(dropped.sort()).toEqual([...databaseOnly].sort())
  const others = up.filter((op) => op.kind !== 'drop_index').map((op) => op.kind).sort()
  expect(others).toEqual([
    'rename_constraint', 'rename_constraint', 'rename_constraint', 'rename_constraint', 'rename_constraint',
    'rename_enum', 'rename_index',
  ])
  expect(source).toContain('USING gin ("email" "gin_trgm_ops")')
  expect(await pendingChanges(db, entities)).toEqual([])
  await revertLast(db, entities)
  expect(postgresSchemaDump(db)).toEqual(before)
})
