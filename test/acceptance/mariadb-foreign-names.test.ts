import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { mariadbSchemaDump } from '../support/mariadb-schema-dump'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Issue 8 items 1 and 2 on MariaDB: a database built by hand, with its own names and indexes the entities
// cannot declare (a prefix, a descending key, a fulltext index). The first migration renames what differs in
// name only, drops only what the entities lack, and its down restores the tables exactly.

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
  @Column({ type: 'enum', enum: ['on', 'off'] }) state: string
}

const entities = [Org, Member]
const databaseOnly = ['member_email_prefix', 'member_recent', 'member_email_text']

const handWritten = `
CREATE TABLE org (id int NOT NULL AUTO_INCREMENT PRIMARY KEY);
CREATE TABLE member (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email varchar(100) NOT NULL,
  orgId int NOT NULL,
  state enum('on','off') NOT NULL,
  CONSTRAINT member_email_org_uq UNIQUE (email, orgId),
  CONSTRAINT member_org_fk FOREIGN KEY (orgId) REFERENCES org (id) ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT member_email_ck CHECK (email <> '')
);
CREATE INDEX member_email_ix ON member (email);
CREATE INDEX member_email_prefix ON member (email(10));
CREATE INDEX member_recent ON member (id DESC, email);
CREATE FULLTEXT INDEX member_email_text ON member (email)
`

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('foreign_names')
  for (const statement of handWritten.split(';').map((s) => s.trim()).filter(Boolean)) await db.query(statement)
})
afterAll(async () => db?.drop())

it('reports the indexes only the database has, and with keepDatabaseNames renames nothing', async () => {
  const { up } = await compareProject(projectFor(db, entities, { keepDatabaseNames: true }))
  expect(up.map((op) => (op.kind === 'drop_index' ? op.index.name : op.kind)).sort()).toEqual([...databaseOnly].sort())
})

it('renames what differs in name only, drops the database-only indexes, and down restores the tables exactly', async () => {
  const before = await mariadbSchemaDump(db)
  const { up, source } = await migrateTo(db, entities, 'Adopt')
  const dropped = up.flatMap((op) => (op.kind === 'drop_index' ? [op.index.name] : []))
  expect(dropped.sort()).toEqual([...databaseOnly].sort())
  const others = up.filter((op) => op.kind !== 'drop_index').map((op) => op.kind).sort()
  expect(others).toEqual(['rename_constraint', 'rename_constraint', 'rename_constraint', 'rename_index', 'rename_index'])
  expect(source).toContain('FULLTEXT INDEX')
  expect(await pendingChanges(db, entities)).toEqual([])
  await revertLast(db, entities)
  expect(await mariadbSchemaDump(db)).toEqual(before)
})
