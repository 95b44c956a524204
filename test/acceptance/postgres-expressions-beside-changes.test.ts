import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// PostgreSQL prints checks, index predicates and generated expressions its own way, and is asked whether the
// entities' text means the same. A column added to the table, or an enum default the database cannot hold
// yet, leaves the table's other expressions compared: only the real change is written.

function entities(version: 1 | 2 | 3) {
  @Entity('member')
  @Check('CHK_member_email', `"email" IS NOT NULL OR "kind" != 'guest'`)
  @Index('IDX_member_live', ['email'], { unique: true, where: `"kind" <> 'guest'` })
  class Member {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'varchar', nullable: true }) email: string | null
    @Column({ type: 'varchar', generatedType: 'STORED', asExpression: `upper("email")`, nullable: true }) shout: string
    @Column({ type: 'enum', enum: version === 3 ? ['guest', 'admin'] : ['guest', 'user'], default: version === 3 ? 'admin' : 'guest' }) kind: string
  }
  if (version === 2) Column({ type: 'boolean', nullable: true })(Member.prototype, 'marketing')
  return [Member]
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('exprbeside')
  await migrateTo(db, entities(1), 'Members')
})
afterAll(async () => db?.drop())

it('writes only the added column beside checks, a partial index and a generated column it does not touch', async () => {
  expect((await pendingChanges(db, entities(2))).map((op) => op.kind)).toEqual(['add_column'])
})

it('leaves them alone beside an enum default the database cannot hold yet', async () => {
  expect((await pendingChanges(db, entities(3))).map((op) => op.kind)).toEqual(['alter_enum', 'alter_column'])
})
