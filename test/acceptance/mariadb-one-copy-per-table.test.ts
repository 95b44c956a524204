import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type EntitySchema } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import type { Statement } from '../../src/dialect/statement'
import { expectCleanCycle, migratedDatabase, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase } from '../support/test-database'

// A table whose column changes type and which gains a check, a unique key or a foreign key, beside another table
// that changes too: every table's column changes run before any table's new keys, so the first table was copied
// twice, once for its column and once more for its check (or key). One ALTER now carries both: one copy.
// And a table whose foreign key is dropped and added again around the change of its column and of the column it
// references: the drop split the table's column changes in two ALTERs, each a copy, and the key was added again
// in an ALTER of its own, a third (ADD FOREIGN KEY copies the table). The column changes now go in one ALTER, which
// adds the key again too where it comes last (the down); after the other table's change, the key is a copy of its own.

@Entity('account')
class Account {
  @PrimaryColumn('int') id: number
  @Column('int') balance: number
}

@Entity('ledger')
class Ledger {
  @PrimaryColumn('int') id: number
}

@Entity('account')
@Check('CHK_account_balance', 'balance >= 0')
class WideAccount {
  @PrimaryColumn('int') id: number
  @Column('bigint', { unique: true }) balance: number
  @ManyToOne(() => Ledger, { nullable: true }) @JoinColumn({ name: 'ledger' }) ledger: Ledger | null
}

/** branchOf is the table `branch` with its column `code` of `type`. */
function branchOf(type: 'int' | 'bigint') {
  @Entity('branch')
  class Branch {
    @PrimaryColumn('int') id: number
    @Column(type) code: number
  }
  return Branch
}

/** teamsOf are the tables `team` and `member`, whose `score` and key to the team (`team.id`) are of `type`. */
function teamsOf(type: 'int' | 'bigint') {
  @Entity('team')
  class Team {
    @PrimaryColumn(type) id: number
  }
  @Entity('member')
  class Member {
    @PrimaryColumn('int') id: number
    @Column(type) score: number
    @ManyToOne(() => Team) @JoinColumn({ name: 'team' }) team: Team
  }
  return [Team, Member]
}

/** copiesOf counts the statements that copy `table`. */
const copiesOf = (statements: readonly Statement[], table: string) => statements.filter((s) => s.rebuild === table).length

/** columnAltersOf counts the statements that redefine columns of `table`. */
const columnAltersOf = (statements: readonly Statement[], table: string) =>
  statements.filter((s) => s.sql.startsWith(`ALTER TABLE \`${table}\``) && s.sql.includes(' MODIFY COLUMN ')).length

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entities = (Function | EntitySchema)[]
/** A case: its entities before and after, its rows, the query that reads them, and the copies of each table up and down. */
const cases: Array<[string, Entities, Entities, string, string, Array<Record<string, number>>]> = [
  ['a table changed in its columns and its keys, beside another', [Account, branchOf('int'), Ledger], [WideAccount, branchOf('bigint'), Ledger],
    'INSERT INTO account (id, balance) VALUES (1, 5), (2, 7)', 'SELECT id, balance FROM account ORDER BY id', [{ account: 1, branch: 1 }, { account: 1, branch: 1 }]],
  ['a table whose foreign key is relinked around its column changes', teamsOf('int'), teamsOf('bigint'),
    'INSERT INTO team (id) VALUES (1), (2)', 'SELECT id FROM team ORDER BY id', [{ member: 2, team: 1 }, { member: 1, team: 1 }]],
]

describe.each(cases)('mariadb: %s', (_label, before, after, seed, rowsQuery, copies) => {
  const database = migratedDatabase(() => createMariaDbDatabase('onecopy'), before, seed)

  it('changes the columns of each table in one ALTER, and copies it no more than that needs, both ways', async () => {
    const { upStatements, downStatements } = await compareProject(projectFor(database(), after))
    for (const [statements, expected] of [[upStatements, copies[0]!], [downStatements, copies[1]!]] as const) {
      const tables = Object.keys(expected)
      expect(Object.fromEntries(tables.map((t) => [t, copiesOf(statements, t)]))).toEqual(expected)
      expect(tables.map((t) => columnAltersOf(statements, t))).toEqual(tables.map(() => 1))
    }
    await expectCleanCycle(database(), before, after, 'Widen', rowsQuery)
  })
})
