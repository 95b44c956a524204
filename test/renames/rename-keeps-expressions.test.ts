import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { RenamedFrom } from '../../src/decorators'
import { expectCleanCycle, migrateTo, migratedDatabase, pendingChanges, revertLast } from '../support/migration-cycle'
import { allDialects } from '../support/test-database'

// A renamed column that a check, a partial index's predicate and a generated column read: the database
// rewrites them itself, so the migration renames the column and nothing else (it dropped and added them again,
// re-checking every row; found by random round trips).

@Entity('reading')
@Check('CHK_reading_value', 'value >= 0')
@Index('IDX_reading_kind', ['kind'], { where: 'value IS NOT NULL' })
class Before {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int' }) kind: number
  @Column({ type: 'int', nullable: true }) value: number | null
  @Column({ type: 'int', nullable: true, generatedType: 'STORED', asExpression: 'value * 2' }) twice: number | null
}

@Entity('reading')
@Check('CHK_reading_value', 'amount >= 0')
@Index('IDX_reading_kind', ['kind'], { where: 'amount IS NOT NULL' })
class After {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int' }) kind: number
  @RenamedFrom('value') @Column({ type: 'int', nullable: true }) amount: number | null
  @Column({ type: 'int', nullable: true, generatedType: 'STORED', asExpression: 'amount * 2' }) twice: number | null
}

describe.each(allDialects('renexpr'))('%s: renaming a column expressions read', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [Before], 'INSERT INTO reading (id, kind, value) VALUES (1, 1, 5), (2, 1, NULL)')

  it('renames the column, and leaves the check, the predicate and the generated column to the database', async () => {
    const { up } = await expectCleanCycle(database(), [Before], [After], 'RenameValue', 'SELECT id, kind FROM reading ORDER BY id')
    expect(up.map((op) => op.kind)).toEqual(['rename_column'])
  })
})

// A check written with quoted names and `!=` on a varchar column, as graasp's single-table accounts declare
// theirs (`"email" IS NOT NULL OR "type" != 'individual'`), its column renamed and the check following it.

@Entity('account')
@Check('CHK_account_email', `"email" IS NOT NULL OR "type" != 'individual'`)
class AccountBefore {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar' }) type: string
  @Column({ type: 'varchar', nullable: true }) email: string | null
}

@Entity('account')
@Check('CHK_account_email', `"email_address" IS NOT NULL OR "type" != 'individual'`)
class AccountAfter {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar' }) type: string
  @RenamedFrom('email') @Column({ type: 'varchar', nullable: true }) email_address: string | null
}

@Entity('person_account')
@RenamedFrom('account')
@Check('CHK_account_email', `"email_address" IS NOT NULL OR "type" != 'individual'`)
class PersonAccount {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar' }) type: string
  @RenamedFrom('email') @Column({ type: 'varchar', nullable: true }) email_address: string | null
}

describe.each(allDialects('renquoted'))('%s: renaming a column a check reads by its quoted name', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [AccountBefore], "INSERT INTO account (id, type, email) VALUES (1, 'individual', 'a@x'), (2, 'guest', NULL)")

  it('renames the column, and leaves the check to the database', async () => {
    const { up } = await expectCleanCycle(database(), [AccountBefore], [AccountAfter], 'RenameEmail', 'SELECT id, type FROM account ORDER BY id')
    expect(up.map((op) => op.kind)).toEqual(['rename_column'])
  })
})

// The same check, its table renamed too: the server is asked with the table the rename comes from (on MySQL and
// MariaDB, whose server reads "email" as a string, the check was dropped and added again).
describe.each(allDialects('renboth'))('%s: renaming a table and a column a check reads by its quoted name', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [AccountBefore], "INSERT INTO account (id, type, email) VALUES (1, 'individual', 'a@x')")

  it('renames the table and the column, and leaves the check to the database', async () => {
    const { up } = await migrateTo(database(), [PersonAccount], 'RenamePersonAccount')
    expect(up.map((op) => op.kind).filter((kind) => kind.endsWith('_check'))).toEqual([])
    expect(await pendingChanges(database(), [PersonAccount])).toEqual([])
    await revertLast(database(), [PersonAccount])
    expect(await pendingChanges(database(), [AccountBefore])).toEqual([])
  })
})

