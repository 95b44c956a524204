import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { downgrade, upgrade } from '../../src/runner/migration-runner'
import { RenamedFrom } from '../../src/source/renamed-from'
import { projectFor as project } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase, createPostgresDatabase } from '../support/test-database'

// A junction whose derived name passes 63 characters is shortened by TypeORM on PostgreSQL and MySQL, three
// letters a word (org_mem_inv_not_pre_cat_not_pre_cat). An owner renamed by @RenamedFrom did not take it along:
// the hint asked the naming strategy for the long name, which no table has, and generate stopped on a suspected
// rename of the junction, or with --accept-data-loss dropped its rows.

@Entity('notification_preference_category')
class Category {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}

@Entity('organization_membership_invitation')
class InvitationBefore {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => Category) @JoinTable() notificationPreferenceCategories: Category[]
}

@Entity('org_invite')
@RenamedFrom('organization_membership_invitation')
class Invitation {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => Category) @JoinTable() notificationPreferenceCategories: Category[]
}

describe.each([
  ['postgres', () => createPostgresDatabase('longjunction'), '"'],
  ['mariadb', () => createMariaDbDatabase('longjunction'), '`'],
] as const)('%s: a renamed owner of a junction TypeORM shortened', (_dialect, create, q) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await create()
    await generateMigration(project(db, [Category, InvitationBefore]), 'Init', 1_700_000_000_000)
    await upgrade(project(db, [Category, InvitationBefore]))
    await db.query(`INSERT INTO notification_preference_category (name) VALUES ('mail')`)
    await db.query('INSERT INTO organization_membership_invitation (id) VALUES (1)')
    await db.query('INSERT INTO org_mem_inv_not_pre_cat_not_pre_cat VALUES (1, 1)')
  })
  afterAll(async () => db?.drop())

  it('renames the shortened junction and its join column with it, keeping the rows, and back', async () => {
    const result = await generateMigration(project(db, [Category, Invitation]), 'RenameInvitation', 1_700_000_001_000)
    expect(result.comparison.suspectedRenames).toEqual([])
    expect(result.comparison.renames.map((r) => `${r.kind} ${r.from} -> ${r.to}`).sort()).toEqual([
      'column organizationMembershipInvitationId -> orgInviteId',
      'table org_mem_inv_not_pre_cat_not_pre_cat -> org_inv_not_pre_cat_not_pre_cat',
      'table organization_membership_invitation -> org_invite',
    ])
    await upgrade(project(db, [Category, Invitation]))
    expect(await db.query(`SELECT ${q}orgInviteId${q} AS invite FROM org_inv_not_pre_cat_not_pre_cat`)).toEqual([{ invite: 1 }])
    await downgrade(project(db, [Category, Invitation]))
    expect(await db.query(`SELECT ${q}organizationMembershipInvitationId${q} AS invite FROM org_mem_inv_not_pre_cat_not_pre_cat`)).toEqual([{ invite: 1 }])
  })
})
