import { Column, Entity, PrimaryColumn } from 'typeorm'
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Found on RuoYi-Nest, which pins TypeORM 0.3.17: its schema file comments every table ('用户信息表'), and its
// TypeORM has no `comment` option for @Entity, so no entity could keep one; the tool proposed
// `ALTER TABLE sys_user COMMENT = ''` for each, where TypeORM's own migration:generate leaves them. The metadata
// of such a TypeORM has no `comment` at all (emulated here by taking it off what build() sets); a table comment
// is then left as the database has it. A TypeORM that has the option still drops a comment no entity declares.

@Entity('account') class Account {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 20 }) name: string
}

describe('MariaDB: a table comment under a TypeORM that has none', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('tblcomment')
    await migrateTo(db, [Account], 'Init')
    await db.query(`ALTER TABLE account COMMENT = '账户表'`)
  })
  afterEach(async () => db?.drop())

  it('is left as the database has it', async () => {
    const build = EntityMetadata.prototype.build
    EntityMetadata.prototype.build = function (this: EntityMetadata) {
      build.call(this)
      delete (this as { comment?: string }).comment
    }
    try {
      expect(await pendingChanges(db, [Account])).toEqual([])
    } finally {
      EntityMetadata.prototype.build = build
    }
  })

  it('is still dropped where the TypeORM could declare one', async () => {
    expect(await pendingChanges(db, [Account])).toEqual([expect.objectContaining({ kind: 'alter_table_comment', to: undefined })])
  })
})
