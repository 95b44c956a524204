import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A row-level security policy made by hand (Omnivore's `CREATE POLICY ... USING (user_id =
// omnivore.get_current_user_id())` on most of its tables) depends on the columns it reads: PostgreSQL refuses to
// drop one ("cannot drop column ... because other objects depend on it") or change its type ("cannot alter type
// of a column used in a policy definition"). generate says so up front, naming the policy, and upgrade fails as
// it says, changing nothing. A rename, which PostgreSQL carries into the policy, is no hazard.

@Entity('usage')
class Usage {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 36 }) owner: string
  @Column({ type: 'text' }) action: string
}

@Entity('usage')
class UsageWithoutOwner {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) action: string
}

@Entity('usage')
class UsageOwnerRetyped {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) owner: string
  @Column({ type: 'varchar', length: 80 }) action: string
}

const policies = [
  `ALTER TABLE usage ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY usage_owner ON usage FOR ALL USING (owner = current_user) WITH CHECK (owner = current_user)`,
  `CREATE POLICY usage_read ON usage FOR SELECT USING (true)`,
]

let db: TestDatabase
beforeEach(async () => {
  db = await createPostgresDatabase('policy_reads')
  await migrateTo(db, [Usage], 'Init')
  for (const sql of policies) await db.query(sql)
  await db.query(`INSERT INTO usage (owner, action) VALUES ('ada', 'save')`)
})
afterEach(async () => db?.drop())

it.each([
  ['drops', [UsageWithoutOwner], /^Drops column "public"\."usage"\."owner", which policy "usage_owner" on "public"\."usage" reads: the database refuses/, /cannot drop column owner of table usage because other objects depend on it/],
  ['changes the type of', [UsageOwnerRetyped], /^Changes the type of column "public"\."usage"\."owner", which policy "usage_owner" on "public"\."usage" reads: the database refuses/, /cannot alter type of a column used in a policy definition/],
] as const)('warns of a migration that %s a column a policy reads, which fails at upgrade as it says, changing nothing', async (_what, entities, message, refusal) => {
  const { comparison } = await generateMigration(projectFor(db, [...entities]), 'Change', Date.now())
  expect(comparison.hazards.filter((h) => h.code === 'POLICY_READS_COLUMN').map((h) => h.message)).toEqual([expect.stringMatching(message)])
  await expect(upgrade(projectFor(db, [...entities]))).rejects.toThrow(refusal)
  expect(await pendingChanges(db, [Usage])).toEqual([])
  expect(await db.query('SELECT owner, action FROM usage')).toEqual([{ owner: 'ada', action: 'save' }])
})

// An enum type that loses a label is made again, and its columns moved onto it with ALTER COLUMN ... TYPE, which
// PostgreSQL refuses for a column a policy reads as it refuses any change of its type.
@Entity('ticket')
class Ticket {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['open', 'closed', 'spam'], enumName: 'ticket_state' }) state: string
}

@Entity('ticket')
class TicketWithoutSpam {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['open', 'closed'], enumName: 'ticket_state' }) state: string
}

it('warns of an enum type made again under a column a policy reads, which fails at upgrade as it says', async () => {
  const tickets = await createPostgresDatabase('policy_enum')
  try {
    await migrateTo(tickets, [Ticket], 'Init')
    await tickets.query(`CREATE POLICY ticket_visible ON ticket USING (state <> 'spam')`)
    const { comparison } = await generateMigration(projectFor(tickets, [TicketWithoutSpam]), 'DropSpam', Date.now())
    expect(comparison.hazards.filter((h) => h.code === 'POLICY_READS_COLUMN').map((h) => h.message)).toEqual([
      expect.stringMatching(/^Changes the type of column "public"\."ticket"\."state" \(its enum type "public"\."ticket_state" is made again\), which policy "ticket_visible" on "public"\."ticket" reads: the database refuses/),
    ])
    await expect(upgrade(projectFor(tickets, [TicketWithoutSpam]))).rejects.toThrow(/cannot alter type of a column used in a policy definition/)
  } finally {
    await tickets.drop()
  }
})
