import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migratedDatabase, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// A uuid's text is 36 characters, always: laudspeaker's account key made varchar(36) (and the twelve join
// columns that follow it) was a TYPE_NARROWING danger each, which `check --fail-on danger` stops on, though no
// value can be cut. So was an integer made varchar(11), which its longest text (-2147483648) fits.

@Entity('account')
class Account {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'integer', nullable: true }) code: number | null
  @Column({ type: 'integer', nullable: true }) pin: number | null
}

@Entity('account')
class AccountText {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'varchar', length: 11, nullable: true }) code: string | null
  @Column({ type: 'varchar', length: 4, nullable: true }) pin: string | null
}

@Entity('account')
class AccountKeyText {
  @Column({ type: 'varchar', length: 36, primary: true, default: () => 'gen_random_uuid()' }) id: string
  @Column({ type: 'integer', nullable: true }) code: number | null
  @Column({ type: 'integer', nullable: true }) pin: number | null
}

describe('postgres: a type with a longest text made varchar', () => {
  const database = migratedDatabase(() => createPostgresDatabase('boundedtext'), [Account],
    `INSERT INTO account (id, code, pin) VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', -2147483648, 1234), (DEFAULT, NULL, NULL)`)

  it('is a rewrite where the varchar holds the longest text, a narrowing where it may not', async () => {
    const { hazards } = await compareProject(projectFor(database(), [AccountText]))
    expect(hazards.map((h) => [h.code, h.message.replace(/ from .*/, '')])).toEqual([
      ['TYPE_CHANGE_REWRITE', 'Changes "public"."account"."code"'],
      ['TYPE_NARROWING', 'Changes "public"."account"."pin"'],
    ])
  })

  it('makes a uuid key varchar(36) with no danger, and back with the rows kept', async () => {
    const { hazards } = await compareProject(projectFor(database(), [AccountKeyText]))
    expect(hazards.filter((h) => h.message.includes('"id"')).map((h) => h.code)).toEqual(['TYPE_CHANGE_REWRITE'])
    await expectCleanCycle(database(), [Account], [AccountKeyText], 'KeyText', 'SELECT id::text, code, pin FROM account ORDER BY code')
  })
})
