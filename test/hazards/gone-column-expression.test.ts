import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { RenamedFrom } from '../../src'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// Found on safe-client-gateway: wallets.address_index is read by the WHERE of two partial unique indexes
// ('"address_index" IS NULL'). Renaming the column in the entity but not in those WHERE strings, the generated
// migration renamed the column, then made the indexes again with the old name, and failed at upgrade
// (column "address_index" does not exist), with no word of it from generate. So does a @Check left naming a
// column the migration drops.

function entities(state: 'before' | 'after') {
  @Entity('wallet')
  @Index('UQ_wallet_plain', ['address'], { unique: true, where: state === 'before' ? '"address_index" IS NULL' : '"address_index" IS NULL AND "address" <> \'\'' })
  @Check('CHK_wallet_label', '"label" <> \'\'')
  class Wallet {
    @PrimaryColumn() id: number
    @Column({ type: 'text' }) address: string
    @Column({ type: 'text', nullable: true, name: state === 'before' ? 'address_index' : 'blind_index' })
    @(state === 'before' ? () => undefined : RenamedFrom('address_index'))
    addressIndex: string | null
    @Column({ type: 'text', nullable: true }) label: string | null
  }
  return [Wallet]
}

function withoutLabel() {
  @Entity('wallet')
  @Index('UQ_wallet_plain', ['address'], { unique: true, where: '"address_index" IS NULL' })
  @Check('CHK_wallet_label', '"label" <> \'\' OR "address" <> \'\'')
  class Wallet {
    @PrimaryColumn() id: number
    @Column({ type: 'text' }) address: string
    @Column({ type: 'text', nullable: true, name: 'address_index' }) addressIndex: string | null
  }
  return [Wallet]
}

describe.each([['postgres', () => createPostgresDatabase('gonecolumn')], ['sqlite', () => createSqliteDatabase()]] as const)('on %s', (_label, create) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await create()
    await migrateTo(db, entities('before'), 'Wallets')
  })
  afterEach(async () => db?.drop())

  it('names the index whose WHERE still names the column the migration renames, and the migration fails as it says', async () => {
    const { hazards } = await compareProject(projectFor(db, entities('after')))
    expect(hazards.filter((h) => h.code === 'READS_GONE_COLUMN').map((h) => [h.severity, h.message])).toEqual([['danger', expect.stringMatching(
      /^Creates index "UQ_wallet_plain" on ("public"\.)?"wallet" whose WHERE names column "address_index", which the table no longer has there \(renamed to "blind_index" earlier in this migration\): the database refuses it, and the migration fails there; /,
    )]])
    await expect(migrateTo(db, entities('after'), 'Rename')).rejects.toThrow(/address_index/)
  })

  it('names the check that still names a column the migration drops', async () => {
    const { hazards } = await compareProject(projectFor(db, withoutLabel()))
    expect(hazards.filter((h) => h.code === 'READS_GONE_COLUMN').map((h) => [h.severity, h.message])).toEqual([['danger', expect.stringMatching(
      /^Adds check "CHK_wallet_label" on ("public"\.)?"wallet" whose expression names column "label", which the table no longer has there \(dropped earlier in this migration\): the database refuses it, and the migration fails there; /,
    )]])
    await expect(migrateTo(db, withoutLabel(), 'DropLabel')).rejects.toThrow(/label/)
  })

  it('says nothing where the expression writes the new name', async () => {
    const renamedAlong = () => {
      @Entity('wallet')
      @Index('UQ_wallet_plain', ['address'], { unique: true, where: '"blind_index" IS NULL AND "address" <> \'\'' })
      @Check('CHK_wallet_label', '"label" <> \'\'')
      class Wallet {
        @PrimaryColumn() id: number
        @Column({ type: 'text' }) address: string
        @Column({ type: 'text', nullable: true, name: 'blind_index' }) @RenamedFrom('address_index') addressIndex: string | null
        @Column({ type: 'text', nullable: true }) label: string | null
      }
      return [Wallet]
    }
    const { hazards } = await compareProject(projectFor(db, renamedAlong()))
    expect(hazards.map((h) => h.code)).not.toContain('READS_GONE_COLUMN')
    await migrateTo(db, renamedAlong(), 'Rename')
  })
})
