import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// ToolJet's users.status and organization_users.status both name the enum type `status`, with different labels
// ('verified' only on users). The type was made once, with organization_users' labels, and check then said the
// database matched: inserting a user 'verified' failed with "invalid input value for enum status".

@Entity('organization_users')
class OrganizationUser {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'enum', enumName: 'status', enum: ['invited', 'active', 'archived'] }) status: string
}

@Entity('users')
class User {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'enum', enumName: 'status', enum: ['invited', 'verified', 'active', 'archived'], default: 'invited' }) status: string
}

@Entity('teams')
class Team {
  @PrimaryGeneratedColumn('uuid') id: string
  // The same labels agree: no conflict.
  @Column({ type: 'enum', enumName: 'status', enum: ['invited', 'active', 'archived'] }) status: string
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('enumlabels')
})
afterAll(async () => db?.drop())

it('reports a DECLARATION_CONFLICT naming the labels a column cannot store, before and after the migration', async () => {
  const { source } = await migrateTo(db, [OrganizationUser, User, Team], 'Init')
  expect(source).toContain('// hazard DECLARATION_CONFLICT (danger): enum type "public.status" is declared with different labels')
  const comparison = await compareProject(projectFor(db, [OrganizationUser, User, Team]))
  expect(comparison.up).toEqual([])
  const conflicts = comparison.hazards.filter((h) => h.code === 'DECLARATION_CONFLICT').map((h) => h.message)
  expect(conflicts).toEqual([
    `enum type "public.status" is declared with different labels: the diff follows organization_users.status ('invited', 'active', 'archived'), ` +
      `while users.status declares ('invited', 'verified', 'active', 'archived'), so users.status cannot store 'verified'; ` +
      'give the columns the same labels, or each its own enumName.',
  ])
  await expect(db.query(`INSERT INTO users (status) VALUES ('verified')`)).rejects.toThrow(/invalid input value for enum status/)
})

it('reports nothing once the columns agree', async () => {
  const comparison = await compareProject(projectFor(db, [OrganizationUser, Team]))
  expect(comparison.hazards.filter((h) => h.code === 'DECLARATION_CONFLICT')).toEqual([])
})
