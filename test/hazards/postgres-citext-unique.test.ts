import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migratedDatabase, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// An email made case-insensitive the usual PostgreSQL way, `varchar` made `citext`, on laudspeaker's account
// table (`@Unique(['email'])`): the migration failed at upgrade on two emails differing only in case (could
// not create unique index), and `generate` had said TYPE_CHANGE_REWRITE alone, as for any rewrite.

@Entity('account')
@Unique(['email'])
class Account {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar' }) email: string
  @Column({ type: 'varchar', nullable: true }) nickname: string | null
}

@Entity('account')
@Unique(['email'])
class CaseInsensitiveAccount {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'citext' }) email: string
  @Column({ type: 'citext', nullable: true }) nickname: string | null
}

describe('postgres: a unique column made citext', () => {
  const database = migratedDatabase(() => createPostgresDatabase('citextuq'), [Account],
    `INSERT INTO account (email, nickname) VALUES ('Bob@Example.com', 'bob'), ('bob@example.com', 'Bob'), ('ann@example.com', NULL)`)

  it('is COLLATION_CHANGE, counting the values that differ only in case (not for a column no unique key holds)', async () => {
    const { hazards } = await compareProject(projectFor(database(), [CaseInsensitiveAccount]))
    const collation = hazards.filter((h) => h.code === 'COLLATION_CHANGE')
    expect(collation.map((h) => h.message)).toEqual([
      'Changes "public"."account"."email" to citext, which compares values ignoring case: values of its unique key ("email") that differ ' +
      'only in case become equal, and the migration fails where they are (1 duplicate value of ("email")); remove the values that differ ' +
      'only in case first, or keep the type.',
    ])
  })

  it('converts once those values are gone, up and down', async () => {
    await database().query(`DELETE FROM account WHERE email = 'bob@example.com'`)
    const { hazards } = await compareProject(projectFor(database(), [CaseInsensitiveAccount]))
    expect(hazards.find((h) => h.code === 'COLLATION_CHANGE')?.message).toContain('(no duplicate values of ("email"))')
    await expectCleanCycle(database(), [Account], [CaseInsensitiveAccount], 'Citext', 'SELECT id, email::text, nickname::text FROM account ORDER BY id')
  })
})
