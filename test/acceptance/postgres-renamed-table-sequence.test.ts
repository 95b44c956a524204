import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from '../../src'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// Found on safe-client-gateway: a migration of its own renamed the table organizations to spaces, whose serial key
// keeps reading organizations_id_seq (PostgreSQL renames no sequence along with its table). Renaming spaces to
// workspaces, the generated migration renamed "spaces_id_seq", which does not exist, and failed at upgrade
// (relation "public.spaces_id_seq" does not exist). So did renaming the key column, and making it bigint
// (ALTER SEQUENCE "public"."spaces_id_seq" AS bigint).

@Entity('organizations')
class Organization {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'PK_org' }) id: number
  @Column({ type: 'text' }) name: string
}

@Entity('spaces')
class Space {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'PK_org' }) id: number
  @Column({ type: 'text' }) name: string
}

@Entity('workspaces')
@RenamedFrom('spaces')
class Workspace {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'PK_org' }) id: number
  @Column({ type: 'text' }) name: string
}

@Entity('spaces')
class SpaceByKey {
  @PrimaryGeneratedColumn({ name: 'space_id', primaryKeyConstraintName: 'PK_org' }) @RenamedFrom('id') id: number
  @Column({ type: 'text' }) name: string
}

@Entity('spaces')
class SpaceWithBigKey {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_org' }) id: string
  @Column({ type: 'text' }) name: string
}

const sequenceOf = async (db: TestDatabase, table: string, column: string) =>
  (await db.query(`SELECT pg_get_serial_sequence('${table}', '${column}') AS s`))[0].s

describe('PostgreSQL: a table renamed by an earlier migration, whose serial key reads the sequence of its old name', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('renamedseq')
    await migrateTo(db, [Organization], 'Organizations')
    await db.query(`INSERT INTO organizations (name) VALUES ('a'), ('b')`)
    await db.query('ALTER TABLE organizations RENAME TO spaces')
    expect(await pendingChanges(db, [Space])).toEqual([])
  })
  afterEach(async () => db?.drop())

  it('renames the table again: the migration runs, the key keeps counting, and down brings the table back', async () => {
    await migrateTo(db, [Workspace], 'Workspaces')
    expect(await pendingChanges(db, [Workspace])).toEqual([])
    await db.query(`INSERT INTO workspaces (name) VALUES ('c')`)
    expect(await db.query('SELECT id, name FROM workspaces ORDER BY id')).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }])
    await revertLast(db, [Workspace])
    expect(await pendingChanges(db, [Space])).toEqual([])
    expect(await sequenceOf(db, 'spaces', 'id')).toBe('public.organizations_id_seq')
    expect(await db.query('SELECT id, name FROM spaces ORDER BY id')).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }])
  })

  it('renames the key column: the migration runs, and down brings the column back', async () => {
    await migrateTo(db, [SpaceByKey], 'SpaceKey')
    expect(await pendingChanges(db, [SpaceByKey])).toEqual([])
    await db.query(`INSERT INTO spaces (name) VALUES ('c')`)
    expect(await db.query('SELECT space_id, name FROM spaces ORDER BY space_id')).toEqual([{ space_id: 1, name: 'a' }, { space_id: 2, name: 'b' }, { space_id: 3, name: 'c' }])
    await revertLast(db, [SpaceByKey])
    expect(await pendingChanges(db, [Space])).toEqual([])
    expect(await sequenceOf(db, 'spaces', 'id')).toBe('public.organizations_id_seq')
  })

  it('makes the key bigint: the sequence it reads is made bigint too, and down makes both integer again', async () => {
    await migrateTo(db, [SpaceWithBigKey], 'BigKey')
    expect(await pendingChanges(db, [SpaceWithBigKey])).toEqual([])
    expect(await db.query(`SELECT data_type FROM information_schema.sequences WHERE sequence_name = 'organizations_id_seq'`)).toEqual([{ data_type: 'bigint' }])
    await db.query(`INSERT INTO spaces (name) VALUES ('c')`)
    await revertLast(db, [SpaceWithBigKey])
    expect(await pendingChanges(db, [Space])).toEqual([])
    expect(await db.query(`SELECT data_type FROM information_schema.sequences WHERE sequence_name = 'organizations_id_seq'`)).toEqual([{ data_type: 'integer' }])
    expect(await db.query('SELECT id, name FROM spaces ORDER BY id')).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }])
  })
})
