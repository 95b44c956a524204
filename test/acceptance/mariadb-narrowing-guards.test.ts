import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import { RenamedFrom } from '../../src/source/renamed-from'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Found on lyrio (LibreOJ's server, MariaDB, built by synchronize): a migration that renamed a table and dropped
// another, then made `user`.`nickname` varchar(24) varchar(16) and `rating` int unsigned. A narrower type had no
// check of its own: in strict mode its ALTER failed ("Data too long", "Out of range") after the statements before
// it had committed, leaving the database half migrated (its down, with a rating past int's range, re-created the
// dropped table and then failed); outside strict mode it cut the strings and clamped the numbers, with a warning
// only. A check for the values the new type cannot hold now runs first, as it does for NULLs and enum labels.

@Entity('member')
class MemberBefore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 24 }) nickname: string
  @Column({ type: 'int' }) rating: number
  @Column({ type: 'decimal', precision: 10, scale: 2 }) balance: string
}

@Entity('judge_client')
class JudgeClient {
  @PrimaryColumn({ type: 'int' }) id: number
}

@Entity('member')
class MemberNarrowed {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 16 }) nickname: string
  @Column({ type: 'int', unsigned: true }) rating: number
  @Column({ type: 'decimal', precision: 6, scale: 1 }) balance: string
}

@RenamedFrom('judge_client')
@Entity('judge_machine')
class JudgeMachine {
  @PrimaryColumn({ type: 'int' }) id: number
}

@Entity('member')
class MemberUnsigned {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 24 }) nickname: string
  @Column({ type: 'int', unsigned: true }) rating: number
  @Column({ type: 'decimal', precision: 10, scale: 2 }) balance: string
}

const tablesQuery = "SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE y FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' ORDER BY t, c"
const rowsQuery = 'SELECT id, nickname, rating, balance FROM member ORDER BY id'

describe('MariaDB (strict mode): a migration narrowing a column after other statements', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('narrow_guards')
    await migrateTo(db, [MemberBefore, JudgeClient], 'Init')
    await db.query("INSERT INTO member (nickname, rating, balance) VALUES ('Menci', 2400, 10.50), ('a nickname of twenty', 1500, 0)")
  })
  afterEach(async () => db?.drop())

  it('fails before its first statement while a value is too long, then runs once it fits', async () => {
    const schemaBefore = await db.query(tablesQuery)
    const rowsBefore = await db.query(rowsQuery)
    await generateMigration(projectFor(db, [MemberNarrowed, JudgeMachine]), 'Narrowed', 1_800_000_000_000)
    const failure = await upgrade(projectFor(db, [MemberNarrowed, JudgeMachine])).then(() => undefined, (error: Error) => error)
    expect(failure?.message).toContain('rows of "member"."nickname" hold values longer than varchar(16) takes')
    expect(failure?.message).toContain('nothing of the table was changed')
    expect(await db.query(tablesQuery)).toEqual(schemaBefore)
    expect(await db.query(rowsQuery)).toEqual(rowsBefore)

    await db.query("UPDATE member SET nickname = 'twenty' WHERE id = 2")
    await db.query('UPDATE member SET rating = -1 WHERE id = 1')
    await expect(upgrade(projectFor(db, [MemberNarrowed, JudgeMachine]))).rejects.toThrow('rows of "member"."rating" hold numbers outside 0..4294967295, which int unsigned cannot hold')
    expect(await db.query(tablesQuery)).toEqual(schemaBefore)

    await db.query('UPDATE member SET rating = 2400, balance = 99999.99 WHERE id = 1')
    await expect(upgrade(projectFor(db, [MemberNarrowed, JudgeMachine]))).rejects.toThrow('rows of "member"."balance" hold numbers outside -99999.9..99999.9, which decimal(6,1) cannot hold')
    expect(await db.query(tablesQuery)).toEqual(schemaBefore)

    // One decimal place fewer is rounded, in strict mode too: no check stops it.
    await db.query('UPDATE member SET balance = 10.55 WHERE id = 1')
    expect(await upgrade(projectFor(db, [MemberNarrowed, JudgeMachine]))).toEqual(['Narrowed1800000000000'])
    expect(await pendingChanges(db, [MemberNarrowed, JudgeMachine])).toEqual([])
    expect(await db.query(rowsQuery)).toEqual([
      { id: 1, nickname: 'Menci', rating: 2400, balance: '10.6' },
      { id: 2, nickname: 'twenty', rating: 1500, balance: '0.0' },
    ])
  })

  it("fails a down before its first statement while a value is past the old type's range", async () => {
    await migrateTo(db, [MemberUnsigned], 'Unsigned')
    await db.query('UPDATE member SET rating = 3000000000 WHERE id = 2')
    const schemaBefore = await db.query(tablesQuery)
    await expect(downgrade(projectFor(db, [MemberUnsigned]))).rejects.toThrow('rows of "member"."rating" hold numbers outside -2147483648..2147483647, which int cannot hold')
    expect(await db.query(tablesQuery)).toEqual(schemaBefore)
    expect(await pendingChanges(db, [MemberUnsigned])).toEqual([])
  })
})
