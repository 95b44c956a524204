import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { mariadbSchemaDump } from '../support/mariadb-schema-dump'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Issue 8, the ordering gap, on MariaDB: an index and a check the entities keep under names that objects the
// migration drops still hold. The drops run first, then the renames; down renames back, then re-creates what went.

@Entity('member')
@Index('IDX_member_email', ['email'])
@Check('CHK_member', `email <> ''`)
class Member {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) email: string
  @Column({ type: 'varchar', length: 20 }) code: string
}

const handWritten = `
CREATE TABLE member (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email varchar(100) NOT NULL,
  code varchar(20) NOT NULL,
  CONSTRAINT CHK_member CHECK (code <> ''),
  CONSTRAINT member_email_ck CHECK (email <> '')
);
CREATE INDEX IDX_member_email ON member (code);
CREATE INDEX member_email_ix ON member (email);
INSERT INTO member (email, code) VALUES ('a@x', 'A')
`

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('freed_names')
  for (const statement of handWritten.split(';').map((s) => s.trim()).filter(Boolean)) await db.query(statement)
})
afterAll(async () => db?.drop())

it('drops what holds the names, then renames onto them; down renames back, then re-creates what was dropped', async () => {
  const before = await mariadbSchemaDump(db)
  const { up } = await migrateTo(db, [Member], 'TakeNames')
  // MySQL names every primary key PRIMARY: only the check and the index are renamed.
  expect(up.map((op) => op.kind)).toEqual(['drop_check', 'drop_index', 'rename_constraint', 'rename_index'])
  expect(await pendingChanges(db, [Member])).toEqual([])
  expect(await db.query('SELECT email, code FROM member')).toEqual([{ email: 'a@x', code: 'A' }])
  await revertLast(db, [Member])
  expect(await mariadbSchemaDump(db)).toEqual(before)
})