// A column renamed, alone or with its table, where the database spells the check and the generated column reading
// it its own way (MariaDB: `(value + 1) * 2 >= 0`, `value * 2 + 1`): the server is asked with the table and the
// column the renames come from (MySQL and MariaDB dropped and added the check, and rewrote the generated column).

@Entity('gauge')
@Check('CHK_gauge_value', '((value + 1) * 2) >= 0')
class GaugeBefore {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) value: number | null
  @Column({ type: 'int', nullable: true, generatedType: 'STORED', asExpression: '(value * 2) + 1' }) twice: number | null
}

/** renamedGauge is GaugeBefore with `value` renamed `amount`, in the table `table` (renamed from gauge where it is another). */
function renamedGauge(table: string) {
  @Entity(table)
  @Check('CHK_gauge_value', '((amount + 1) * 2) >= 0')
  class Gauge {
    @PrimaryColumn('int') id: number
    @RenamedFrom('value') @Column({ type: 'int', nullable: true }) amount: number | null
    @Column({ type: 'int', nullable: true, generatedType: 'STORED', asExpression: '(amount * 2) + 1' }) twice: number | null
  }
  if (table !== 'gauge') RenamedFrom('gauge')(Gauge)
  return Gauge
}

describe.each(allDialects('renspelled'))('%s: renaming a column the server spells a check and a generated column with', (_label, createDatabase) => {
  describe.each([['the column', 'gauge'], ['the table and the column', 'meter']])('renaming %s', (what, table) => {
    const after = renamedGauge(table)
    const database = migratedDatabase(createDatabase, [GaugeBefore], 'INSERT INTO gauge (id, value) VALUES (1, 5), (2, NULL)')

    it(`renames ${what}, and leaves the check and the generated column to the database`, async () => {
      const { up } = await migrateTo(database(), [after], 'RenameValue')
      expect(up.map((op) => op.kind).filter((kind) => !kind.startsWith('rename_'))).toEqual([])
      expect(await pendingChanges(database(), [after])).toEqual([])
      expect(await database().query(`SELECT id, twice FROM ${table} ORDER BY id`)).toEqual([{ id: 1, twice: 11 }, { id: 2, twice: null }])
      await revertLast(database(), [after])
      expect(await pendingChanges(database(), [GaugeBefore])).toEqual([])
    })
  })
})

// A partial unique index keyed on the renamed column whose predicate names it too, quoted, as activepieces
// declares its platform's `"ssoDomain" IS NOT NULL` index: the database rewrites the predicate itself (it dropped
// and built the unique index again, blocking writes: on PostgreSQL the index's keys were compared under the old
// name, on SQLite the predicate renamed kept its quotes where the canonical one has none).

@Entity('platform')
@Index('idx_platform_sso_domain', ['ssoDomain'], { unique: true, where: '"ssoDomain" IS NOT NULL' })
class PlatformBefore {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', nullable: true }) ssoDomain: string | null
}

@Entity('platform')
@Index('idx_platform_sso_domain', ['sso_domain'], { unique: true, where: '"sso_domain" IS NOT NULL' })
class PlatformAfter {
  @PrimaryColumn('int') id: number
  @RenamedFrom('ssoDomain') @Column({ type: 'varchar', nullable: true }) sso_domain: string | null
}

describe.each(allDialects('renkeyed'))('%s: renaming a column a partial index keys and reads', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [PlatformBefore], "INSERT INTO platform (id, \"ssoDomain\") VALUES (1, 'sso.x.io'), (2, NULL)")

  it('renames the column, and leaves the index and its predicate to the database', async () => {
    const { up } = await expectCleanCycle(database(), [PlatformBefore], [PlatformAfter], 'RenameSsoDomain', 'SELECT id FROM platform ORDER BY id')
    expect(up.map((op) => op.kind)).toEqual(['rename_column'])
  })
})
